/**
 * A colour per security group from ten hues that stay readable in both themes. A design's groups
 * take the hues in the design's order, so up to ten groups never share one (a hash alone gave
 * WebSG and DBSG of the three-tier design two near-identical purples); an id outside the design
 * falls back to a hash of it. Class names are literal so Tailwind generates them.
 */

export interface GroupColour {
  /** Chip background, text and ring, light and dark. */
  chip: string;
  /** The solid swatch (dot, highlight ring). */
  swatch: string;
  ring: string;
}

export const GROUP_COLOURS: readonly GroupColour[] = [
  { chip: 'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-900/60 dark:text-sky-100 dark:ring-sky-700', swatch: 'bg-sky-500', ring: 'ring-sky-500' },
  { chip: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/60 dark:text-amber-100 dark:ring-amber-700', swatch: 'bg-amber-500', ring: 'ring-amber-500' },
  { chip: 'bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-900/60 dark:text-violet-100 dark:ring-violet-700', swatch: 'bg-violet-500', ring: 'ring-violet-500' },
  { chip: 'bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-900/60 dark:text-rose-100 dark:ring-rose-700', swatch: 'bg-rose-500', ring: 'ring-rose-500' },
  { chip: 'bg-teal-100 text-teal-900 ring-teal-300 dark:bg-teal-900/60 dark:text-teal-100 dark:ring-teal-700', swatch: 'bg-teal-500', ring: 'ring-teal-500' },
  { chip: 'bg-orange-100 text-orange-900 ring-orange-300 dark:bg-orange-900/60 dark:text-orange-100 dark:ring-orange-700', swatch: 'bg-orange-500', ring: 'ring-orange-500' },
  { chip: 'bg-indigo-100 text-indigo-900 ring-indigo-300 dark:bg-indigo-900/60 dark:text-indigo-100 dark:ring-indigo-700', swatch: 'bg-indigo-500', ring: 'ring-indigo-500' },
  { chip: 'bg-lime-100 text-lime-900 ring-lime-300 dark:bg-lime-900/60 dark:text-lime-100 dark:ring-lime-700', swatch: 'bg-lime-600', ring: 'ring-lime-600' },
  { chip: 'bg-fuchsia-100 text-fuchsia-900 ring-fuchsia-300 dark:bg-fuchsia-900/60 dark:text-fuchsia-100 dark:ring-fuchsia-700', swatch: 'bg-fuchsia-500', ring: 'ring-fuchsia-500' },
  { chip: 'bg-cyan-100 text-cyan-900 ring-cyan-300 dark:bg-cyan-900/60 dark:text-cyan-100 dark:ring-cyan-700', swatch: 'bg-cyan-600', ring: 'ring-cyan-600' },
];

/** FNV-1a: small, fast, and spreads similar ids (sg-tw1, sg-tw2) across the palette. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function groupColour(groupId: string): GroupColour {
  return GROUP_COLOURS[hashId(groupId) % GROUP_COLOURS.length]!;
}

// Each design's groups object is immutable, so its order is worked out once.
const orderOf = new WeakMap<object, Map<string, number>>();

/** The colour of `groupId` among `groups` (a design's securityGroups): the n-th group takes the n-th hue. */
export function groupColourIn(groups: Readonly<Record<string, unknown>>, groupId: string): GroupColour {
  let order = orderOf.get(groups);
  if (!order) {
    order = new Map(Object.keys(groups).map((id, i) => [id, i]));
    orderOf.set(groups, order);
  }
  const at = order.get(groupId);
  return at === undefined ? groupColour(groupId) : GROUP_COLOURS[at % GROUP_COLOURS.length]!;
}
