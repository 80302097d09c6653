/**
 * References to empty or missing groups. A rule naming a group the design does not hold (and no
 * active peering explains) is stale: it matches nothing, and AWS keeps it as a dangling line.
 * A reference across a peering that is not active is stale too. A reference to a group with no
 * members matches nothing today, and admits whatever is put in that group tomorrow.
 */
import type { Design, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { removeRules } from '../../model/commands/rules.ts';
import type { Finding, LintRule } from '../types.ts';
import { makeFinding, membersOf, peerLabel, quickFix, ruleTarget } from '../finding.ts';
import { describeMatch } from '../match/rule-traffic.ts';
import { orderedRules } from './design-support.ts';

const ID = 'design-stale-group-reference';

type Problem = { kind: 'missing' } | { kind: 'peering'; peeringId: string; status: string } | { kind: 'empty' };

function problemOf(d: Design, group: SecurityGroup, rule: SecurityGroupRule): Problem | undefined {
  const peer = rule.peer;
  if (peer.kind !== 'security-group') return undefined;
  if (peer.peeringId) {
    const pcx = d.peerings[peer.peeringId];
    if (!pcx) return { kind: 'peering', peeringId: peer.peeringId, status: 'not in the design' };
    if (pcx.status !== 'active') return { kind: 'peering', peeringId: pcx.id, status: pcx.status };
  }
  const target = d.securityGroups[peer.groupId];
  // A group of an active peer the design does not describe is unknown, not stale (UNKNOWN_PEERED_SGS).
  if (!target) return peer.peeringId ? undefined : { kind: 'missing' };
  if (membersOf(d, target.id).length === 0 && membersOf(d, group.id).length > 0) return { kind: 'empty' };
  return undefined;
}

export const staleReference: LintRule = {
  id: ID,
  title: 'Reference to an empty or missing security group',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    for (const { group, direction, rule } of orderedRules(d)) {
      const problem = problemOf(d, group, rule);
      if (!problem) continue;
      const peer = peerLabel(d, rule);
      const what = `${group.name} ${direction === 'ingress' ? 'admits' : 'lets out'} ${describeMatch(rule.match)} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`;
      const resourceIds = membersOf(d, group.id).map((r) => r.id);
      const target = ruleTarget(group.id, direction, rule.id);
      const remove = quickFix(`Remove the stale reference to ${peer}`, (design) => removeRules(design, group.id, direction, [rule.id]));
      if (problem.kind === 'empty') {
        out.push(
          makeFinding(staleReference, {
            ids: [group.id, rule.id],
            severity: 'low',
            message: `${what}, a group with no members: the rule matches nothing today`,
            risk: `Whatever is later put in ${peer} silently gains this access, and the rule suggests a flow that does not exist.`,
            fix: `Remove the rule if ${peer} is no longer used, or attach ${peer} to the resources meant to have this access.`,
            targets: [target],
            resourceIds,
          }),
        );
        continue;
      }
      out.push(
        makeFinding(staleReference, {
          ids: [group.id, rule.id],
          message:
            problem.kind === 'missing'
              ? `${what}, a group that does not exist in the design (stale reference)`
              : `${what} across peering ${problem.peeringId}, which is ${problem.status}: the reference is stale`,
          risk: `A stale reference matches nothing, so the access it was written for is silently broken, and it hides which flows the group really allows.`,
          fix: problem.kind === 'missing' ? `Remove the rule, or point it at the group that replaced ${peer}.` : `Re-activate peering ${problem.peeringId}, or remove the rule.`,
          targets: [target],
          resourceIds,
          quickFix: remove,
        }),
      );
    }
    return out;
  },
};
