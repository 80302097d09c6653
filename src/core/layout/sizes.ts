/**
 * Node sizes and spacing of the canvas, mirrored here because core may not import the UI
 * (src/ui/placement/sizes.ts is the canvas's copy; src/app/import-layout.test.ts checks that the
 * canvas draws an auto-laid-out design exactly where this module put it).
 */
export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

export const RESOURCE: Size = { width: 248, height: 144 };
export const GATEWAY: Size = { width: 224, height: 64 };
export const EXTERNAL: Size = { width: 220, height: 84 };
export const SUBNET_MIN: Size = { width: 312, height: 236 };
export const VPC_MIN: Size = { width: 720, height: 400 };

/** Room above a container's children for its title row (an internet gateway sits in the VPC's). */
export const SUBNET_HEADER = 64;
export const VPC_HEADER = 72;
/** Between a container's edge and its children. */
export const PAD = 32;
/**
 * Between resources in a subnet, and between subnets: wide enough that the label of a rule edge
 * drawn between neighbours ("tcp 8000", at the edge's midpoint) sits in the gap, not on a node's
 * border or a subnet's title row.
 */
export const GAP = 56;
/** Between subnet columns in a VPC. */
export const SUBNET_GAP = 48;
/**
 * Between subnet rows. An edge from a resource to one in the row below runs from the upper one's
 * bottom (PAD above the gap) to the lower one's top (SUBNET_HEADER below it); its midpoint, where
 * the label goes, falls inside the gap only when the gap is wider than that difference plus a label.
 */
export const SUBNET_ROW_GAP = 88;
/** Between top-level nodes (VPCs side by side), and between the external row and the VPC row. */
export const TOP_GAP = 96;
export const LAYER_GAP = 140;
/** Room left in a VPC's title row for its name, beside the internet gateways. */
export const VPC_TITLE_ROOM = 300;

/** Whether two boxes overlap (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
