/** Over 50 rules in one direction (hard to review), over the 60-rule quota per address family (AWS refuses it). */
import type { Design, SecurityGroup } from '../../model/types.ts';
import type { LintRule } from '../types.ts';
import { MAX_RULES_PER_DIRECTION } from '../../model/commands/rules.ts';
import { groupTarget, makeFinding, membersOf } from '../finding.ts';

/** Prowler's default threshold for many rules. */
export const MANY_RULES = 50;

/** Rules of one direction counted as the quota counts them: per family, a prefix list as its max entries. */
export function ruleCount(d: Design, g: SecurityGroup, direction: 'ingress' | 'egress'): { v4: number; v6: number } {
  let v4 = 0;
  let v6 = 0;
  for (const r of g[direction]) {
    if (r.peer.kind === 'cidr') {
      if (r.peer.cidr.includes(':')) v6++;
      else v4++;
    } else if (r.peer.kind === 'prefix-list') {
      const list = d.prefixLists[r.peer.prefixListId];
      if (list?.addressFamily === 'IPv6') v6 += list.maxEntries;
      else v4 += list?.maxEntries ?? 1;
    } else v4++;
  }
  return { v4, v6 };
}

export const tooManyRules: LintRule = {
  id: 'sg-too-many-rules',
  title: 'Too many rules',
  severity: 'medium',
  anchors: ['Prowler ec2_securitygroup_with_many_ingress_egress_rules', 'VPC quota: 60 rules per direction'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.securityGroups).flatMap((g) =>
      (['ingress', 'egress'] as const).flatMap((direction) => {
        const { v4, v6 } = ruleCount(d, g, direction);
        const n = Math.max(v4, v6);
        if (g[direction].length <= MANY_RULES && n <= MANY_RULES) return [];
        const over = n > MAX_RULES_PER_DIRECTION;
        const total = Math.max(n, g[direction].length);
        return [
          makeFinding(this, {
            ids: [g.id, direction],
            severity: over ? 'high' : 'medium',
            message: over
              ? `${g.name} has ${n} ${direction} rules in one address family, over AWS's quota of ${MAX_RULES_PER_DIRECTION}`
              : `${g.name} has ${total} ${direction} rules (more than ${MANY_RULES})`,
            risk: over
              ? 'AWS refuses more than 60 rules per direction and family (prefix lists count as their max entries): the design cannot be deployed as drawn.'
              : 'A group this large cannot be reviewed reliably; overly broad or stale rules hide among the others.',
            fix: 'Merge rules with prefix lists or group references, split the group by role, and remove stale rules.',
            targets: [groupTarget(g.id)],
            resourceIds: membersOf(d, g.id).map((m) => m.id),
          }),
        ];
      }),
    );
  },
};
