/** The palette's catalogue: what can be placed on the canvas and where each thing must go. */

export type PaletteItemKind =
  | 'vpc'
  | 'public-subnet'
  | 'private-subnet'
  | 'instance'
  | 'instance-group'
  | 'load-balancer'
  | 'bastion'
  | 'database'
  | 'lambda'
  | 'nat-gateway'
  | 'internet-gateway'
  | 'internet'
  | 'external-network';

/** Where an item may be dropped: on empty canvas, into a VPC, or into a subnet. */
export type Placement = 'canvas' | 'vpc' | 'subnet';

export interface PaletteItem {
  kind: PaletteItemKind;
  label: string;
  /** One short line under the label: what it is for. */
  hint: string;
  goesInto: Placement;
  /** Palette heading it is listed under. */
  section: 'Network' | 'Compute' | 'Data' | 'Gateways' | 'Outside';
}

export const PALETTE: readonly PaletteItem[] = [
  { kind: 'vpc', label: 'VPC', hint: 'An isolated network', goesInto: 'canvas', section: 'Network' },
  { kind: 'public-subnet', label: 'Public subnet', hint: 'Has a route to the Internet', goesInto: 'vpc', section: 'Network' },
  { kind: 'private-subnet', label: 'Private subnet', hint: 'No route to the Internet', goesInto: 'vpc', section: 'Network' },
  { kind: 'instance', label: 'EC2 instance', hint: 'A virtual server', goesInto: 'subnet', section: 'Compute' },
  { kind: 'instance-group', label: 'Instance group', hint: 'An auto scaling group', goesInto: 'subnet', section: 'Compute' },
  { kind: 'load-balancer', label: 'Application Load Balancer', hint: 'Spans two Availability Zones', goesInto: 'subnet', section: 'Compute' },
  { kind: 'bastion', label: 'Bastion host', hint: 'SSH entry point', goesInto: 'subnet', section: 'Compute' },
  { kind: 'lambda', label: 'Lambda function', hint: 'Runs inside the VPC', goesInto: 'subnet', section: 'Compute' },
  { kind: 'database', label: 'RDS database', hint: 'Belongs in a private subnet', goesInto: 'subnet', section: 'Data' },
  { kind: 'internet-gateway', label: 'Internet gateway', hint: 'One per VPC', goesInto: 'vpc', section: 'Gateways' },
  { kind: 'nat-gateway', label: 'NAT gateway', hint: 'Sits in a public subnet', goesInto: 'subnet', section: 'Gateways' },
  { kind: 'internet', label: 'The Internet', hint: 'Everyone outside AWS', goesInto: 'canvas', section: 'Outside' },
  { kind: 'external-network', label: 'External network', hint: 'A named range, like CorpNet', goesInto: 'canvas', section: 'Outside' },
];

export function paletteItem(kind: PaletteItemKind): PaletteItem {
  const item = PALETTE.find((i) => i.kind === kind);
  if (!item) throw new Error(`Unknown palette item ${kind}`);
  return item;
}

export function isPaletteItemKind(value: string): value is PaletteItemKind {
  return PALETTE.some((i) => i.kind === value);
}

/** The MIME type palette drags carry, so the canvas ignores files and text dropped on it. */
export const PALETTE_MIME = 'application/x-tierwise-palette-item';

/** The DOM event a touch (pointer) drag from the palette dispatches where it ends. */
export const PALETTE_POINTER_DROP = 'tierwise:palette-drop';

export interface PalettePointerDropDetail {
  kind: PaletteItemKind;
  clientX: number;
  clientY: number;
}
