/**
 * Where every node of a design sits and how big it is, derived from `design.layout`: containers
 * grow to fit their children, and entities without a layout entry get the next free slot. Child
 * positions are relative to their parent (VPC > subnet > resource), as React Flow expects.
 */
import type { Design, NodeLayout } from '../../core/model/index.ts';
import { EXTERNAL_SIZE, GAP, GATEWAY_SIZE, PAD, RESOURCE_SIZE, SUBNET_MIN, VPC_MIN, headerOf, type NodeKind, type Size } from './sizes.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GeoNode extends Rect {
  id: string;
  kind: NodeKind;
  parentId?: string;
}

export interface Point {
  x: number;
  y: number;
}

const sizeOf = (r: Size): Size => ({ width: r.width, height: r.height });

/** Whether two rectangles overlap, or come closer than `margin`. */
export const overlaps = (a: Rect, b: Rect, margin = 0) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/** The first grid slot (row by row, at most `columns` wide) where `size` overlaps none of `taken`. */
export function freeSlot(taken: readonly Rect[], size: Size, origin: Point, columns: number): Point {
  for (let row = 0; row < 500; row++) {
    for (let col = 0; col < columns; col++) {
      const candidate = { x: origin.x + col * (size.width + GAP), y: origin.y + row * (size.height + GAP), ...size };
      if (!taken.some((t) => overlaps(t, candidate, GAP / 2))) return { x: candidate.x, y: candidate.y };
    }
  }
  return origin;
}

/** The subnet a resource is drawn in: its first interface's (a database: its primary one). */
export function subnetOfResource(d: Design, resourceId: string): string | undefined {
  const r = d.resources[resourceId];
  const subnetId = r?.enis[0]?.subnetId;
  return subnetId && d.subnets[subnetId] ? subnetId : undefined;
}

interface Child {
  id: string;
  kind: NodeKind;
  size: Size;
  layout: NodeLayout | undefined;
}

/** Places children in a container: laid-out ones where they are, the rest in free slots. */
function placeChildren(children: Child[], origin: Point, columns: number): GeoNode[] {
  const placed: GeoNode[] = [];
  for (const c of children) if (c.layout) placed.push({ id: c.id, kind: c.kind, x: c.layout.x, y: c.layout.y, ...c.size });
  for (const c of children) {
    if (c.layout) continue;
    placed.push({ id: c.id, kind: c.kind, ...freeSlot(placed, c.size, origin, columns), ...c.size });
  }
  const order = new Map(children.map((c, i) => [c.id, i]));
  return placed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** A container's size: its minimum (or stored) size, grown to fit its children plus padding. */
function fit(min: Size, layout: NodeLayout | undefined, children: readonly Rect[]): Size {
  let width = Math.max(min.width, layout?.width ?? 0);
  let height = Math.max(min.height, layout?.height ?? 0);
  for (const c of children) {
    width = Math.max(width, c.x + c.width + PAD);
    height = Math.max(height, c.y + c.height + PAD);
  }
  return { width, height };
}

/** Every node of the design with its relative position and size, parents before children. */
export function designGeometry(d: Design): GeoNode[] {
  const byParent = new Map<string, Child[]>();
  const topLevel: Child[] = [];
  const add = (parent: string | undefined, child: Child) => {
    if (!parent) return void topLevel.push(child);
    const list = byParent.get(parent);
    if (list) list.push(child);
    else byParent.set(parent, [child]);
  };
  for (const r of Object.values(d.resources)) add(subnetOfResource(d, r.id), { id: r.id, kind: 'resource', size: RESOURCE_SIZE, layout: d.layout[r.id] });
  for (const n of Object.values(d.natGateways)) add(d.subnets[n.subnetId] ? n.subnetId : undefined, { id: n.id, kind: 'gateway', size: GATEWAY_SIZE, layout: d.layout[n.id] });

  const out: GeoNode[] = [];
  const subnetNodes = new Map<string, { node: GeoNode; children: GeoNode[] }>();
  for (const s of Object.values(d.subnets)) {
    const children = placeChildren(byParent.get(s.id) ?? [], { x: PAD, y: headerOf('subnet') }, 1);
    const size = fit(SUBNET_MIN, d.layout[s.id], children);
    subnetNodes.set(s.id, { node: { id: s.id, kind: 'subnet', x: 0, y: 0, ...size }, children: children.map((c) => ({ ...c, parentId: s.id })) });
  }

  const vpcBlocks: Array<{ node: GeoNode; subnets: GeoNode[]; gateways: GeoNode[] }> = [];
  for (const v of Object.values(d.vpcs)) {
    const subnets = Object.values(d.subnets).filter((s) => s.vpcId === v.id);
    const laid = placeChildren(
      subnets.map((s) => ({ id: s.id, kind: 'subnet' as const, size: sizeOf(subnetNodes.get(s.id)!.node), layout: d.layout[s.id] })),
      { x: PAD, y: headerOf('vpc') },
      // Two subnets a row: compact enough to read on a projector without zooming out far.
      2,
    );
    const size = fit(VPC_MIN, d.layout[v.id], laid);
    const gateways = Object.values(d.internetGateways)
      .filter((g) => g.vpcId === v.id)
      .map((g): GeoNode => {
        const l = d.layout[g.id];
        return { id: g.id, kind: 'gateway', parentId: v.id, x: l?.x ?? size.width - GATEWAY_SIZE.width - PAD, y: l?.y ?? 4, ...GATEWAY_SIZE };
      });
    const grown = fit(size, undefined, gateways);
    vpcBlocks.push({ node: { id: v.id, kind: 'vpc', x: 0, y: 0, ...grown }, subnets: laid.map((s) => ({ ...s, parentId: v.id })), gateways });
  }

  // Top level: laid-out nodes where they are; new VPCs down the page, external networks in a row
  // above them (the Internet sits over the internet gateway), each clear of everything already there.
  const taken: Rect[] = [];
  const externals: GeoNode[] = Object.values(d.externalNetworks).map((e) => ({ id: e.id, kind: 'external', x: 0, y: 0, ...EXTERNAL_SIZE }));
  for (const n of [...vpcBlocks.map((b) => b.node), ...externals]) {
    const l = d.layout[n.id];
    if (l) taken.push({ ...n, x: l.x, y: l.y });
  }
  for (const block of vpcBlocks) {
    const l = d.layout[block.node.id];
    const pos = l ?? freeSlot(taken, { width: block.node.width, height: block.node.height + 52 }, { x: 0, y: 0 }, 1);
    block.node = { ...block.node, x: pos.x, y: pos.y };
    if (!l) taken.push(block.node);
  }
  for (const [i, e] of externals.entries()) {
    const l = d.layout[e.id];
    const pos = l ?? freeSlot(taken, EXTERNAL_SIZE, { x: 0, y: -EXTERNAL_SIZE.height - 96 }, 4);
    externals[i] = { ...e, x: pos.x, y: pos.y };
    if (!l) taken.push(externals[i]!);
  }
  const nextVpcY = Math.max(0, ...taken.map((t) => t.y + t.height + 80));
  const orphans = [...topLevel, ...Object.values(d.subnets).filter((s) => !d.vpcs[s.vpcId]).map((s) => ({ id: s.id, kind: 'subnet' as const, size: sizeOf(subnetNodes.get(s.id)!.node), layout: d.layout[s.id] }))];
  const orphanNodes = placeChildren(orphans, { x: 0, y: nextVpcY }, 4);

  for (const b of vpcBlocks) {
    out.push(b.node, ...b.gateways);
    for (const s of b.subnets) out.push(s);
  }
  for (const o of orphanNodes) out.push(o);
  for (const s of Object.values(d.subnets)) out.push(...subnetNodes.get(s.id)!.children);
  out.push(...externals);
  return out;
}

/** Absolute positions of every node (children are stored relative to their parents). */
export function absoluteRects(nodes: readonly GeoNode[]): Map<string, Rect & { kind: NodeKind; parentId?: string }> {
  const abs = new Map<string, Rect & { kind: NodeKind; parentId?: string }>();
  for (const n of nodes) {
    const parent = n.parentId ? abs.get(n.parentId) : undefined;
    abs.set(n.id, { ...n, x: n.x + (parent?.x ?? 0), y: n.y + (parent?.y ?? 0) });
  }
  return abs;
}

const contains = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The container under a point: the innermost subnet, else the VPC, else nothing (empty canvas). */
export function containerAt(nodes: readonly GeoNode[], point: Point, ignore: ReadonlySet<string> = new Set()): { subnetId?: string; vpcId?: string } {
  const abs = absoluteRects(nodes);
  let subnetId: string | undefined;
  let vpcId: string | undefined;
  for (const n of nodes) {
    if (ignore.has(n.id) || !contains(abs.get(n.id)!, point)) continue;
    if (n.kind === 'subnet') {
      subnetId = n.id;
      vpcId = n.parentId;
    } else if (n.kind === 'vpc' && !subnetId) vpcId = n.id;
  }
  const out: { subnetId?: string; vpcId?: string } = {};
  if (subnetId) out.subnetId = subnetId;
  if (vpcId) out.vpcId = vpcId;
  return out;
}

/**
 * A node's position relative to `parentId` when its centre is to sit at the absolute `point`,
 * kept clear of the parent's title row and left edge.
 */
export function relativePosition(nodes: readonly GeoNode[], parentId: string | undefined, size: Size, point: Point): Point {
  const parent = parentId ? absoluteRects(nodes).get(parentId) : undefined;
  const x = point.x - size.width / 2 - (parent?.x ?? 0);
  const y = point.y - size.height / 2 - (parent?.y ?? 0);
  if (!parent) return { x: Math.round(x), y: Math.round(y) };
  return { x: Math.round(Math.max(PAD / 2, x)), y: Math.round(Math.max(headerOf(parent.kind), y)) };
}

/** Layout entries for every node the design has not positioned yet: freezes auto-placed slots. */
export function missingLayout(d: Design, nodes: readonly GeoNode[] = designGeometry(d)): Record<string, NodeLayout> {
  const missing: Record<string, NodeLayout> = {};
  for (const n of nodes) if (!d.layout[n.id]) missing[n.id] = { x: n.x, y: n.y };
  return missing;
}
