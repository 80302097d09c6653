/**
 * Set operations of exposure's subnet caps (exposure-caps.ts), kept by identity like those of
 * traffic-memo.ts; and what a subnet's ACL allows for every address of another subnet alike.
 */
import { addressFromValue, TrafficSet, type Cidr, type PortSet } from '../net/index.ts';
import type { AclEntryInfo, EniInfo, SubnetInfo } from './compiled.ts';
import { aclAllowedAll } from './acl-eval.ts';
import { replyPass } from './flow-traffic.ts';
import { within } from './traffic-memo.ts';

/** Whether the interface's IPv4 address (if any) lies in its subnet's block, as the subnet-wide bounds assume. */
export function inSubnet(d: EniInfo): boolean {
  const a = d.private4;
  const b = d.subnet.cidr;
  return a === undefined || (b.family === 4 && b.first <= a.value && a.value <= b.last);
}

const ALL = TrafficSet.all();
const blockMemo = new WeakMap<readonly AclEntryInfo[], WeakMap<Cidr, TrafficSet>>();

/**
 * What the entries allow for every address of `block` alike: exact when no entry's CIDR holds
 * part of the block only (then each address matches the same entries); otherwise everything,
 * which is still an upper bound.
 */
export function blockAllowed(entries: readonly AclEntryInfo[], block: Cidr): TrafficSet {
  let row = blockMemo.get(entries);
  if (!row) blockMemo.set(entries, (row = new WeakMap()));
  let hit = row.get(block);
  if (!hit) {
    const cut = entries.some((e) => e.cidr.family === block.family && e.cidr.first <= block.last && block.first <= e.cidr.last && !(e.cidr.first <= block.first && block.last <= e.cidr.last));
    row.set(block, (hit = cut || block.family !== 4 ? ALL : aclAllowedAll(entries, addressFromValue(4, block.first))));
  }
  return hit;
}

/**
 * `t` within what the host's own subnet ACL lets out toward any address of `to` and back in as the
 * reply to the host's ephemeral ports (classTraffic's out and home steps, fast-path.ts).
 */
export function throughOwnAcl(t: TrafficSet, from: SubnetInfo, to: SubnetInfo, ephemeral: PortSet): TrafficSet {
  if (!from.acl || t.isEmpty()) return t;
  const out = within(t, blockAllowed(from.acl.outbound[4], to.cidr));
  return out.isEmpty() ? out : replied(out, blockAllowed(from.acl.inbound[4], to.cidr), ephemeral);
}

const repliedMemo = new WeakMap<TrafficSet, WeakMap<TrafficSet, WeakMap<PortSet, TrafficSet>>>();

/** What of `t` still gets its reply back through `allowed` to the client's ephemeral ports (replyPass, kept by identity). */
export function replied(t: TrafficSet, allowed: TrafficSet, ephemeral: PortSet): TrafficSet {
  if (allowed.isAll()) return t;
  let byAllowed = repliedMemo.get(t);
  if (!byAllowed) repliedMemo.set(t, (byAllowed = new WeakMap()));
  let byPorts = byAllowed.get(allowed);
  if (!byPorts) byAllowed.set(allowed, (byPorts = new WeakMap()));
  let hit = byPorts.get(ephemeral);
  if (!hit) byPorts.set(ephemeral, (hit = replyPass(t, { tcp: ephemeral, udp: ephemeral }, allowed, true).traffic));
  return hit;
}
