/**
 * Classes of interfaces that no path can tell apart, for memos that outlive one pair: what one
 * member of a class reaches or admits, every member does.
 */
import type { Address, Cidr } from '../net/index.ts';
import type { CompiledDesign, EniInfo } from './compiled.ts';
import { cidrOf } from './compile.ts';

/**
 * A small integer per class of interfaces that paths across VPCs cannot tell apart: the same
 * peerClass (subnet, group list, kind of host, private addresses alike to every CIDR: compile.ts),
 * the same public addressing, public IPv4 addresses in the same CIDRs of the design, and private
 * addresses inside their subnet's blocks (where peerClass vouches for them). Any other interface
 * is a class of its own.
 */
export function crossClass(ix: CompiledDesign, e: EniInfo): number {
  let ids = ix.memo.get('cross-classes') as { byEni: Map<EniInfo, number>; byKey: Map<string, number> } | undefined;
  if (!ids) ix.memo.set('cross-classes', (ids = { byEni: new Map(), byKey: new Map() }));
  let id = ids.byEni.get(e);
  if (id === undefined) {
    const key = classKey(ix, e);
    id = ids.byKey.get(key);
    if (id === undefined) ids.byKey.set(key, (id = ids.byKey.size));
    ids.byEni.set(e, id);
  }
  return id;
}

function classKey(ix: CompiledDesign, e: EniInfo): string {
  const unique = `#${e.eni.id}`;
  if (e.peerClass === e.eni.id || !inBlock(e.subnet.cidr, e.private4) || !inBlock(cidrOf(e.subnet.subnet.ipv6Cidr ?? ''), e.private6)) return unique;
  return `${e.peerClass}|${e.hasPublic4}|${e.hasPublic6}|${e.public4 ? publicAtom(ix, e.public4) : '-'}`;
}

function inBlock(block: Cidr | undefined, a: Address | undefined): boolean {
  return a === undefined || (block !== undefined && block.family === a.family && block.first <= a.value && a.value <= block.last);
}

/** The design's CIDRs (rules, ACL entries, routes) that hold the address: all that tells it apart. */
function publicAtom(ix: CompiledDesign, a: Address): string {
  const holding: string[] = [];
  for (const c of designCidrs(ix)) if (c.family === a.family && c.first <= a.value && a.value <= c.last) holding.push(c.text);
  return holding.join(',');
}

/** Every CIDR a component of the design matches addresses against, once each. */
function designCidrs(ix: CompiledDesign): Cidr[] {
  const hit = ix.memo.get('design-cidrs') as Cidr[] | undefined;
  if (hit) return hit;
  const unique = new Map<string, Cidr>();
  const add = (c: Cidr) => unique.set(c.text, c);
  for (const g of ix.groups.values()) for (const r of [...g.ingress, ...g.egress]) r.cidrs.forEach(add);
  for (const s of ix.subnets.values()) {
    for (const dir of s.acl ? [s.acl.inbound, s.acl.outbound] : []) for (const f of [4, 6] as const) for (const entry of dir[f]) add(entry.cidr);
    for (const f of [4, 6] as const) for (const r of s.routeTable?.routes[f] ?? []) add(r.cidr);
  }
  const out = [...unique.values()];
  ix.memo.set('design-cidrs', out);
  return out;
}
