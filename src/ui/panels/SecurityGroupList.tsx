/** The security groups of the design by VPC: pick one to highlight its members; create new ones. */
import { useMemo, useState } from 'react';
import { addSecurityGroup, type Design } from '../../core/model/index.ts';
import { newGroupIssue } from '../placement/group-name.ts';
import { groupColourIn } from '../components/group-colour.ts';
import { TextField } from '../components/TextField.tsx';
import { designStore, useShallowStore, useStore } from '../store/index.ts';

interface GroupRow {
  id: string;
  name: string;
  vpcId: string;
  members: number;
}

function groupRows(d: Pick<Design, 'securityGroups' | 'resources'>): GroupRow[] {
  const counts = new Map<string, number>();
  for (const r of Object.values(d.resources)) {
    for (const g of new Set(r.enis.flatMap((e) => e.securityGroupIds))) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return Object.values(d.securityGroups).map((g) => ({ id: g.id, name: g.name, vpcId: g.vpcId, members: counts.get(g.id) ?? 0 }));
}

export function SecurityGroupList() {
  const securityGroups = useStore((s) => s.design.securityGroups);
  const resources = useStore((s) => s.design.resources);
  const rows = useMemo(() => groupRows({ securityGroups, resources }), [securityGroups, resources]);
  const vpcs = useShallowStore((s) => Object.values(s.design.vpcs).map((v) => `${v.id}\u0000${v.name}`));
  const selectedId = useStore((s) => s.selectedId);
  const selectedVpc = useStore((s) => (s.selectedId ? s.design.securityGroups[s.selectedId]?.vpcId : undefined));
  const [chosenVpc, setChosenVpc] = useState<string | undefined>();
  const vpcList = vpcs.map((v) => {
    const [id, name] = v.split('\u0000') as [string, string];
    return { id, name };
  });
  const targetVpc = chosenVpc && vpcList.some((v) => v.id === chosenVpc) ? chosenVpc : (selectedVpc ?? vpcList[0]?.id);

  return (
    <section aria-labelledby="groups-heading" className="flex flex-col gap-2">
      <h2 id="groups-heading" className="px-1 text-[12px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        Security groups
      </h2>
      {vpcList.length === 0 && <p className="px-1 text-[14px] text-slate-500 dark:text-slate-400">Add a VPC to create security groups.</p>}
      {vpcList.map((vpc) => (
        <div key={vpc.id} className="flex flex-col gap-0.5">
          {vpcList.length > 1 && <div className="px-1 pt-1 text-[13px] font-medium text-slate-600 dark:text-slate-300">{vpc.name}</div>}
          <ul aria-label={`Security groups of ${vpc.name}`} className="flex flex-col gap-0.5">
            {rows
              .filter((r) => r.vpcId === vpc.id)
              .map((r) => {
                const active = r.id === selectedId;
                return (
                  <li key={r.id}>
                    <button
                      type="button"
                      aria-pressed={active}
                      aria-label={`${r.name}, ${r.members} member${r.members === 1 ? '' : 's'}`}
                      onClick={() => designStore.getState().select(active ? null : r.id)}
                      className={`flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left text-[15px] transition-colors focus-visible:outline-2 focus-visible:outline-sky-600 ${
                        active ? 'bg-white font-semibold shadow-sm ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-600' : 'hover:bg-white/70 dark:hover:bg-slate-800/70'
                      }`}
                    >
                      <span className={`size-3 shrink-0 rounded-full ${groupColourIn(securityGroups, r.id).swatch}`} aria-hidden="true" />
                      <span className="min-w-0 flex-1 truncate">{r.name}</span>
                      <span className="shrink-0 text-[13px] text-slate-500 tabular-nums dark:text-slate-400">{r.members}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
      {targetVpc && (
        <div className="mt-1 flex flex-col gap-1.5 rounded-lg border border-dashed border-slate-300 p-2 dark:border-slate-600">
          {vpcList.length > 1 && (
            <label className="flex items-center gap-2 text-[13px] text-slate-600 dark:text-slate-300">
              In
              <select
                value={targetVpc}
                onChange={(e) => setChosenVpc(e.target.value)}
                className="min-h-8 flex-1 rounded-md bg-white px-1.5 text-[14px] ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-600"
              >
                {vpcList.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <TextField
            label="New security group"
            value=""
            placeholder="e.g. web-sg, then Enter"
            clearOnCommit
            validate={(name) => newGroupIssue(designStore.getState().design, targetVpc, name)}
            onCommit={(name) => {
              const { design, apply, select } = designStore.getState();
              const before = new Set(Object.keys(design.securityGroups));
              if (!apply(addSecurityGroup(design, { vpcId: targetVpc, name }))) return false;
              const created = Object.keys(designStore.getState().design.securityGroups).find((id) => !before.has(id));
              if (created) select(created);
              return true;
            }}
          />
        </div>
      )}
    </section>
  );
}
