/** The components a path is made of, as checks (see chain.ts): groups, ACLs, gates and narrowing steps. */
import type { Address, PortSet, TrafficSet } from '../net/index.ts';
import type { EniInfo, SubnetInfo } from './compiled.ts';
import type { Check } from './chain.ts';
import type { Explanation, Hop } from './types.ts';
import { EMPTY_STATE, oneWayPart, replyPass, replyTraffic, type FlowState } from './flow-traffic.ts';
import { aclAllowed, aclAllowedAll, implicitDeny } from './acl-eval.ts';
import { explainSg, sgAllowed, sgMatchDetail, type SgDirection, type SgPeer } from './sg-eval.ts';

/** A component that only marks the path (source, interface, resource, a local route). */
export function passCheck(hop: Hop, path: 'forward' | 'return' = 'forward'): Check {
  return { hop, path, run: (s) => s, explain: () => unreachableExplain(hop) };
}

function unreachableExplain(hop: Hop): Explanation {
  throw new Error(`${hop.componentId} never blocks`);
}

/** A component that lets everything or nothing through; on the reply's path, traffic that expects no reply still passes. */
export function gateCheck(hop: Hop, path: 'forward' | 'return', ok: boolean, explain: () => Explanation): Check {
  if (ok) return { hop, path, run: (s) => s, explain };
  if (path === 'forward') return { hop, path, run: () => EMPTY_STATE, explain };
  return { hop, path, run: (s) => ({ traffic: oneWayPart(s.traffic), ret: s.ret }), explain };
}

/** A component that lets through only `allowed` (a listener's ports, a target's ports). */
export function narrowCheck(hop: Hop, allowed: TrafficSet, explain: (input: FlowState) => Explanation): Check {
  return {
    hop,
    path: 'forward',
    run: (s) => ({ traffic: s.traffic.intersect(allowed), ret: s.ret }),
    explain,
  };
}

/** The security groups of `owner` in one direction. */
export function sgCheck(owner: EniInfo, dir: SgDirection, peer: SgPeer): Check {
  const hop: Hop = {
    componentId: owner.groups.map((g) => g.sg.id).join(',') || owner.eni.id,
    componentType: 'security-group',
    name: owner.groups.map((g) => g.sg.name).join(', ') || owner.label,
    direction: dir,
  };
  return {
    hop,
    path: 'forward',
    run: (s) => ({ traffic: sgAllowed(owner.groups, dir, peer, s.traffic), ret: s.ret }),
    explain: (s) => explainSg(owner, dir, peer, s.traffic, 'forward'),
    detail: (_, out) => sgMatchDetail(owner.groups, dir, peer, out.traffic),
  };
}

function aclHop(subnet: SubnetInfo, dir: 'inbound' | 'outbound'): Hop {
  const acl = subnet.acl!;
  return { componentId: acl.acl.id, componentType: 'network-acl', name: acl.acl.name, direction: dir };
}

function ruleText(n: number, family: 4 | 6): string {
  return n === implicitDeny(family) ? `the final * rule (${n})` : `rule ${n}`;
}

/** A subnet's ACL on the forward packet; `peer` is the source (inbound) or destination (outbound). */
export function aclCheck(subnet: SubnetInfo, dir: 'inbound' | 'outbound', peer: Address, peerDesc: string): Check | undefined {
  const acl = subnet.acl;
  if (!acl) return undefined;
  const entries = acl[dir][peer.family];
  const hop = aclHop(subnet, dir);
  return {
    hop,
    path: 'forward',
    run: (s) => {
      const all = aclAllowedAll(entries, peer);
      return { traffic: all.isAll() ? s.traffic : s.traffic.intersect(all), ret: s.ret };
    },
    detail: (s) => {
      const o = aclAllowed(entries, peer, s.traffic);
      return `rule ${o.allowedBy.join(', ')} allows ${o.allowed.describe()} ${dir === 'inbound' ? 'from' : 'to'} ${peerDesc}`;
    },
    explain: (s) => {
      const o = aclAllowed(entries, peer, s.traffic);
      const n = o.deniedBy ?? implicitDeny(peer.family);
      const what = `${dir} ${s.traffic.describe()} ${dir === 'inbound' ? 'from' : 'to'} ${peerDesc}`;
      return {
        code: 'SUBNET_ACL_RESTRICTION',
        componentId: acl.acl.id,
        componentType: 'network-acl',
        componentName: acl.acl.name,
        direction: dir,
        path: 'forward',
        ruleNumber: n,
        message: `Network ACL ${acl.label} of subnet ${subnet.label} denies ${what} with ${ruleText(n, peer.family)}.`,
      };
    },
  };
}

/**
 * A subnet's ACL on the reply. The reply goes to the client's ephemeral ports: `ephemeral` is the
 * range of the host that opened the connection on this leg (a NAT gateway's own range on the
 * Internet side of a NAT); 'client' means the client's ports that have survived so far.
 */
export function aclReplyCheck(
  subnet: SubnetInfo,
  dir: 'inbound' | 'outbound',
  peer: Address,
  peerDesc: string,
  ephemeral: PortSet | 'client',
): Check | undefined {
  const acl = subnet.acl;
  if (!acl) return undefined;
  const entries = acl[dir][peer.family];
  const hop = aclHop(subnet, dir);
  const portsOf = (s: FlowState) => (ephemeral === 'client' ? s.ret : { tcp: ephemeral, udp: ephemeral });
  return {
    hop,
    path: 'return',
    run: (s) => {
      const out = replyPass(s.traffic, portsOf(s), aclAllowedAll(entries, peer), ephemeral === 'client');
      return ephemeral === 'client' ? out : { traffic: out.traffic, ret: s.ret };
    },
    detail: (s) => {
      const o = aclAllowed(entries, peer, replyTraffic(s.traffic, portsOf(s)));
      return `rule ${o.allowedBy.join(', ')} allows the reply ${o.allowed.describe()} ${dir === 'inbound' ? 'from' : 'to'} ${peerDesc}`;
    },
    explain: (s) => {
      const reply = replyTraffic(s.traffic, portsOf(s));
      const o = aclAllowed(entries, peer, reply);
      const n = o.deniedBy ?? implicitDeny(peer.family);
      const what = `${dir} ${reply.describe()} ${dir === 'inbound' ? 'from' : 'to'} ${peerDesc}`;
      return {
        code: 'SUBNET_ACL_RESTRICTION',
        componentId: acl.acl.id,
        componentType: 'network-acl',
        componentName: acl.acl.name,
        direction: dir,
        path: 'return',
        ruleNumber: n,
        message: `Network ACL ${acl.label} of subnet ${subnet.label} blocks the reply: ${what} is denied by ${ruleText(n, peer.family)}.`,
      };
    },
  };
}

/** Appends the checks that exist (a subnet without an ACL has none). */
export function push(list: Check[], ...checks: Array<Check | undefined>): void {
  for (const c of checks) if (c) list.push(c);
}

export { EMPTY_STATE };
