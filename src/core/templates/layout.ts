/**
 * Lays a template out so it opens readable on a projector: external networks in a row above,
 * VPCs side by side, subnets in rows (one row per tier, one column per Availability Zone),
 * resources stacked in their subnet. Positions of children are relative to their parent, as the
 * canvas stores them. The sizes mirror the canvas's node sizes (src/ui/placement/sizes.ts; a UI
 * test checks that every template opens without overlaps).
 */
import type { Design, NodeLayout } from '../model/index.ts';

const RESOURCE = { width: 248, height: 144 };
const GATEWAY = { width: 224, height: 64 };
const EXTERNAL = { width: 220, height: 84 };
const SUBNET_MIN = { width: 312, height: 236 };
const VPC_MIN = { width: 720, height: 400 };
const SUBNET_HEADER = 64;
const VPC_HEADER = 72;
const PAD = 32;
const GAP = 28;
const SUBNET_GAP = 40;
const VPC_GAP = 220;
const EXTERNAL_GAP = 72;

export interface LayoutPlan {
  /** Per VPC: rows of subnet ids (a tier per row). Subnets not named follow, two to a row. */
  rows?: Record<string, string[][]>;
  /** External networks left to right; the Internet goes over the first internet gateway unless listed. */
  externals?: string[];
}

interface Size {
  width: number;
  height: number;
}

/** Returns the design with a layout entry for every VPC, subnet, resource, gateway and external network. */
export function layOut(d: Design, plan: LayoutPlan = {}): Design {
  const layout: Record<string, NodeLayout> = {};
  const subnetSize = new Map<string, Size>();
  for (const s of Object.values(d.subnets)) {
    const children: Array<{ id: string; size: Size }> = [
      ...Object.values(d.resources)
        .filter((r) => r.enis[0]?.subnetId === s.id)
        .map((r) => ({ id: r.id, size: RESOURCE })),
      ...Object.values(d.natGateways)
        .filter((n) => n.subnetId === s.id)
        .map((n) => ({ id: n.id, size: GATEWAY })),
    ];
    let y = SUBNET_HEADER;
    for (const c of children) {
      layout[c.id] = { x: PAD, y };
      y += c.size.height + GAP;
    }
    subnetSize.set(s.id, { width: Math.max(SUBNET_MIN.width, PAD + RESOURCE.width + PAD), height: Math.max(SUBNET_MIN.height, y - GAP + PAD) });
  }

  let vpcX = 0;
  const igwAbsoluteX: number[] = [];
  for (const v of Object.values(d.vpcs)) {
    const own = Object.values(d.subnets).filter((s) => s.vpcId === v.id).map((s) => s.id);
    const planned = (plan.rows?.[v.id] ?? []).map((row) => row.filter((id) => own.includes(id)));
    const rest = own.filter((id) => !planned.flat().includes(id));
    const rows = [...planned];
    for (let i = 0; i < rest.length; i += 2) rows.push(rest.slice(i, i + 2));
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const colWidth = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => (r[c] ? subnetSize.get(r[c])!.width : 0))));
    let y = VPC_HEADER;
    for (const row of rows) {
      let x = PAD;
      for (const [c, id] of row.entries()) {
        layout[id] = { x, y };
        x += colWidth[c]! + SUBNET_GAP;
      }
      y += Math.max(...row.map((id) => subnetSize.get(id)!.height)) + SUBNET_GAP;
    }
    const width = Math.max(VPC_MIN.width, PAD + colWidth.reduce((a, b) => a + b, 0) + SUBNET_GAP * (columns - 1) + PAD);
    const height = Math.max(VPC_MIN.height, y - SUBNET_GAP + PAD);
    layout[v.id] = { x: vpcX, y: 0, width, height };
    for (const g of Object.values(d.internetGateways).filter((g) => g.vpcId === v.id)) {
      layout[g.id] = { x: width - GATEWAY.width - PAD, y: 4 };
      igwAbsoluteX.push(vpcX + width - GATEWAY.width - PAD);
    }
    vpcX += width + VPC_GAP;
  }

  const externalY = -EXTERNAL.height - 120;
  const listed = plan.externals ?? Object.values(d.externalNetworks).filter((n) => n.kind !== 'internet').map((n) => n.id);
  let x = 0;
  for (const id of listed) {
    if (!d.externalNetworks[id]) continue;
    layout[id] = { x, y: externalY };
    x += EXTERNAL.width + EXTERNAL_GAP;
  }
  const internet = Object.values(d.externalNetworks).find((n) => n.kind === 'internet' && !listed.includes(n.id));
  if (internet) layout[internet.id] = { x: Math.max(x, igwAbsoluteX[0] ?? x) + (igwAbsoluteX[0] !== undefined ? GATEWAY.width - EXTERNAL.width : 0) / 2, y: externalY };
  return { ...d, layout };
}
