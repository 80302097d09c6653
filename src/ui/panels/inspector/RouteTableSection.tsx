/** A subnet's route table: which one it uses, its routes, and adding or removing one. */
import { useState } from 'react';
import { associateRouteTable, removeRoute, routeTableOf, setRoute } from '../../../core/model/index.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { newRouteTableFor, routeTargetOptions, targetLabel } from '../../placement/routing.ts';
import { designStore, useStore } from '../../store/index.ts';
import { Section, selectClass } from './parts.tsx';

const inputClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2.5 font-mono text-[14px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';

export function RouteTableSection({ subnetId }: { subnetId: string }) {
  const design = useStore((s) => s.design);
  const [destination, setDestination] = useState('0.0.0.0/0');
  const [targetId, setTargetId] = useState('');
  const [issue, setIssue] = useState<string>();
  const subnet = design.subnets[subnetId];
  if (!subnet) return null;
  const vpc = design.vpcs[subnet.vpcId];
  const table = routeTableOf(design, subnet);
  const tables = Object.values(design.routeTables).filter((t) => t.vpcId === subnet.vpcId);
  const targets = routeTargetOptions(design, subnet.vpcId);
  const { run, apply } = designStore.getState();

  const addRoute = () => {
    const target = targets.find((t) => t.value === (targetId || targets[0]?.value));
    if (!table || !target) return setIssue('Add an internet gateway or a NAT gateway to route to.');
    const result = setRoute(designStore.getState().design, table.id, { destination: { cidr: destination.trim() }, target: target.target });
    if (!result.ok) return setIssue(result.error.message);
    setIssue(undefined);
    apply(result);
  };

  return (
    <Section title="Route table">
      <div className="flex gap-2">
        <select
          aria-label="Route table"
          className={selectClass}
          value={subnet.routeTableId ?? ''}
          onChange={(e) => run(associateRouteTable, subnetId, e.target.value || undefined)}
        >
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
          return (
            <li key={dest} className="flex items-center gap-2 rounded-lg bg-white px-2.5 py-1 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
              <span className="min-w-0 flex-1 font-mono text-[14px]">
                {text}
                {r.state === 'blackhole' && <span className="ml-2 font-sans text-[13px] text-rose-700 dark:text-rose-300">blackhole</span>}
              </span>
              <IconButton icon="close" label={`Remove route ${text}`} className="size-8" onClick={() => table && run(removeRoute, table.id, r.destination)} />
            </li>
          );
        })}
      </ul>
      <form
        aria-label="Add a route"
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          addRoute();
        }}
      >
        <div className="grid grid-cols-[7.5rem_1fr] gap-2">
          <input aria-label="Destination" className={inputClass} value={destination} onChange={(e) => setDestination(e.target.value)} />
          <select aria-label="Target" className={selectClass} value={targetId} onChange={(e) => setTargetId(e.target.value)} disabled={targets.length === 0}>
            {targets.length === 0 && <option value="">No gateway in this VPC</option>}
            {targets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {issue && (
          <p role="alert" className="text-[13px] leading-snug text-rose-700 dark:text-rose-300">
            {issue}
          </p>
        )}
        <Button type="submit" icon="plus" disabled={targets.length === 0}>
          Add route
        </Button>
      </form>
    </Section>
  );
}
