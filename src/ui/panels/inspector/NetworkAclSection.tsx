/** A subnet's network ACL: which one it uses, its numbered entries, adding and removing them. */
import { useState } from 'react';
import { associateNetworkAcl, networkAclOf, removeNetworkAclEntry, setNetworkAclEntry } from '../../../core/model/index.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { RULE_PRESETS } from '../../placement/rule-form.ts';
import { aclEntryFromForm, aclEntryLabel, EMPTY_ACL_FORM, newNetworkAclFor, type AclEntryForm } from '../../placement/routing.ts';
import { designStore, useStore } from '../../store/index.ts';
import { Section, selectClass } from './parts.tsx';

const inputClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2.5 text-[14px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';

export function NetworkAclSection({ subnetId }: { subnetId: string }) {
  const design = useStore((s) => s.design);
  const [form, setForm] = useState<AclEntryForm>(EMPTY_ACL_FORM);
  const [issue, setIssue] = useState<string>();
  const subnet = design.subnets[subnetId];
  if (!subnet) return null;
  const acl = networkAclOf(design, subnet);
  const acls = Object.values(design.networkAcls).filter((a) => a.vpcId === subnet.vpcId);
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId)!;
  const { run, apply } = designStore.getState();
  const update = (patch: Partial<AclEntryForm>) => {
    setIssue(undefined);
    setForm((f) => ({ ...f, ...patch }));
  };
  const add = () => {
    if (!acl) return setIssue('This subnet has no network ACL to add to.');
    const entry = aclEntryFromForm(form);
    if (!entry.ok) return setIssue(entry.error.message);
    const result = setNetworkAclEntry(designStore.getState().design, acl.id, entry.value);
    if (!result.ok) return setIssue(result.error.message);
    setIssue(undefined);
    apply(result);
  };

  return (
    <Section title="Network ACL">
      <div className="flex gap-2">
        <select aria-label="Network ACL" className={selectClass} value={subnet.networkAclId ?? ''} onChange={(e) => run(associateNetworkAcl, subnetId, e.target.value || undefined)}>
          <option value="">Default ({acls.find((a) => a.isDefault)?.name ?? 'none'})</option>
          {acls
            .filter((a) => !a.isDefault)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
        <Button onClick={() => run(newNetworkAclFor, subnetId)} title="Create a network ACL for this subnet (denies all until you add entries)">
          New
        </Button>
      </div>
      {(['inbound', 'outbound'] as const).map((dir) => {
        const entries = acl?.entries.filter((e) => e.egress === (dir === 'outbound')) ?? [];
        return (
          <div key={dir} className="flex flex-col gap-1">
            <div className="text-[13px] font-medium text-slate-600 dark:text-slate-300">{dir === 'inbound' ? 'Inbound' : 'Outbound'}</div>
            <ul aria-label={`${dir === 'inbound' ? 'Inbound' : 'Outbound'} ACL entries`} className="flex flex-col gap-1">
              {entries.map((e) => (
                <li key={`${e.ruleNumber}`} className="flex items-center gap-2 rounded-lg bg-white px-2.5 py-1 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
                  <span className={`min-w-0 flex-1 text-[14px] ${e.action === 'deny' ? 'text-rose-700 dark:text-rose-300' : ''}`}>{aclEntryLabel(e)}</span>
                  <IconButton icon="close" label={`Remove ACL entry ${aclEntryLabel(e)}`} className="size-8" onClick={() => acl && run(removeNetworkAclEntry, acl.id, e.egress, e.ruleNumber)} />
                </li>
              ))}
              <li className="px-2.5 text-[14px] text-slate-500 dark:text-slate-400">* deny everything else</li>
            </ul>
          </div>
        );
      })}
      <form
        aria-label="Add an ACL entry"
        className="flex flex-col gap-2 rounded-xl border border-dashed border-slate-300 p-3 dark:border-slate-600"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="grid grid-cols-[1fr_4rem_5rem] gap-2">
          <select aria-label="ACL direction" className={selectClass} value={form.egress ? 'out' : 'in'} onChange={(e) => update({ egress: e.target.value === 'out' })}>
            <option value="in">Inbound</option>
            <option value="out">Outbound</option>
          </select>
          <input aria-label="Rule number" className={inputClass} value={form.ruleNumber} onChange={(e) => update({ ruleNumber: e.target.value })} />
          <select aria-label="Action" className={selectClass} value={form.action} onChange={(e) => update({ action: e.target.value as 'allow' | 'deny' })}>
            <option value="allow">allow</option>
            <option value="deny">deny</option>
          </select>
        </div>
        <div className="flex gap-2">
          <select aria-label="Traffic" className={selectClass} value={form.presetId} onChange={(e) => update({ presetId: e.target.value })}>
            {RULE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          {(preset.protocol === 'tcp' || preset.protocol === 'udp') && !preset.ports && (
            <input aria-label="ACL ports" placeholder="1024-65535" className={`${inputClass} max-w-28`} value={form.ports} onChange={(e) => update({ ports: e.target.value })} />
          )}
        </div>
        <input aria-label="ACL CIDR" className={`${inputClass} font-mono`} value={form.cidr} onChange={(e) => update({ cidr: e.target.value })} />
        {issue && (
          <p role="alert" className="text-[13px] leading-snug text-rose-700 dark:text-rose-300">
            {issue}
          </p>
        )}
        <Button type="submit" icon="plus">
          Add entry
        </Button>
      </form>
    </Section>
  );
}
