/**
 * Automatic layout of a whole design: VPC, then subnet, then resource, so an imported network reads
 * well without moving anything. Containers are laid out inside-out (grid.ts), then the top level
 * by ELK (top-level.ts); every entity the canvas draws gets a position (relative to its parent)
 * and a size.
 */
import type { Design, NodeLayout } from '../model/index.ts';
import { orderResources, subnetBlock, vpcBlock, type Placed } from './grid.ts';
import { EXTERNAL, GAP, GATEWAY, PAD, RESOURCE, SUBNET_HEADER, SUBNET_MIN, VPC_HEADER, VPC_MIN, overlaps, type Box, type Size } from './sizes.ts';
import { layOutTop, type TopNode } from './top-level.ts';

export interface AutoLayoutOptions {
  /** Keep the layout entries the design already has and place only what has none (default true). */
  keep?: boolean;
}

export { vpcsFedBy } from './top-level.ts';

const byName = <T extends { id: string; name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Kept children stay where they are; each auto-placed one keeps its grid slot unless that slot
 * collides with something already settled, in which case it drops below everything settled.
 */
function settle(children: Placed[], kept: (id: string) => NodeLayout | undefined, top: number, natural: (c: Placed) => Size = (c) => c): Placed[] {
  const settled: Placed[] = [];
  for (const c of children) {
    const k = kept(c.id);
    const n = natural(c);
    if (k) settled.push({ ...c, x: k.x, y: k.y, width: Math.max(n.width, k.width ?? 0), height: Math.max(n.height, k.height ?? 0) });
  }
  if (settled.length === 0) return children;
  for (const c of children) {
    if (kept(c.id)) continue;
    const clash = settled.some((s) => overlaps(s, c));
    const y = clash ? Math.max(top, ...settled.map((s) => s.y + s.height + GAP)) : c.y;
    settled.push({ ...c, y });
  }
  const order = new Map(children.map((c, i) => [c.id, i]));
  return settled.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** A container's size grown to hold its children (as the canvas would grow it). */
function fit(size: Size, children: readonly Box[]): Size {
  let { width, height } = size;
  for (const c of children) {
    width = Math.max(width, c.x + c.width + PAD);
    height = Math.max(height, c.y + c.height + PAD);
  }
  return { width, height };
}

/** Returns the design with a layout entry (position and size) for every VPC, subnet, resource, gateway and external network. */
export async function autoLayout(d: Design, options: AutoLayoutOptions = {}): Promise<Design> {
  const keep = options.keep ?? true;
  const kept = (id: string): NodeLayout | undefined => (keep ? d.layout[id] : undefined);
  const layout: Record<string, NodeLayout> = {};
  const put = (b: Placed) => void (layout[b.id] = { x: b.x, y: b.y, width: b.width, height: b.height });

  // Resources and NAT gateways by the subnet the canvas draws them in (a resource: its first interface's).
  const inSubnet = new Map<string, string[]>();
  const loose: Array<{ id: string; size: Size }> = [];
  const addTo = (subnetId: string | undefined, id: string, size: Size) => {
    if (subnetId && d.subnets[subnetId]) inSubnet.set(subnetId, [...(inSubnet.get(subnetId) ?? []), id]);
    else loose.push({ id, size });
  };
  for (const r of orderResources(Object.values(d.resources))) addTo(r.enis[0]?.subnetId, r.id, RESOURCE);
  for (const n of Object.values(d.natGateways).sort(byName)) addTo(n.subnetId, n.id, GATEWAY);

  const subnetSize = new Map<string, Size>();
  for (const s of Object.values(d.subnets)) {
    const block = subnetBlock(inSubnet.get(s.id) ?? []);
    const children = settle(block.children, kept, SUBNET_HEADER).map((c) => (d.natGateways[c.id] ? { ...c, ...GATEWAY } : c));
    children.forEach(put);
    const own = kept(s.id);
    // A kept subnet keeps its stored size (grown to fit), not the size of the grid it would get.
    subnetSize.set(s.id, fit(own ? { width: Math.max(SUBNET_MIN.width, own.width ?? 0), height: Math.max(SUBNET_MIN.height, own.height ?? 0) } : block, children));
  }

  const top: TopNode[] = [];
  const vpcs = Object.values(d.vpcs).sort(byName);
  const vpcChildren = new Map<string, Placed[]>();
  for (const v of vpcs) {
    const subnets = Object.values(d.subnets).filter((s) => s.vpcId === v.id);
    const gateways = Object.values(d.internetGateways).filter((g) => g.vpcId === v.id).sort(byName).map((g) => g.id);
    const block = vpcBlock(d, subnets, subnetSize, gateways);
    // A kept subnet keeps its own size (grown to its content), not the grid cell it would get.
    let children = settle(block.children, kept, VPC_HEADER, (c) => subnetSize.get(c.id) ?? c);
    const own = kept(v.id);
    let size = fit(own ? { width: Math.max(VPC_MIN.width, own.width ?? 0), height: Math.max(VPC_MIN.height, own.height ?? 0) } : block, children);
    // A VPC widened by kept children: its auto-placed gateways move back to its right edge.
    if (size.width !== block.width) children = children.map((c) => (gateways.includes(c.id) && !kept(c.id) ? { ...c, x: c.x + size.width - block.width } : c));
    size = fit(size, children);
    vpcChildren.set(v.id, children);
    top.push({ id: v.id, row: 'network', ...size });
  }
  for (const s of Object.values(d.subnets).filter((s) => !d.vpcs[s.vpcId]).sort(byName)) top.push({ id: s.id, row: 'network', ...subnetSize.get(s.id)! });
  // A detached internet gateway is not drawn (the canvas shows gateways on their VPC), so it gets no place.
  for (const l of loose) top.push({ id: l.id, row: 'network', ...l.size });
  const externals = Object.values(d.externalNetworks).sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'internet' ? -1 : 1));
  for (const e of externals) top.push({ id: e.id, row: 'external', ...EXTERNAL });

  const positions = await layOutTop(d, top);
  const topPlaced = settle(
    top.map((n) => ({ id: n.id, ...positions.get(n.id)! })),
    kept,
    Math.min(0, ...top.map((n) => positions.get(n.id)!.y)),
  );
  topPlaced.forEach(put);
  // Subnets in a VPC take the size of their grid cell (set by the VPC block); orphan subnets their own.
  for (const children of vpcChildren.values()) children.forEach(put);
  return { ...d, layout };
}
export { canvasParents, layoutViolations } from './invariants.ts';
