/**
 * What a readable layout guarantees, as a checker the tests (unit and e2e) share: every drawn
 * entity has a position and size, siblings never overlap, children sit inside their parent with
 * padding (below its title row, except internet gateways, which sit in it), external networks
 * stay outside every VPC. Returns one readable line per violation.
 */
import type { Design } from '../model/index.ts';
import { PAD, SUBNET_HEADER, VPC_HEADER, overlaps, type Box } from './sizes.ts';

/** The parent the canvas draws an entity in ('' for the top level), for every entity it draws. */
export function canvasParents(d: Design): Map<string, string> {
  const parent = new Map<string, string>();
  const subnetOr = (id: string | undefined) => (id && d.subnets[id] ? id : '');
  for (const v of Object.values(d.vpcs)) parent.set(v.id, '');
  for (const s of Object.values(d.subnets)) parent.set(s.id, d.vpcs[s.vpcId] ? s.vpcId : '');
  // A detached internet gateway is not drawn: the canvas shows gateways on their VPC only.
  for (const g of Object.values(d.internetGateways)) if (g.vpcId && d.vpcs[g.vpcId]) parent.set(g.id, g.vpcId);
  for (const n of Object.values(d.natGateways)) parent.set(n.id, subnetOr(n.subnetId));
  for (const r of Object.values(d.resources)) parent.set(r.id, subnetOr(r.enis[0]?.subnetId));
  for (const e of Object.values(d.externalNetworks)) parent.set(e.id, '');
  return parent;
}

export function layoutViolations(d: Design): string[] {
  const out: string[] = [];
  const parents = canvasParents(d);
  const box = (id: string): Box | undefined => {
    const l = d.layout[id];
    return l && l.width !== undefined && l.height !== undefined ? { x: l.x, y: l.y, width: l.width, height: l.height } : undefined;
  };
  const siblings = new Map<string, string[]>();
  for (const [id, p] of parents) {
    if (!box(id)) out.push(`${id}: no position and size`);
    else siblings.set(p, [...(siblings.get(p) ?? []), id]);
  }
  for (const [p, ids] of siblings) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (overlaps(box(ids[i]!)!, box(ids[j]!)!)) out.push(`${ids[i]} overlaps ${ids[j]} in ${p || 'the top level'}`);
      }
    }
    const parent = p ? box(p) : undefined;
    if (!parent) continue;
    const header = d.vpcs[p] ? VPC_HEADER : SUBNET_HEADER;
    for (const id of ids) {
      const c = box(id)!;
      const top = d.internetGateways[id] ? 0 : header;
      if (c.x < PAD || c.y < top || c.x + c.width > parent.width - PAD || c.y + c.height > parent.height - PAD) out.push(`${id} is not inside ${p} with padding`);
    }
  }
  // External networks sit outside every VPC (absolute positions: both are top-level nodes).
  for (const e of Object.keys(d.externalNetworks)) {
    for (const v of Object.keys(d.vpcs)) {
      const a = box(e);
      const b = box(v);
      if (a && b && overlaps(a, b)) out.push(`${e} is drawn inside VPC ${v}`);
    }
  }
  return out;
}
