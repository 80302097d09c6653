/**
 * Everything the designer can do, as a searchable list for the command palette (Ctrl+K): the
 * keyboard and screen-reader path to every action, including the ones the canvas offers by drag.
 */
import { attachGroup, detachGroup, groupsOfResource, isPublicSubnet } from '../../../core/model/index.ts';
import { PALETTE } from '../../placement/catalogue.ts';
import { collectionOf, moveResourceTo, removeEntity } from '../../placement/edits.ts';
import { keyboardTarget } from '../../placement/keyboard-target.ts';
import { entityLabel } from '../../placement/labels.ts';
import { designStore, redo, undo, type StoreState } from '../../store/index.ts';
import { deleteSelectedConnection } from '../inspector/ConnectionInspector.tsx';
import { shareFromCommand } from '../export/share.ts';

const deleteConnection = () => deleteSelectedConnection(false);

export interface Command {
  id: string;
  label: string;
  /** Heading it is listed under. */
  section: 'Selection' | 'Add' | 'Select' | 'Design' | 'View';
  run: () => void;
}

const act = () => designStore.getState();

function targetName(s: StoreState, vpcId?: string, subnetId?: string): string {
  if (subnetId) return s.design.subnets[subnetId]?.name ?? subnetId;
  if (vpcId) return s.design.vpcs[vpcId]?.name ?? vpcId;
  return 'the canvas';
}

export function buildCommands(s: StoreState): Command[] {
  const d = s.design;
  const out: Command[] = [];
  const sel = s.selectedId;
  const selCollection = sel ? collectionOf(d, sel) : undefined;

  if (sel && selCollection) {
    const name = entityLabel(d, selCollection, sel).split(', ')[0];
    if (selCollection === 'resources') {
      const r = d.resources[sel]!;
      const home = d.subnets[r.enis[0]?.subnetId ?? ''];
      if (r.enis.length === 1 && home) {
        for (const sub of Object.values(d.subnets)) {
          if (sub.vpcId !== home.vpcId || sub.id === home.id) continue;
          out.push({ id: `move:${sub.id}`, section: 'Selection', label: `Move ${name} to ${sub.name} (${isPublicSubnet(d, sub) ? 'public' : 'private'})`, run: () => act().run(moveResourceTo, sel, sub.id) });
        }
      }
      const attached = groupsOfResource(r);
      for (const g of Object.values(d.securityGroups)) {
        if (g.vpcId !== home?.vpcId) continue;
        if (attached.includes(g.id)) out.push({ id: `detach:${g.id}`, section: 'Selection', label: `Detach ${g.name} from ${name}`, run: () => act().run(detachGroup, sel, g.id) });
        else out.push({ id: `attach:${g.id}`, section: 'Selection', label: `Attach ${g.name} to ${name}`, run: () => act().run(attachGroup, sel, g.id) });
      }
      out.push({ id: 'duplicate', section: 'Selection', label: `Duplicate ${name}`, run: () => act().duplicate(sel) });
      out.push({ id: 'connect-from', section: 'Selection', label: `Allow a connection from ${name}…`, run: () => act().startConnect({ sourceId: sel }) });
      out.push({ id: 'connect-to', section: 'Selection', label: `Allow a connection to ${name}…`, run: () => act().startConnect({ targetId: sel }) });
      out.push({ id: 'reach-from', section: 'Selection', label: `Reach from ${name}: light up what it reaches`, run: () => act().reachFrom({ kind: 'resource', id: sel }) });
      out.push({ id: 'who-can-reach', section: 'Selection', label: `Who can reach ${name}?`, run: () => act().whoCanReach(sel) });
    }
    if (selCollection === 'externalNetworks') {
      const n = d.externalNetworks[sel]!;
      out.push({ id: 'reach-from', section: 'Selection', label: `Reach from ${name}: light up what it reaches`, run: () => act().reachFrom(n.kind === 'internet' ? { kind: 'internet' } : { kind: 'external', id: sel }) });
    }
    out.push({ id: 'delete', section: 'Selection', label: `Delete ${name}`, run: () => act().run(removeEntity, sel) && act().select(null) });
  }

  if (s.selectedConnection) out.push({ id: 'delete-connection', section: 'Selection', label: 'Delete the selected connection', run: () => act().selectedConnection && deleteConnection() });
  out.push({ id: 'connect', section: 'Add', label: 'Connect… (allow a connection between two resources)', run: () => act().startConnect({}) });

  for (const item of PALETTE) {
    const t = keyboardTarget(d, sel, item.kind);
    const where = item.goesInto === 'canvas' ? '' : ` to ${targetName(s, t.vpcId, t.subnetId)}`;
    out.push({ id: `add:${item.kind}`, section: 'Add', label: `Add ${item.label}${where}`, run: () => act().place(item.kind, t) });
  }

  for (const collection of ['vpcs', 'subnets', 'resources', 'internetGateways', 'natGateways', 'externalNetworks', 'securityGroups'] as const) {
    for (const id of Object.keys(d[collection])) {
      if (id === sel) continue;
      out.push({ id: `select:${id}`, section: 'Select', label: `Select ${entityLabel(d, collection, id)}`, run: () => act().select(id) });
    }
  }

  out.push(
    { id: 'undo', section: 'Design', label: 'Undo', run: undo },
    { id: 'redo', section: 'Design', label: 'Redo', run: redo },
    { id: 'designs', section: 'Design', label: 'Open the list of designs', run: () => act().setLibraryOpen(true) },
    { id: 'templates', section: 'Design', label: 'Start from a template', run: () => act().setTemplatesOpen(true) },
    { id: 'import', section: 'Design', label: 'Import files (design, describe bundle, Terraform, CloudFormation)', run: () => act().setImportOpen(true) },
    { id: 'export', section: 'Design', label: 'Export… (design file, AWS CLI, Terraform, CloudFormation, PNG, SVG)', run: () => act().setExportOpen(true) },
    { id: 'share', section: 'Design', label: 'Copy share link', run: () => void shareFromCommand() },
    { id: 'present', section: 'View', label: s.presenting ? 'Stop presenting: show the side panels' : 'Present: hide the side panels', run: () => act().setPresenting(!s.presenting) },
    { id: 'fit', section: 'View', label: 'Fit the design in view', run: () => act().requestFitView() },
    { id: 'theme', section: 'View', label: s.theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme', run: () => act().setTheme(s.theme === 'dark' ? 'light' : 'dark') },
    { id: 'paths', section: 'View', label: s.pathsOpen ? 'Close the paths' : 'Paths: what reaches what', run: () => act().setPathsOpen(!s.pathsOpen) },
    { id: 'reach-internet', section: 'View', label: 'Reach from the Internet: light up what it reaches', run: () => act().reachFrom({ kind: 'internet' }) },
    { id: 'connections', section: 'View', label: s.showConnections ? 'Hide allowed connections' : 'Show allowed connections', run: () => act().setShowConnections(!s.showConnections) },
    { id: 'shortcuts', section: 'View', label: 'Show keyboard shortcuts', run: () => act().setShortcutsOpen(true) },
  );
  return out;
}

/** Commands whose label holds every word of the query, in any order, case-insensitively. */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const label = c.label.toLowerCase();
    return words.every((w) => label.includes(w));
  });
}
