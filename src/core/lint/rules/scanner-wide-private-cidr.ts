/**
 * A private source far wider than the VPC (10.0.0.0/8 when the VPC is 10.20.0.0/16): at least 16
 * times the VPC's largest block and not inside any of its blocks. Admits every network the company
 * may ever route here (peerings, VPNs, other accounts).
 */
import type { LintRule } from '../types.ts';
import { allGroupRules, makeFinding } from '../finding.ts';
import { cidrOf, peerCidr } from '../match/world.ts';
import { describeMatch, ruleTraffic } from '../match/rule-traffic.ts';
import { cidrContainsCidr, cidrSize, isPrivateCidr, type Cidr } from '../../net/index.ts';
import { memberExposure, narrowToVpcFix, onMembers, ruleTargets } from './scanner-common.ts';

/** How many times larger than the VPC's largest block a private source must be to count as far wider. */
export const WIDE_PRIVATE_FACTOR = 16n;

export const widePrivateCidr: LintRule = {
  id: 'sg-wide-private-cidr',
  title: 'Wide private CIDR',
  severity: 'low',
  anchors: ['KICS Security Group Rule Allows Wide Private Network'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return allGroupRules(d, 'ingress').flatMap((x) => {
      const c = peerCidr(x.rule.peer);
      if (!c || !isPrivateCidr(c)) return [];
      const vpc = d.vpcs[x.group.vpcId];
      const blocks = [...(vpc?.cidrs ?? []), ...(vpc?.ipv6Cidrs ?? [])].map(cidrOf).filter((b): b is Cidr => b !== undefined && b.family === c.family);
      if (blocks.length === 0 || blocks.some((b) => cidrContainsCidr(b, c))) return [];
      const largest = blocks.reduce((a, b) => (cidrSize(b) > cidrSize(a) ? b : a));
      if (cidrSize(c) < cidrSize(largest) * WIDE_PRIVATE_FACTOR) return [];
      const m = memberExposure(ctx, x.group.id, ruleTraffic(x.rule.match));
      return [
        makeFinding(this, {
          ids: [x.group.id, x.rule.id],
          message: `${x.group.name} admits ${describeMatch(x.rule.match)} from ${c.text}, far wider than VPC ${vpc?.name ?? x.group.vpcId} (${largest.text})${onMembers(m)}`,
          risk: 'A private block much wider than the VPC admits every network that is, or later becomes, routed here: other VPCs, VPN sites, acquired companies.',
          fix: `Narrow ${c.text} to the VPC CIDR (${largest.text}) or to the specific peer networks that need access, or reference their security groups.`,
          targets: ruleTargets(x),
          resourceIds: m.resourceIds,
          quickFix: narrowToVpcFix(d, x),
        }),
      ];
    });
  },
};

