/**
 * The linter's latest findings and how the designer shows them. The findings are computed outside
 * the store (src/app/findings.ts, debounced, from the network only); this slice holds the result,
 * a per-resource badge summary, and the action that takes people to what a finding is about.
 */
import { SEVERITIES, type Finding } from '../../core/lint/index.ts';
import { focusForFinding } from '../placement/finding-target.ts';
import type { Slice } from './types.ts';

export interface FindingsSlice {
  findings: Finding[];
  /** False until the first run of the checks has answered (the worker may still be starting). */
  findingsReady: boolean;
  /** Per resource: "<worst severity>:<count>", a string so a node's selector compares by value. */
  findingBadges: Record<string, string>;
  setFindings: (findings: Finding[]) => void;
  findingsOpen: boolean;
  setFindingsOpen: (open: boolean) => void;
  /** Selects what a finding points at, centres canvas nodes, and highlights a rule in the inspector. */
  revealFinding: (finding: Finding) => void;
  /** Applies a finding's quick fix as one undoable edit; a refusal becomes a notice. */
  applyQuickFix: (finding: Finding) => boolean;
  /** Asks the findings panel to open on one finding (bumped so the same one can be asked for twice). */
  openFindingRequest: { id: string; n: number } | null;
  /** Opens the panel on a finding and reveals what it points at (a badge on a connection edge does this). */
  openFinding: (id: string) => void;
}

export function badgesOf(findings: readonly Finding[]): Record<string, string> {
  const worst = new Map<string, number>();
  const count = new Map<string, number>();
  for (const f of findings) {
    const rank = SEVERITIES.indexOf(f.severity);
    for (const id of new Set(f.resourceIds)) {
      worst.set(id, Math.min(worst.get(id) ?? rank, rank));
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...worst].map(([id, rank]) => [id, `${SEVERITIES[rank]}:${count.get(id)}`]));
}

/** No findings yet: before the first run, and for a design just opened (design-slice.ts). */
export const NO_FINDINGS = { findings: [], findingsReady: false, findingBadges: {} } satisfies Partial<FindingsSlice>;

export const createFindingsSlice: Slice<FindingsSlice> = (set, get) => ({
  ...NO_FINDINGS,
  setFindings: (findings) => set({ findings, findingsReady: true, findingBadges: badgesOf(findings) }),
  findingsOpen: false,
  setFindingsOpen: (findingsOpen) => set({ findingsOpen }),
  revealFinding: (finding) => {
    const focus = focusForFinding(get().design, finding);
    if (!focus) {
      get().notify('What this finding points at is no longer in the design.', 'info');
      return;
    }
    set({ selectedId: focus.selectedId, selectedConnection: null, confirmingDelete: false, highlightedRule: focus.highlightedRule ?? null });
    if (focus.centre) get().requestCentre(focus.selectedId);
  },
  applyQuickFix: (finding) => {
    if (!finding.quickFix) return false;
    return get().apply(finding.quickFix.apply(get().design));
  },
  openFindingRequest: null,
  openFinding: (id) => {
    const finding = get().findings.find((f) => f.id === id);
    if (!finding) return;
    set((s) => ({ findingsOpen: true, openFindingRequest: { id, n: (s.openFindingRequest?.n ?? 0) + 1 } }));
    get().revealFinding(finding);
  },
});
