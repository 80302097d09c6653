/** Global keyboard shortcuts (listed for people in src/ui/shortcuts.ts). */
import { collectionOf, nudge, removeEntity } from '../ui/placement/edits.ts';
import { designStore, redo, undo } from '../ui/store/index.ts';
import { deleteSelectedConnection } from '../ui/panels/inspector/ConnectionInspector.tsx';

const NUDGE = 8;
const NUDGE_BIG = 40;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Typing in a field or working in a dialog keeps its keys. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function handleShortcut(e: KeyboardEvent): boolean {
  if (typingInto(e.target)) return false;
  const s = designStore.getState();
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  const selected = s.selectedId;
  if (mod && key === 'z') {
    if (e.shiftKey) redo();
    else undo();
    return true;
  }
  if (mod && key === 'y') {
    redo();
    return true;
  }
  if (mod && key === 'k') {
    s.setCommandsOpen(true);
    return true;
  }
  if (mod && key === 'd') {
    if (selected) s.duplicate(selected);
    return true;
  }
  if (mod || e.altKey) return false;
  if (e.key === '?') {
    s.setShortcutsOpen(true);
    return true;
  }
  if ((e.key === 'Delete' || e.key === 'Backspace') && s.selectedConnection) {
    deleteSelectedConnection(false);
    return true;
  }
  if (e.key === 'Escape') {
    s.select(null);
    return true;
  }
  if (key === 'p') {
    s.setPresenting(!s.presenting);
    return true;
  }
  if (key === 'e') {
    s.setExportOpen(true);
    return true;
  }
  if (key === 'f') {
    s.requestFitView();
    return true;
  }
  // Path questions about the selection (src/ui/panels/paths).
  if ((key === 'r' || key === 'w') && selected) {
    const network = s.design.externalNetworks[selected];
    if (key === 'r' && (s.design.resources[selected] || network)) s.reachFrom(network ? (network.kind === 'internet' ? { kind: 'internet' } : { kind: 'external', id: selected }) : { kind: 'resource', id: selected });
    else if (key === 'w' && s.design.resources[selected]) s.whoCanReach(selected);
    else return false;
    return true;
  }
  if ((e.key === 'Delete' || e.key === 'Backspace') && selected) {
    if (s.run(removeEntity, selected)) s.select(null);
    return true;
  }
  const arrow = ARROWS[e.key];
  if (arrow && selected && collectionOf(s.design, selected) !== 'securityGroups') {
    const step = e.shiftKey ? NUDGE_BIG : NUDGE;
    s.run(nudge, selected, arrow[0] * step, arrow[1] * step);
    return true;
  }
  return false;
}

export function installShortcuts(): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (handleShortcut(e)) e.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
