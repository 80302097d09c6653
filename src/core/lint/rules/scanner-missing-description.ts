/**
 * Groups and rules without a description, one finding per group. The default group is left to
 * the default-group checks (its rules are AWS's own).
 */
import type { Design, SecurityGroupRule } from '../../model/types.ts';
import type { LintRule } from '../types.ts';
import { describeSecurityGroup } from '../../model/commands/security-group.ts';
import { updateRule } from '../../model/commands/rules.ts';
import { groupTarget, makeFinding, membersOf, peerLabel, quickFix, ruleTarget, type Direction } from '../finding.ts';
import { describeMatch } from '../match/rule-traffic.ts';
import type { CommandResult } from '../../model/commands/common.ts';
import { ok } from '../../model/result.ts';

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** A description that says what a rule does, in AWS's allowed characters: "Allows tcp 443 from 0.0.0.0/0". */
export function generatedDescription(d: Design, direction: Direction, rule: SecurityGroupRule): string {
  const text = `Allows ${describeMatch(rule.match)} ${direction === 'ingress' ? 'from' : 'to'} ${peerLabel(d, rule)}`;
  return text.replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ' ').slice(0, 255);
}

export const missingDescription: LintRule = {
  id: 'sg-missing-description',
  title: 'Missing description',
  severity: 'info',
  anchors: ['CKV_AWS_23', 'AVD-AWS-0099', 'AVD-AWS-0124'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.securityGroups).flatMap((g) => {
      if (g.isDefault) return [];
      const groupBlank = blank(g.description);
      const rules = (['ingress', 'egress'] as const).flatMap((direction) => g[direction].filter((r) => blank(r.description)).map((rule) => ({ direction, rule })));
      if (!groupBlank && rules.length === 0) return [];
      const parts = [groupBlank ? 'no description' : '', rules.length ? `${rules.length} rule${rules.length === 1 ? '' : 's'} without a description` : ''].filter(Boolean);
      return [
        makeFinding(this, {
          ids: [g.id],
          message: `${g.name} has ${parts.join(' and ')}`,
          risk: 'Without descriptions nobody can tell why a rule exists, so stale or dangerous rules survive every review.',
          fix: 'Describe the group\'s purpose and, for each rule, who needs it and why (ticket, service, owner).',
          targets: [groupTarget(g.id), ...rules.map((x) => ruleTarget(g.id, x.direction, x.rule.id))],
          resourceIds: membersOf(d, g.id).map((m) => m.id),
          quickFix: quickFix('Add generated descriptions', (d1) => {
            let r: CommandResult = ok(d1);
            if (groupBlank) r = describeSecurityGroup(d1, g.id, `${g.name} security group`.replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ' '));
            for (const x of rules) {
              if (!r.ok) return r;
              const input = { match: x.rule.match, peer: x.rule.peer, description: generatedDescription(r.value, x.direction, x.rule) };
              r = updateRule(r.value, g.id, x.direction, x.rule.id, input);
            }
            return r;
          }),
        }),
      ];
    });
  },
};
