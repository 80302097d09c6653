/**
 * Network-ACL evaluation (network-semantics.md §2): entries of one direction and one address
 * family, lowest rule number first; for each packet the first entry that matches decides. Done on
 * sets: each entry takes the part of the remaining traffic it matches, so a partial deny (rule 90
 * denies tcp 22, rule 100 allows all) leaves exactly the rest.
 */
import { cidrContainsAddress, TrafficSet, type Address, type IpFamily } from '../net/index.ts';
import type { AclEntryInfo } from './compiled.ts';

export interface AclOutcome {
  allowed: TrafficSet;
  /** Rule numbers that allowed part of the traffic. */
  allowedBy: number[];
  /** The first rule that denied part of the traffic (32767/32768 for the final `*` rule). */
  deniedBy?: number;
}

/** The implicit last rule: 32767 for IPv4 entries, 32768 for IPv6 ones. */
export function implicitDeny(family: IpFamily): number {
  return family === 4 ? 32767 : 32768;
}

/** What of `asked` the entries let through for packets whose peer (source inbound, destination outbound) is `address`. */
export function aclAllowed(entries: readonly AclEntryInfo[], address: Address, asked: TrafficSet): AclOutcome {
  let remaining = asked;
  let allowed = TrafficSet.empty();
  const allowedBy: number[] = [];
  let deniedBy: number | undefined;
  for (const e of entries) {
    if (remaining.isEmpty()) break;
    if (!cidrContainsAddress(e.cidr, address)) continue;
    const part = e.traffic.isAll() ? remaining : remaining.intersect(e.traffic);
    if (part.isEmpty()) continue;
    if (e.entry.action === 'allow') {
      allowed = allowed.isEmpty() ? part : allowed.union(part);
      allowedBy.push(e.entry.ruleNumber);
    } else {
      deniedBy ??= e.entry.ruleNumber;
    }
    remaining = part === remaining ? TrafficSet.empty() : remaining.subtract(part);
  }
  if (!remaining.isEmpty()) deniedBy ??= implicitDeny(address.family);
  return { allowed, allowedBy, ...(deniedBy !== undefined ? { deniedBy } : {}) };
}

const allowedMemo = new WeakMap<readonly AclEntryInfo[], Map<string, TrafficSet>>();

/**
 * Everything the entries allow for one peer address. First-match evaluation decides packet by
 * packet, so what they allow of any traffic T is T intersected with this set; it depends only on
 * which entries contain the address, and is memoised on that.
 */
export function aclAllowedAll(entries: readonly AclEntryInfo[], address: Address): TrafficSet {
  // Interfaces' addresses are shared objects: memoise on them before working out the mask.
  let byAddress = addressMemo.get(entries);
  if (!byAddress) addressMemo.set(entries, (byAddress = new WeakMap()));
  const hit = byAddress.get(address);
  if (hit) return hit;
  const out = allowedByMask(entries, address);
  byAddress.set(address, out);
  return out;
}

const addressMemo = new WeakMap<readonly AclEntryInfo[], WeakMap<Address, TrafficSet>>();

function allowedByMask(entries: readonly AclEntryInfo[], address: Address): TrafficSet {
  let mask = '';
  for (const e of entries) mask += cidrContainsAddress(e.cidr, address) ? '1' : '0';
  let memo = allowedMemo.get(entries);
  if (!memo) allowedMemo.set(entries, (memo = new Map()));
  let hit = memo.get(mask);
  if (!hit) {
    hit = aclAllowed(entries, address, TrafficSet.all()).allowed;
    memo.set(mask, hit);
  }
  return hit;
}
