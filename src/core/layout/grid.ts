/**
 * The inside of containers, as tidy grids: resources in a subnet (load balancers first, databases
 * last, NAT gateways after them), subnets in a VPC (one band per tier, public first, ordered by
 * Availability Zone), internet gateways in the VPC's title row at its right edge. Positions are
 * relative to the parent, as the canvas stores them. A hand-made grid rather than a graph layout:
 * boxes of one size read best aligned, and the result does not move when an unrelated rule changes.
 */
import { isPublicSubnet, routeTableOf, type Design, type Resource, type Subnet } from '../model/index.ts';
import { GAP, GATEWAY, PAD, RESOURCE, SUBNET_GAP, SUBNET_HEADER, SUBNET_MIN, SUBNET_ROW_GAP, VPC_HEADER, VPC_MIN, VPC_TITLE_ROOM, type Box, type Size } from './sizes.ts';

export interface Placed extends Box {
  id: string;
}

export interface Block extends Size {
  /** Children relative to the block, and their own children (subnet contents) by parent id. */
  children: Placed[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const KIND_ORDER: Record<Resource['kind'], number> = { 'load-balancer': 0, 'instance-group': 2, instance: 2, lambda: 3, database: 4 };
const ROLE_ORDER = { web: 0, bastion: 1, app: 2, other: 3 } as const;

function resourceRank(r: Resource): number {
  const base = KIND_ORDER[r.kind] * 10;
  return r.kind === 'instance' || r.kind === 'instance-group' ? base + ROLE_ORDER[r.role] : base;
}

/** Resources in reading order: entry points first, data last; then by name and id (deterministic). */
export function orderResources(rs: Resource[]): Resource[] {
  return [...rs].sort((a, b) => resourceRank(a) - resourceRank(b) || byText(a.name, b.name) || byText(a.id, b.id));
}

/** Columns for `n` boxes: roughly square, at most four so a subnet stays readable on a projector. */
export const columnsFor = (n: number): number => Math.max(1, Math.min(4, Math.ceil(Math.sqrt(n))));

/** A subnet's contents: resources then NAT gateways, in a grid of resource-sized cells. */
export function subnetBlock(ids: string[]): Block {
  const cols = columnsFor(ids.length);
  const rows = Math.ceil(ids.length / cols);
  const children = ids.map((id, i) => ({
    id,
    x: PAD + (i % cols) * (RESOURCE.width + GAP),
    y: SUBNET_HEADER + Math.floor(i / cols) * (RESOURCE.height + GAP),
    ...RESOURCE,
  }));
  const width = Math.max(SUBNET_MIN.width, PAD + cols * RESOURCE.width + (cols - 1) * GAP + PAD);
  const height = Math.max(SUBNET_MIN.height, SUBNET_HEADER + rows * RESOURCE.height + Math.max(0, rows - 1) * GAP + PAD);
  return { width, height, children };
}

/** 0: public (routes to an internet gateway), 1: private with a NAT gateway, 2: isolated. */
export function tierOf(d: Design, s: Subnet): number {
  if (isPublicSubnet(d, s)) return 0;
  const natted = routeTableOf(d, s)?.routes.some((r) => r.target.kind === 'nat-gateway');
  return natted ? 1 : 2;
}

/**
 * A VPC's subnets in bands by tier (public first), one column per Availability Zone so each AZ
 * reads top to bottom (at most four; with more AZs a band wraps at three columns). Columns and
 * rows share one width and height so the subnets tile evenly; subnets are stretched to their cell.
 */
export function vpcBlock(d: Design, subnets: Subnet[], subnetSizes: Map<string, Size>, gatewayIds: string[]): Block {
  const zones = [...new Set(subnets.map((s) => s.availabilityZone))].sort(byText);
  const byZone = zones.length >= 2 && zones.length <= 4;
  const cols = byZone ? zones.length : Math.min(3, Math.max(2, zones.length));
  const tiers = new Map(subnets.map((s) => [s.id, tierOf(d, s)]));
  const tier = (s: Subnet) => tiers.get(s.id)!;
  const sorted = [...subnets].sort((a, b) => tier(a) - tier(b) || byText(a.availabilityZone, b.availabilityZone) || byText(a.name, b.name) || byText(a.id, b.id));
  // rows[r][c]: the subnet in row r, column c (holes allowed when AZs hold different numbers).
  const rows: Array<Array<Subnet | undefined>> = [];
  for (const t of [0, 1, 2]) {
    const band = sorted.filter((s) => tier(s) === t);
    if (byZone) {
      const perZone = zones.map((z) => band.filter((s) => s.availabilityZone === z));
      const depth = Math.max(0, ...perZone.map((p) => p.length));
      for (let r = 0; r < depth; r++) rows.push(perZone.map((p) => p[r]));
    } else {
      for (let i = 0; i < band.length; i += cols) rows.push(band.slice(i, i + cols));
    }
  }
  const used = Math.max(0, ...rows.map((r) => r.length));
  const colWidth = Array.from({ length: used }, (_, c) => Math.max(0, ...rows.map((r) => (r[c] ? subnetSizes.get(r[c].id)!.width : 0))));
  // A column empty in every row (cannot happen with AZ columns, kept safe) still needs a width.
  for (let c = 0; c < used; c++) if (colWidth[c] === 0) colWidth[c] = SUBNET_MIN.width;
  const children: Placed[] = [];
  let y = VPC_HEADER;
  for (const row of rows) {
    const height = Math.max(...row.map((s) => (s ? subnetSizes.get(s.id)!.height : 0)));
    let x = PAD;
    row.forEach((s, c) => {
      if (s) children.push({ id: s.id, x, y, width: colWidth[c]!, height });
      x += colWidth[c]! + SUBNET_GAP;
    });
    y += height + SUBNET_ROW_GAP;
  }
  const gatewaysWidth = gatewayIds.length * (GATEWAY.width + GAP);
  const width = Math.max(VPC_MIN.width, PAD + colWidth.reduce((a, b) => a + b, 0) + Math.max(0, used - 1) * SUBNET_GAP + PAD, PAD + VPC_TITLE_ROOM + gatewaysWidth);
  const height = Math.max(VPC_MIN.height, rows.length ? y - SUBNET_ROW_GAP + PAD : 0);
  // Internet gateways in the title row, right-aligned: where traffic enters the VPC.
  gatewayIds.forEach((id, i) => children.push({ id, x: width - PAD - GATEWAY.width - i * (GATEWAY.width + GAP), y: 4, ...GATEWAY }));
  return { width, height, children };
}
