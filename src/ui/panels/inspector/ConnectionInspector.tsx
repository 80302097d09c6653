/** A selected connection: the rules it stands for, and deleting them (asking first when other members are affected). */
import { removeRuleRefs } from '../../../core/model/index.ts';
import { Button } from '../../components/Button.tsx';
import { affectsOthers, connectionByKey, connectionPairs, connectionTitle } from '../../placement/connections.ts';
import { matchLabel } from '../../placement/rule-form.ts';
import { designStore, useStore } from '../../store/index.ts';
import { InspectorHeading, Section } from './parts.tsx';

/** Deletes the selected connection's rules; asks first (returns false) when they reach beyond one pair. */
export function deleteSelectedConnection(confirmed: boolean): boolean {
  const s = designStore.getState();
  const c = connectionByKey(s.design, s.selectedConnection);
  if (!c) return false;
  if (affectsOthers(c) && !confirmed) {
    s.setConfirmingDelete(true);
    return false;
  }
  if (s.run(removeRuleRefs, c.rules)) s.selectConnection(null);
  return true;
}

export function ConnectionInspector({ connectionKey }: { connectionKey: string }) {
  const design = useStore((s) => s.design);
  const confirming = useStore((s) => s.confirmingDelete);
  const c = connectionByKey(design, connectionKey);
  if (!c) return <p className="text-[15px] text-slate-600 dark:text-slate-300">This connection is gone.</p>;
  const name = (id: string) => design.resources[id]?.name ?? design.externalNetworks[id]?.name ?? id;
  const pairs = connectionPairs(c);
  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon="shield" kind="Connection" title={connectionTitle(design, c)} />
      <Section title={`Rules (${c.rules.length})`}>
        <ul className="flex flex-col gap-2" aria-label="Rules of this connection">
          {c.rules.map((ref) => {
            const group = design.securityGroups[ref.groupId]!;
            const rule = group[ref.direction].find((r) => r.id === ref.ruleId)!;
            const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr : rule.peer.kind === 'security-group' ? (design.securityGroups[rule.peer.groupId]?.name ?? rule.peer.groupId) : rule.peer.prefixListId;
            return (
              <li key={`${ref.groupId}-${ref.ruleId}`} className="rounded-lg bg-white p-2.5 text-[14px] ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
                <div className="font-semibold">
                  {group.name} {ref.direction === 'ingress' ? 'inbound' : 'outbound'}
                </div>
                <div className="font-mono">
                  {matchLabel(rule)} {ref.direction === 'ingress' ? 'from' : 'to'} {peer}
                </div>
                {rule.description && <div className="text-slate-600 dark:text-slate-300">{rule.description}</div>}
              </li>
            );
          })}
        </ul>
      </Section>
      <Section title={`Applies to (${pairs.length})`}>
        <ul className="text-[14px]">
          {pairs.slice(0, 8).map(([s, t]) => (
            <li key={`${s}-${t}`}>
              {name(s)} → {name(t)}
            </li>
          ))}
          {pairs.length > 8 && <li>and {pairs.length - 8} more</li>}
        </ul>
      </Section>
      {confirming ? (
        <div role="alertdialog" aria-label="Delete these rules?" className="flex flex-col gap-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-300 dark:bg-amber-950/40 dark:ring-amber-700">
          <p className="text-[14px]">These rules also govern {pairs.length} pairs of resources, not just the edge you clicked. Delete them for all?</p>
          <div className="flex gap-2">
            <Button variant="danger" onClick={() => deleteSelectedConnection(true)}>
              Delete for all
            </Button>
            <Button onClick={() => designStore.getState().setConfirmingDelete(false)}>Keep</Button>
          </div>
        </div>
      ) : (
        <Button variant="danger" icon="trash" onClick={() => deleteSelectedConnection(false)}>
          Delete connection
        </Button>
      )}
    </div>
  );
}
