/**
 * Path highlighting: the question the Paths panel asks (reach from a source, to a target, or who
 * reaches a resource), the answer the app computed for it (src/app/paths.ts, debounced, from the
 * network only), and what the canvas draws of it. Also the finding badges of connection edges,
 * which follow the findings the same way. Not part of undo.
 */
import type { PathsView } from '../placement/paths/view.ts';
import { ALL_TRAFFIC, type PathEnd, type PathFilter, type PathQuery } from '../placement/paths/query.ts';
import type { PathEdgeSpec } from '../placement/paths/canvas-marks.ts';
import type { Slice } from './types.ts';

export interface PathsSlice {
  pathsOpen: boolean;
  /** Opening fits the design in view: the answer is about all of it, and the drawer takes room. */
  setPathsOpen: (open: boolean) => void;
  /** The question asked; kept while the panel is closed so reopening shows it again. */
  pathQuery: PathQuery | null;
  /** Reach from a source (the panel opens), keeping the filter. */
  reachFrom: (source: PathEnd) => void;
  /** Who can reach a resource (the panel opens), keeping the filter. */
  whoCanReach: (resourceId: string) => void;
  /** Picks (or clears) the target of a "from" question. */
  setPathTarget: (target: PathEnd | null) => void;
  setPathFilter: (filter: PathFilter) => void;
  clearPaths: () => void;
  /** The answer to `pathQuery` for the current network, or null while nothing is shown. */
  pathsView: PathsView | null;
  /** Node id -> mark (see placement/paths/canvas-marks.ts); empty when no answer is shown. */
  pathMarks: Record<string, string>;
  /** Resource id -> the security group whose chip blocks. */
  pathChips: Record<string, string>;
  pathEdges: PathEdgeSpec[];
  /** Whether nodes without a mark are dimmed. */
  pathDim: boolean;
  setPathsView: (view: PathsView | null) => void;
  /** Connection key -> "<worst severity>:<count>" of the findings about its rules. */
  edgeFindingBadges: Record<string, string>;
  /** Connection key -> the ids of those findings, worst first. */
  edgeFindingIds: Record<string, string[]>;
  setEdgeFindings: (badges: Record<string, string>, ids: Record<string, string[]>) => void;
}

const NO_MARKS: Record<string, string> = {};
const NO_EDGES: PathEdgeSpec[] = [];

export const createPathsSlice: Slice<PathsSlice> = (set, get) => ({
  pathsOpen: false,
  setPathsOpen: (pathsOpen) => {
    if (pathsOpen && !get().pathsOpen) get().requestFitView();
    set({ pathsOpen });
  },
  pathQuery: null,
  reachFrom: (source) => {
    get().setPathsOpen(true);
    set({ pathQuery: { mode: 'from', source, filter: get().pathQuery?.filter ?? ALL_TRAFFIC } });
  },
  whoCanReach: (target) => {
    get().setPathsOpen(true);
    set({ pathQuery: { mode: 'to', target, filter: get().pathQuery?.filter ?? ALL_TRAFFIC } });
  },
  setPathTarget: (target) => {
    const q = get().pathQuery;
    if (q?.mode !== 'from') return;
    const { target: _old, ...rest } = q;
    set({ pathQuery: target ? { ...rest, target } : rest });
  },
  setPathFilter: (filter) => {
    const q = get().pathQuery;
    if (q) set({ pathQuery: { ...q, filter } });
  },
  clearPaths: () => set({ pathQuery: null }),
  pathsView: null,
  pathMarks: NO_MARKS,
  pathChips: NO_MARKS,
  pathEdges: NO_EDGES,
  pathDim: false,
  setPathsView: (view) =>
    set(
      view
        ? { pathsView: view, pathMarks: view.canvas.marks, pathChips: view.canvas.chips, pathEdges: view.canvas.edges, pathDim: view.canvas.dim }
        : { pathsView: null, pathMarks: NO_MARKS, pathChips: NO_MARKS, pathEdges: NO_EDGES, pathDim: false },
    ),
  edgeFindingBadges: {},
  edgeFindingIds: {},
  setEdgeFindings: (edgeFindingBadges, edgeFindingIds) => set({ edgeFindingBadges, edgeFindingIds }),
});
