/**
 * VPC quotas a design can exceed only as a whole (network-semantics.md §1-2): more than 5 groups on
 * an interface (adjustable to 16), rules per group x groups per interface over 1,000 (counted per
 * direction and family, a prefix list as its max entries), and more than 20 NACL entries per
 * direction per family (adjustable to 40). Over the adjustable default is medium (ask for an
 * increase first); over the hard ceiling is high (AWS refuses the change).
 */
import type { Design, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import type { Finding, LintRule } from '../types.ts';
import { aclTarget, groupTarget, makeFinding, resourceTarget } from '../finding.ts';
import { subnetsUsingAcl } from '../match/nacl.ts';
import { cidrOf } from '../match/world.ts';

const ID = 'design-quotas';

export const GROUPS_PER_ENI = 5;
export const GROUPS_PER_ENI_MAX = 16;
export const RULES_TIMES_GROUPS = 1000;
export const NACL_ENTRIES = 20;
export const NACL_ENTRIES_MAX = 40;

/** Rules of one direction by family, as the quota counts them. */
function ruleCount(d: Design, rules: readonly SecurityGroupRule[]): { 4: number; 6: number } {
  const n = { 4: 0, 6: 0 };
  for (const r of rules) {
    if (r.peer.kind === 'prefix-list') {
      const list = d.prefixLists[r.peer.prefixListId];
      n[list?.addressFamily === 'IPv6' ? 6 : 4] += list?.maxEntries ?? 1;
    } else if (r.peer.kind === 'cidr') n[cidrOf(r.peer.cidr)?.family ?? 4]++;
    else n[4]++;
  }
  return n;
}

function largestRuleCount(d: Design, groups: SecurityGroup[]): number {
  return Math.max(0, ...groups.flatMap((g) => (['ingress', 'egress'] as const).flatMap((dir) => Object.values(ruleCount(d, g[dir])))));
}

export const quotas: LintRule = {
  id: ID,
  title: 'Design exceeds a VPC quota',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    for (const r of Object.values(d.resources)) {
      const eni = [...r.enis].sort((a, b) => b.securityGroupIds.length - a.securityGroupIds.length)[0];
      if (!eni) continue;
      const n = eni.securityGroupIds.length;
      const groups = eni.securityGroupIds.map((g) => d.securityGroups[g]).filter((g): g is SecurityGroup => g !== undefined);
      if (n > GROUPS_PER_ENI) {
        out.push(
          makeFinding(quotas, {
            ids: ['groups-per-eni', r.id],
            severity: n > GROUPS_PER_ENI_MAX ? 'high' : 'medium',
            message: `${r.name} has ${n} security groups on interface ${eni.id}; AWS allows ${GROUPS_PER_ENI} by default (${GROUPS_PER_ENI_MAX} at most)`,
            risk: n > GROUPS_PER_ENI_MAX ? `AWS refuses the attachment, so the design cannot be deployed as drawn.` : `Deployment fails unless the quota is raised first, and every raise lowers the rules each group may hold.`,
            fix: `Merge groups with the same purpose so the interface carries at most ${GROUPS_PER_ENI}, or request a quota increase.`,
            targets: [resourceTarget(r.id)],
            resourceIds: [r.id],
          }),
        );
      }
      const largest = largestRuleCount(d, groups);
      if (n * largest > RULES_TIMES_GROUPS) {
        out.push(
          makeFinding(quotas, {
            ids: ['rules-x-groups', r.id],
            severity: 'high',
            message: `${r.name}: ${n} groups x ${largest} rules in its largest group = ${n * largest}, over AWS's limit of ${RULES_TIMES_GROUPS} rules per interface`,
            risk: `AWS caps rules per group x groups per interface at 1,000, so the groups cannot all be attached with rules this size.`,
            fix: `Replace lists of CIDRs with a prefix list or a group reference, or attach fewer groups.`,
            targets: [resourceTarget(r.id), ...groups.map((g) => groupTarget(g.id))],
            resourceIds: [r.id],
          }),
        );
      }
    }
    for (const acl of Object.values(d.networkAcls)) {
      for (const egress of [false, true]) {
        for (const family of [4, 6] as const) {
          const n = acl.entries.filter((e) => e.egress === egress && (cidrOf(e.cidr)?.family ?? 4) === family).length;
          if (n <= NACL_ENTRIES) continue;
          const dir = egress ? 'outbound' : 'inbound';
          out.push(
            makeFinding(quotas, {
              ids: ['nacl-entries', acl.id, dir, family],
              severity: n > NACL_ENTRIES_MAX ? 'high' : 'medium',
              message: `${acl.name} has ${n} ${dir} IPv${family} rules; AWS allows ${NACL_ENTRIES} per direction per family by default (${NACL_ENTRIES_MAX} at most)`,
              risk: `Deployment fails unless the quota is raised, and long ACLs are evaluated on every packet and hard to review.`,
              fix: `Merge adjacent CIDRs and port ranges, move host-level rules to security groups, or request an increase to ${NACL_ENTRIES_MAX}.`,
              targets: [aclTarget(acl.id)],
              resourceIds: Object.values(d.resources)
                .filter((r) => r.enis.some((e) => subnetsUsingAcl(d, acl.id).some((s) => s.id === e.subnetId)))
                .map((r) => r.id),
            }),
          );
        }
      }
    }
    return out;
  },
};
