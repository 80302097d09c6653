/**
 * A subnet's route table: which one it uses, its routes (each with Edit, which opens destination
 * and target in place, and Remove), and a form that adds one. Targets are the design's gateways
 * and peerings for this VPC.
 */
import { useState } from 'react';
import { associateRouteTable, removeRoute, routeTableOf, type Design, type ModelError, type Result, type Route, type RouteTarget } from '../../../core/model/index.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { newRouteTableFor, routeTargetOptions, targetLabel, type TargetOption } from '../../placement/routing.ts';
import { addRoute, replaceRoute } from '../../placement/routing-edits.ts';
import { cidrFieldIssue } from '../../placement/rule-validation.ts';
import { designStore, useStore } from '../../store/index.ts';
import { FieldIssueNote } from '../../components/FieldIssueNote.tsx';
import { Section, selectClass } from './parts.tsx';

const inputClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2.5 font-mono text-[14px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 aria-invalid:ring-2 aria-invalid:ring-rose-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';

const targetValue = (t: RouteTarget) => (t.kind === 'local' ? 'local' : t.id);

/** Destination and target fields; `attempt` is the command saving would run, tried as people type. */
function RouteForm({
  label,
  initial,
  targets,
  attempt,
  onSaved,
  children,
}: {
  label: string;
  initial: { destination: string; target: string };
  targets: TargetOption[];
  attempt: (d: Design, route: Omit<Route, 'state'>) => Result<Design, ModelError>;
  onSaved: () => void;
  children: (canSave: boolean) => React.ReactNode;
}) {
  const design = useStore((s) => s.design);
  const [destination, setDestination] = useState(initial.destination);
  const [targetId, setTargetId] = useState(initial.target);
  const [tried, setTried] = useState(false);
  // An untouched form says nothing: its default destination may be routed already.
  const [touched, setTouched] = useState(false);
  const target = targets.find((t) => t.value === (targetId || targets[0]?.value));
  const cidrIssue = cidrFieldIssue(destination);
  const route = target ? { destination: { cidr: destination.trim() }, target: target.target } : undefined;
  const result = !cidrIssue && route ? attempt(design, route) : undefined;
  const issue = cidrIssue ?? (result && !result.ok ? { message: result.error.message } : undefined) ?? (!target && tried ? { message: 'Add an internet gateway, a NAT gateway or a peering to route to.' } : undefined);
  return (
    <form
      aria-label={label}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (result?.ok && designStore.getState().apply(result)) onSaved();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && label.startsWith('Edit')) {
          e.stopPropagation();
          onSaved();
        }
      }}
    >
      {/* Stacked: a target's name and kind need the panel's whole width to be read. */}
      <div className="flex flex-col gap-2">
        <input aria-label="Destination" spellCheck={false} className={inputClass} value={destination} onChange={(e) => {
            setTouched(true);
            setDestination(e.target.value);
          }} {...(cidrIssue ? { 'aria-invalid': true } : {})} />
        <select aria-label="Target" className={selectClass} value={target?.value ?? ''} onChange={(e) => {
            setTouched(true);
            setTargetId(e.target.value);
          }} disabled={targets.length === 0}>
          {targets.length === 0 && <option value="">No gateway in this VPC</option>}
          {targets.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <FieldIssueNote issue={tried || touched ? issue : undefined} onUse={setDestination} />
      {children(targets.length > 0)}
    </form>
  );
}

export function RouteTableSection({ subnetId }: { subnetId: string }) {
  const design = useStore((s) => s.design);
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const subnet = design.subnets[subnetId];
  if (!subnet) return null;
  const vpc = design.vpcs[subnet.vpcId];
  const table = routeTableOf(design, subnet);
  const tables = Object.values(design.routeTables).filter((t) => t.vpcId === subnet.vpcId);
  const targets = routeTargetOptions(design, subnet.vpcId);
  const { run } = designStore.getState();

  return (
    <Section title="Route table">
      <div className="flex gap-2">
        <select aria-label="Route table" className={selectClass} value={subnet.routeTableId ?? ''} onChange={(e) => run(associateRouteTable, subnetId, e.target.value || undefined)}>
          <option value="">Main table ({vpc?.mainRouteTableId ? (design.routeTables[vpc.mainRouteTableId]?.name ?? 'main') : 'none'})</option>
          {tables
            .filter((t) => t.id !== vpc?.mainRouteTableId)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
        <Button onClick={() => run(newRouteTableFor, subnetId)} title="Create a route table for this subnet">
          New
        </Button>
      </div>
      <ul aria-label="Routes" className="flex flex-col gap-1">
        {vpc?.cidrs.map((c) => (
          <li key={`local-${c}`} className="flex items-center gap-2 rounded-lg px-2.5 py-1 font-mono text-[14px] text-slate-500 dark:text-slate-400">
            {c} → local
          </li>
        ))}
        {table?.routes.map((r) => {
          const dest = 'cidr' in r.destination ? r.destination.cidr : (design.prefixLists[r.destination.prefixListId]?.name ?? r.destination.prefixListId);
          const text = `${dest} → ${targetLabel(design, r.target)}`;
          // A route to a prefix list, or to a target this VPC no longer offers, keeps its own choice on edit.
          const editable = 'cidr' in r.destination;
          if (editing === dest && editable) {
            const own = targets.some((t) => t.value === targetValue(r.target)) ? targets : [...targets, { value: targetValue(r.target), label: targetLabel(design, r.target), target: r.target }];
            return (
              <li key={dest} className="rounded-lg bg-white p-2.5 ring-2 ring-sky-600 dark:bg-slate-900">
                <RouteForm
                  label={`Edit route ${text}`}
                  initial={{ destination: dest, target: targetValue(r.target) }}
                  targets={own}
                  attempt={(d, route) => replaceRoute(d, table.id, r.destination, route)}
                  onSaved={() => setEditing(null)}
                >
                  {() => (
                    <div className="flex justify-end gap-2">
                      <Button onClick={() => setEditing(null)}>Cancel</Button>
                      <Button type="submit" variant="primary" icon="check">
                        Save route
                      </Button>
                    </div>
                  )}
                </RouteForm>
              </li>
            );
          }
          return (
            <li key={dest} className="flex items-center gap-1 rounded-lg bg-white py-1 pr-1 pl-2.5 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
              <span className="min-w-0 flex-1 font-mono text-[14px] break-words">
                {text}
                {r.state === 'blackhole' && <span className="ml-2 font-sans text-[13px] text-rose-700 dark:text-rose-300">blackhole</span>}
              </span>
              <IconButton icon="pencil" label={editable ? `Edit route ${text}` : 'Routes to a prefix list are edited in the imported source.'} disabled={!editable} className="size-8" onClick={() => setEditing(dest)} />
              <IconButton icon="close" label={`Remove route ${text}`} className="size-8" onClick={() => run(removeRoute, table.id, r.destination)} />
            </li>
          );
        })}
      </ul>
      {table ? (
        <RouteForm key={`${table.id}-${added}`} label="Add a route" initial={{ destination: '0.0.0.0/0', target: '' }} targets={targets} attempt={(d, route) => addRoute(d, table.id, route)} onSaved={() => setAdded((n) => n + 1)}>
          {(canSave) => (
            <Button type="submit" icon="plus" disabled={!canSave}>
              Add route
            </Button>
          )}
        </RouteForm>
      ) : (
        <p className="text-[14px] text-slate-500 dark:text-slate-400">This VPC has no main route table; create one with New.</p>
      )}
    </Section>
  );
}
