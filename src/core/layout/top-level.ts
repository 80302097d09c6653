/**
 * The top level of the canvas, laid out by ELK's layered algorithm: external networks (the
 * Internet, CorpNet…) in a row above, VPCs (and anything without a VPC) in a row below, each
 * external network placed over the VPCs whose rules or gateways it feeds, so the few long edges
 * drawn between them cross as little as possible.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { cidrsOverlap, parseCidrCached } from '../net/index.ts';
import type { Design, ExternalNetwork } from '../model/index.ts';
import { LAYER_GAP, TOP_GAP, type Box, type Size } from './sizes.ts';

export interface TopNode extends Size {
  id: string;
  row: 'external' | 'network';
}

let elk: InstanceType<typeof ELK> | undefined;

const overlapsAny = (a: string, bs: readonly string[]): boolean => {
  const pa = parseCidrCached(a);
  if (!pa.ok) return false;
  return bs.some((b) => {
    const pb = parseCidrCached(b);
    return pb.ok && pb.value.family === pa.value.family && cidrsOverlap(pa.value, pb.value);
  });
};

/** The VPCs an external network talks to: through security-group rules (or, for the Internet, an attached gateway). */
export function vpcsFedBy(d: Design, e: ExternalNetwork): string[] {
  const fed = new Set<string>();
  if (e.kind === 'internet') for (const g of Object.values(d.internetGateways)) if (g.vpcId) fed.add(g.vpcId);
  for (const sg of Object.values(d.securityGroups)) {
    for (const rule of [...sg.ingress, ...sg.egress]) {
      if (rule.peer.kind !== 'cidr') continue;
      const world = rule.peer.cidr === '0.0.0.0/0' || rule.peer.cidr === '::/0';
      if (e.kind === 'internet' ? world : overlapsAny(rule.peer.cidr, e.cidrs) && !world) fed.add(sg.vpcId);
    }
  }
  return [...fed].filter((id) => d.vpcs[id]).sort();
}

/** Positions of the top-level nodes (in the order given), externals above, VPCs from y = 0. */
export async function layOutTop(d: Design, nodes: TopNode[]): Promise<Map<string, Box>> {
  const present = new Set(nodes.map((n) => n.id));
  const edges = nodes
    .filter((n) => n.row === 'external' && d.externalNetworks[n.id])
    .flatMap((n) => vpcsFedBy(d, d.externalNetworks[n.id]!).filter((v) => present.has(v)).map((v) => ({ id: `${n.id}->${v}`, sources: [n.id], targets: [v] })));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      // One graph, not packed components: an unconnected VPC must still sit in the VPC row.
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': String(TOP_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      layoutOptions: { 'elk.layered.layering.layerConstraint': n.row === 'external' ? 'FIRST' : 'LAST' },
    })),
    edges,
  };
  elk ??= new ELK();
  const laid = await elk.layout(graph);
  const at = new Map((laid.children ?? []).map((c) => [c.id, c]));
  // ELK centres nodes of different heights within their row; top-align each row, and put the
  // network row at y = 0 with the external row above it, as the canvas does for new nodes.
  const rowOf = (row: TopNode['row']) => nodes.filter((n) => n.row === row);
  const minX = Math.min(0, ...nodes.map((n) => at.get(n.id)?.x ?? 0));
  const externalHeight = Math.max(0, ...rowOf('external').map((n) => n.height));
  const out = new Map<string, Box>();
  for (const n of nodes) {
    const x = Math.round((at.get(n.id)?.x ?? 0) - minX);
    const y = n.row === 'external' ? -externalHeight - LAYER_GAP : 0;
    out.set(n.id, { x, y, width: n.width, height: n.height });
  }
  return out;
}
