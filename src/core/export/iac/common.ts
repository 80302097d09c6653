/**
 * Facts the Terraform and CloudFormation exports share: protocol spellings, port fields, canonical
 * CIDRs, which rules AWS already creates, IPv6 subnet offsets and AWS's name rules for resources
 * that are not tagged (load balancers, databases, functions).
 */
import { parseCidr } from '../../net/cidr.ts';
import { defaultAclEntries, defaultSecurityGroup } from '../../model/defaults.ts';
import type { Design, NetworkAcl, NetworkAclEntry, PeeringStatus, Protocol, Route, SecurityGroup, SecurityGroupRule, Subnet, TrafficMatch, Vpc, VpcPeering } from '../../model/types.ts';

/** The canonical spelling AWS stores (input is kept when it does not parse). */
export function canonical(cidr: string): string {
  const parsed = parseCidr(cidr);
  return parsed.ok ? parsed.value.text : cidr;
}

export function isIpv6(cidr: string): boolean {
  return cidr.includes(':');
}

/** The IANA number of a protocol (-1 for all). */
export function protocolNumber(p: Protocol): number {
  switch (p) {
    case 'all':
      return -1;
    case 'tcp':
      return 6;
    case 'udp':
      return 17;
    case 'icmp':
      return 1;
    case 'icmpv6':
      return 58;
    default:
      return p;
  }
}

/** The IpProtocol of a security-group rule: names for tcp/udp/icmp/icmpv6, "-1" for all, else the number. */
export function groupProtocol(p: Protocol): string {
  if (p === 'all') return '-1';
  if (typeof p === 'number') {
    const named: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6' };
    return named[p] ?? String(p);
  }
  return p;
}

/**
 * The FromPort/ToPort pair AWS expects: the port range for tcp/udp (every port when unset), ICMP
 * type and code for icmp/icmpv6 (-1 wildcards), nothing for every other protocol.
 */
export function portFields(match: TrafficMatch): { from: number; to: number } | undefined {
  const n = protocolNumber(match.protocol);
  if (n === 6 || n === 17) return match.ports ? { from: match.ports.from, to: match.ports.to } : { from: 0, to: 65535 };
  if (n === 1 || n === 58) return { from: match.icmp?.type ?? -1, to: match.icmp?.type === -1 ? -1 : (match.icmp?.code ?? -1) };
  return undefined;
}

/** NACL entries: a port range for tcp/udp, ICMP type/code for icmp/icmpv6. */
export function aclFields(e: NetworkAclEntry): { ports?: { from: number; to: number }; icmp?: { type: number; code: number } } {
  const n = protocolNumber(e.match.protocol);
  if (n === 6 || n === 17) return { ports: e.match.ports ? { ...e.match.ports } : { from: 0, to: 65535 } };
  if (n === 1 || n === 58) {
    const type = e.match.icmp?.type ?? -1;
    return { icmp: { type, code: type === -1 ? -1 : (e.match.icmp?.code ?? -1) } };
  }
  return {};
}

const ruleKey = (r: Pick<SecurityGroupRule, 'match' | 'peer'>, selfId: string): string =>
  JSON.stringify([r.match.protocol, portFields(r.match) ?? null, r.peer.kind === 'security-group' && r.peer.groupId === selfId ? 'self' : r.peer.kind === 'cidr' ? canonical(r.peer.cidr) : r.peer]);

/** A default group's rules compared with those AWS gives it: what must be added and what cannot be removed. */
export function defaultGroupDelta(d: Design, g: SecurityGroup): { extraIngress: SecurityGroupRule[]; extraEgress: SecurityGroupRule[]; missing: string[] } {
  const vpc = d.vpcs[g.vpcId];
  const aws = vpc ? defaultSecurityGroup(vpc, g.id) : { ingress: [], egress: [] };
  const delta = (mine: SecurityGroupRule[], theirs: SecurityGroupRule[], dir: string) => {
    const have = new Set(mine.map((r) => ruleKey(r, g.id)));
    const want = new Set(theirs.map((r) => ruleKey(r, g.id)));
    return {
      extra: mine.filter((r) => !want.has(ruleKey(r, g.id))),
      missing: theirs.filter((r) => !have.has(ruleKey(r, g.id))).map((r) => `${dir} ${describePeer(r, g.id)} (${groupProtocol(r.match.protocol)})`),
    };
  };
  const i = delta(g.ingress, aws.ingress, 'ingress from');
  const e = delta(g.egress, aws.egress, 'egress to');
  return { extraIngress: i.extra, extraEgress: e.extra, missing: [...i.missing, ...e.missing] };
}

function describePeer(r: SecurityGroupRule, selfId: string): string {
  const p = r.peer;
  if (p.kind === 'cidr') return p.cidr;
  if (p.kind === 'prefix-list') return p.prefixListId;
  return p.groupId === selfId ? 'the group itself' : p.groupId;
}

/** Whether a default ACL still holds exactly the entries AWS gives it. */
export function isPristineDefaultAcl(vpc: Vpc, acl: NetworkAcl): boolean {
  const key = (e: NetworkAclEntry) => JSON.stringify([e.ruleNumber, e.egress, e.action, canonical(e.cidr), protocolNumber(e.match.protocol), aclFields(e)]);
  const want = defaultAclEntries(vpc.ipv6Cidrs.length > 0).map(key).sort();
  const have = acl.entries.map(key).sort();
  return want.length === have.length && want.every((k, i) => k === have[i]);
}

/**
 * Where a subnet's IPv6 block sits in its VPC's: the index of the VPC block and the cidrsubnet()
 * arguments (new bits and network number), so an Amazon-generated block keeps the design's layout.
 */
export function ipv6Placement(vpc: Vpc, subnet: Subnet): { block: number; newbits: number; netnum: number } | undefined {
  if (!subnet.ipv6Cidr) return undefined;
  const inner = parseCidr(subnet.ipv6Cidr);
  if (!inner.ok) return undefined;
  for (const [block, text] of vpc.ipv6Cidrs.entries()) {
    const outer = parseCidr(text);
    if (!outer.ok || outer.value.family !== 6 || inner.value.prefix < outer.value.prefix) continue;
    if (inner.value.first < outer.value.first || inner.value.last > outer.value.last) continue;
    const newbits = inner.value.prefix - outer.value.prefix;
    const netnum = Number((inner.value.first - outer.value.first) >> BigInt(128 - inner.value.prefix));
    return { block, newbits, netnum };
  }
  return { block: 0, newbits: 8, netnum: 0 };
}

/** The index of the VPC IPv4 CIDR that holds a subnet (0: the primary). */
export function ipv4BlockOf(vpc: Vpc, subnet: Subnet): number {
  const inner = parseCidr(subnet.cidr);
  if (!inner.ok) return 0;
  const i = vpc.cidrs.findIndex((c) => {
    const outer = parseCidr(c);
    return outer.ok && outer.value.first <= inner.value.first && inner.value.last <= outer.value.last;
  });
  return Math.max(0, i);
}

const LIVE_PEERINGS: readonly PeeringStatus[] = ['active', 'pending-acceptance', 'initiating-request', 'provisioning'];

/** Peerings worth creating: those not deleted, rejected, failed or expired. */
export function livePeering(p: VpcPeering): boolean {
  return LIVE_PEERINGS.includes(p.status);
}

/** Whether a route can be written: active, and not the implicit local one. */
export function writableRoute(r: Route): boolean {
  return r.state === 'active' && r.target.kind !== 'local';
}

/** The kind of gateway an `other` route target id names, by its AWS prefix. */
export function otherTargetKind(id: string): 'gateway' | 'transit-gateway' | 'network-interface' | 'vpc-endpoint' | 'egress-only' | undefined {
  if (id.startsWith('vgw-')) return 'gateway';
  if (id.startsWith('tgw-')) return 'transit-gateway';
  if (id.startsWith('eni-')) return 'network-interface';
  if (id.startsWith('vpce-')) return 'vpc-endpoint';
  if (id.startsWith('eigw-')) return 'egress-only';
  return undefined;
}

/**
 * An AWS name of letters, digits and hyphens (load balancers, target groups: 32; DB identifiers:
 * 63, lowercase, starting with a letter; Lambda: 64 with underscores), never empty.
 */
export function awsName(text: string, rule: { max: number; lower?: boolean; underscore?: boolean; letterFirst?: boolean; fallback: string }): string {
  const allowed = rule.underscore ? /[^A-Za-z0-9_-]+/g : /[^A-Za-z0-9-]+/g;
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(allowed, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (rule.lower) s = s.toLowerCase();
  if (rule.letterFirst && !/^[A-Za-z]/.test(s)) s = `${rule.fallback}-${s}`;
  s = s.slice(0, rule.max).replace(/-+$/g, '');
  if (s === '' || s.toLowerCase().startsWith('internal-')) s = rule.fallback + (s ? `-${s}` : '');
  return s.slice(0, rule.max).replace(/-+$/g, '');
}

/** Tags with the entity's name as `Name` unless the tags already name it. */
export function nameTags(name: string, tags: Record<string, string> | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!tags || !Object.prototype.hasOwnProperty.call(tags, 'Name')) out.push(['Name', name]);
  for (const [k, v] of Object.entries(tags ?? {})) if (!k.toLowerCase().startsWith('aws:')) out.push([k, v]);
  return out;
}
