/**
 * What the canvas draws for a paths answer: a mark per node (its role, a short label such as the
 * ports it is reached on, and why it blocks, if it does), the security-group chips that block,
 * and the path edges. Marks are strings so a node's selector compares them by value and only the
 * nodes whose mark changed re-render.
 */
import type { Anchor } from './anchors.ts';

/** reached: the source reaches it; reacher: it reaches the target (who-can-reach); route: a hop on the way. */
export type MarkRole = 'source' | 'target' | 'reached' | 'reacher' | 'route';
export type PathTone = 'reach' | 'route' | 'blocked';

export interface PathEdgeSpec {
  id: string;
  source: string;
  target: string;
  tone: PathTone;
  label?: string;
}

export interface PathCanvas {
  /** Node id -> "role|label|blocked reason|first"; see parseMark. */
  marks: Record<string, string>;
  /** Resource id -> the id of its security group that blocks. */
  chips: Record<string, string>;
  edges: PathEdgeSpec[];
  /** Whether nodes without a mark are dimmed. */
  dim: boolean;
}

export interface NodeMark {
  role: MarkRole | '';
  label: string;
  /** Why this component blocks ("no public IP"), or ''. */
  blocked: string;
  /** Whether it is the first component that blocks (the others block too once it is fixed). */
  first: boolean;
}

export function parseMark(mark: string | undefined): NodeMark | undefined {
  if (!mark) return undefined;
  const [role = '', label = '', blocked = '', first = ''] = mark.split('|');
  return { role: role as NodeMark['role'], label, blocked, first: first === 'first' };
}

const RANK: Record<MarkRole | '', number> = { '': 0, route: 1, reached: 2, reacher: 2, target: 3, source: 4 };
const TONE_RANK: Record<PathTone, number> = { reach: 0, route: 1, blocked: 2 };

export class CanvasBuilder {
  private readonly marks = new Map<string, NodeMark>();
  private readonly chips: Record<string, string> = {};
  private readonly edges = new Map<string, PathEdgeSpec>();

  /** Gives a node a role; a stronger role already given stays (a source stays the source). */
  mark(id: string, role: MarkRole, label: string): void {
    const m = this.marks.get(id);
    if (!m) this.marks.set(id, { role, label, blocked: '', first: false });
    else if (RANK[role] > RANK[m.role]) this.marks.set(id, { ...m, role, label });
  }

  /** Marks a blocking component: its node or container in red, or its group chip (and the card). */
  block(a: Anchor, reason: string, first: boolean): void {
    const id = a.kind === 'chip' ? a.resourceId : a.id;
    if (a.kind === 'chip' && !this.chips[a.resourceId]) this.chips[a.resourceId] = a.groupId;
    const m = this.marks.get(id) ?? { role: '', label: '', blocked: '', first: false };
    if (!m.blocked) this.marks.set(id, { ...m, blocked: reason, first });
  }

  /** One edge per ordered node pair; a blocked edge wins over a route, a route over a chain hop. */
  edge(source: string, target: string, tone: PathTone, label?: string): void {
    if (source === target) return;
    const key = `${source}->${target}`;
    const e = this.edges.get(key);
    if (!e) this.edges.set(key, { id: `path:${key}`, source, target, tone, ...(label ? { label } : {}) });
    else if (TONE_RANK[tone] > TONE_RANK[e.tone]) this.edges.set(key, { ...e, tone, ...(label ? { label } : {}) });
  }

  build(dim: boolean): PathCanvas {
    const marks: Record<string, string> = {};
    for (const [id, m] of this.marks) marks[id] = `${m.role}|${m.label}|${m.blocked}|${m.first ? 'first' : ''}`;
    return { marks, chips: { ...this.chips }, edges: [...this.edges.values()], dim };
  }
}
