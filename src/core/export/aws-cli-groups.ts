/** Security groups in the deploy script: every group first, then every rule (so cycles work). */
import type { Design, SecurityGroup, SecurityGroupRule, Vpc } from '../model/types.ts';
import { shellJson, type JsonValue } from './shell-quote.ts';
import { createTags, tagSpec, type Script } from './aws-cli-script.ts';
import { defaultSecurityGroup } from '../model/defaults.ts';

/** IpProtocol as the EC2 API takes it. */
function ipProtocol(p: SecurityGroupRule['match']['protocol']): string {
  return p === 'all' ? '-1' : String(p);
}

/** One IpPermission for one rule; group and prefix-list peers use the script's ids when it has them. */
export function ipPermission(s: Script, rule: SecurityGroupRule): JsonValue {
  const protocol = ipProtocol(rule.match.protocol);
  const perm: Record<string, JsonValue> = { IpProtocol: protocol };
  if (protocol === 'tcp' || protocol === 'udp' || protocol === '6' || protocol === '17') {
    const ports = rule.match.ports ?? { from: 0, to: 65535 };
    perm.FromPort = ports.from;
    perm.ToPort = ports.to;
  } else if (protocol === 'icmp' || protocol === '1') {
    const icmp = rule.match.icmp ?? { type: -1, code: -1 };
    perm.FromPort = icmp.type;
    perm.ToPort = icmp.code;
  } else if (protocol === 'icmpv6' || protocol === '58') {
    // -1/-1 is "every type and code", the same as no range (and moto refuses no range).
    const icmp = rule.match.icmp ?? { type: -1, code: -1 };
    perm.FromPort = icmp.type;
    perm.ToPort = icmp.code;
  }
  const desc = rule.description ? { Description: rule.description } : {};
  const peer = rule.peer;
  if (peer.kind === 'cidr') {
    if (peer.cidr.includes(':')) perm.Ipv6Ranges = [{ CidrIpv6: peer.cidr, ...desc }];
    else perm.IpRanges = [{ CidrIp: peer.cidr, ...desc }];
  } else if (peer.kind === 'prefix-list') {
    perm.PrefixListIds = [{ PrefixListId: s.idJson(`pl:${peer.prefixListId}`, peer.prefixListId), ...desc }];
  } else {
    const known = s.varOf(`sg:${peer.groupId}`) !== undefined;
    perm.UserIdGroupPairs = [
      {
        GroupId: s.idJson(`sg:${peer.groupId}`, peer.groupId),
        ...(!known && peer.ownerId ? { UserId: peer.ownerId } : {}),
        ...(peer.peeringId && s.varOf(`pcx:${peer.peeringId}`) ? { VpcPeeringConnectionId: s.idJson(`pcx:${peer.peeringId}`, peer.peeringId) } : {}),
        ...desc,
      },
    ];
  }
  return perm;
}

/** Rules without repeats: AWS refuses a rule twice (the first one's description is kept). */
function distinct(rules: SecurityGroupRule[]): SecurityGroupRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = JSON.stringify([ipProtocol(r.match.protocol), r.match.ports, r.match.icmp, r.peer.kind, r.peer]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The egress AWS gives a new group in a VPC without IPv6: all traffic to 0.0.0.0/0. */
function isNewGroupEgress(g: SecurityGroup): boolean {
  const [only, ...more] = g.egress;
  return more.length === 0 && only?.match.protocol === 'all' && only.peer.kind === 'cidr' && only.peer.cidr === '0.0.0.0/0' && !only.description;
}

/** The rules are exactly those AWS gives a new VPC's default group (same matches and peers, no descriptions). */
function asAwsMakesIt(rules: SecurityGroupRule[], aws: SecurityGroupRule[]): boolean {
  const key = (list: SecurityGroupRule[]) => list.map((r) => JSON.stringify([ipProtocol(r.match.protocol), r.match.ports ?? null, r.match.icmp ?? null, r.peer, r.description ?? ''])).sort().join('\n');
  return rules.length === aws.length && key(rules) === key(aws);
}

export interface GroupTarget {
  /** The shell variable of the VPC the groups go into. */
  vpcVar: string;
  regionVar: string;
  /** groupsOnly: an existing VPC whose default group is left as it is. */
  existingVpc: boolean;
}

/** Creates (or finds, for the default group) every group of `vpc`; returns the groups to write rules for. */
export function writeGroups(s: Script, d: Design, vpc: Vpc, t: GroupTarget): SecurityGroup[] {
  const groups = Object.values(d.securityGroups).filter((g) => g.vpcId === vpc.id);
  const ruled: SecurityGroup[] = [];
  for (const g of groups) {
    const v = s.declare(`sg:${g.id}`, 'SG');
    const r = t.regionVar;
    if (g.isDefault) {
      s.push(
        `${v}="$(newid sg "$${r}" ec2 describe-security-groups --filters "Name=vpc-id,Values=$${t.vpcVar}" Name=group-name,Values=default --query 'SecurityGroups[0].GroupId')"`,
      );
      if (t.existingVpc) {
        s.note(`the existing VPC's default group keeps its rules (other resources of that VPC use it); rules of ${g.name} in the design are not written`);
        continue;
      }
      // Egress that is AWS's default (all to 0.0.0.0/0, IPv4-only VPC) is left as AWS made it:
      // three calls fewer. Ingress is always rewritten: the self rule is not there everywhere
      // (moto 5 makes the default group without it).
      const keepEgress = vpc.ipv6Cidrs.length === 0 && asAwsMakesIt(g.egress, defaultSecurityGroup(vpc, g.id).egress);
      s.push(...createTags(r, v, undefined, g.tags), `sg_clear "$${r}" "$${v}" ingress`);
      if (!keepEgress) s.push(`sg_clear "$${r}" "$${v}" egress`);
      ruled.push(keepEgress ? { ...g, egress: [] } : g);
      continue;
    }
    const names = shellJson({ GroupName: g.name, Description: g.description });
    s.push(`${v}="$(newid sg "$${r}" ec2 create-security-group --vpc-id "$${t.vpcVar}" --cli-input-json ${names}${tagSpec('security-group', g.name, g.tags)} --query GroupId)"`);
    if (t.existingVpc || vpc.ipv6Cidrs.length > 0) {
      // What a new group's egress holds depends on the VPC's IPv6: read it and revoke it all.
      s.push(`sg_clear "$${r}" "$${v}" egress`);
    } else if (isNewGroupEgress(g)) {
      ruled.push({ ...g, egress: [] });
      continue;
    } else {
      s.push(`awsr "$${r}" ec2 revoke-security-group-egress --group-id "$${v}" --ip-permissions '[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]' >/dev/null`);
    }
    ruled.push(g);
  }
  return ruled;
}

/** Authorises every rule of the groups, one call per group and direction. */
export function writeRules(s: Script, groups: SecurityGroup[], regionVar: string): void {
  for (const g of groups) {
    const v = s.varOf(`sg:${g.id}`)!;
    for (const [dir, rules] of [['ingress', g.ingress], ['egress', g.egress]] as const) {
      const list = distinct(rules);
      if (list.length < rules.length) s.note(`${g.name}: ${rules.length - list.length} repeated ${dir} rule(s) written once`);
      if (list.length === 0) continue;
      s.push(`awsr "$${regionVar}" ec2 authorize-security-group-${dir} --group-id "$${v}" --ip-permissions ${shellJson(list.map((r) => ipPermission(s, r)))} >/dev/null`);
    }
  }
}
