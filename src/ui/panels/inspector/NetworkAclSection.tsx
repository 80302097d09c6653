/**
 * A subnet's network ACL: which one it uses, its numbered entries in both directions (each with
 * Edit, which opens the entry's fields in place, and Remove), and a form that adds one.
 */
import { useMemo, useState } from 'react';
import { associateNetworkAcl, networkAclOf, removeNetworkAclEntry, type Design, type ModelError, type NetworkAclEntry, type Result } from '../../../core/model/index.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { aclEntryFromForm, aclEntryLabel, aclFormFromEntry, EMPTY_ACL_FORM, newNetworkAclFor, type AclEntryForm } from '../../placement/routing.ts';
import { addNetworkAclEntry, replaceNetworkAclEntry } from '../../placement/routing-edits.ts';
import { aclFormIssues } from '../../placement/rule-validation.ts';
import { designStore, useStore } from '../../store/index.ts';
import { AclEntryFields, type AclIssues } from './AclEntryFields.tsx';
import { Section, selectClass } from './parts.tsx';

type Attempt = (d: Design, entry: NetworkAclEntry) => Result<Design, ModelError>;

/** Form state, live issues (quiet for an untouched empty field), and a save through `attempt`. */
function useAclForm(initial: AclEntryForm, attempt: Attempt | undefined) {
  const design = useStore((s) => s.design);
  const [form, setForm] = useState(initial);
  const [tried, setTried] = useState(false);
  const issues: AclIssues = useMemo(
    () => (attempt ? aclFormIssues(form, (entry) => attempt(design, entry)) : { entry: { message: 'This subnet has no network ACL to add to.' } }),
    [form, attempt, design],
  );
  // An untouched form says nothing: the add form's default number may be taken already.
  const [touched, setTouched] = useState(false);
  const shown = tried ? issues : !touched ? {} : Object.fromEntries(Object.entries(issues).filter(([f]) => (f === 'ports' ? form.ports : f === 'protocol' ? form.protocolNumber : 'x').trim() !== ''));
  const save = (): boolean => {
    setTried(true);
    if (!attempt || Object.keys(issues).length > 0) return false;
    return true;
  };
  const reset = (next: AclEntryForm) => {
    setTried(false);
    setTouched(false);
    setForm(next);
  };
  return { form, reset, update: (patch: Partial<AclEntryForm>) => {
      setTouched(true);
      setForm((f) => ({ ...f, ...patch }));
    }, issues: shown, save };
}

function EditEntry({ aclId, entry, initial, onDone }: { aclId: string; entry: NetworkAclEntry; initial: AclEntryForm; onDone: () => void }) {
  const attempt = useMemo<Attempt>(() => (d, next) => replaceNetworkAclEntry(d, aclId, entry, next), [aclId, entry]);
  const { form, update, issues, save } = useAclForm(initial, attempt);
  return (
    <form
      aria-label={`Edit ACL entry ${aclEntryLabel(entry)}`}
      className="flex flex-col gap-2 rounded-lg bg-white p-2.5 ring-2 ring-sky-600 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        const next = aclEntryFromForm(form);
        if (!save() || !next.ok) return;
        const { design, apply } = designStore.getState();
        if (apply(replaceNetworkAclEntry(design, aclId, entry, next.value))) onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <AclEntryFields form={form} issues={issues} onChange={update} />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" icon="check">
          Save entry
        </Button>
      </div>
    </form>
  );
}

export function NetworkAclSection({ subnetId }: { subnetId: string }) {
  const design = useStore((s) => s.design);
  const [editing, setEditing] = useState<string | null>(null);
  const subnet = design.subnets[subnetId];
  const acl = subnet ? networkAclOf(design, subnet) : undefined;
  const aclId = acl?.id;
  const attempt = useMemo<Attempt | undefined>(() => (aclId ? (d, entry) => addNetworkAclEntry(d, aclId, entry) : undefined), [aclId]);
  const { form, update, issues, save, reset } = useAclForm(EMPTY_ACL_FORM, attempt);
  if (!subnet) return null;
  const acls = Object.values(design.networkAcls).filter((a) => a.vpcId === subnet.vpcId);
  const { run, apply } = designStore.getState();
  const add = () => {
    if (!save() || !aclId) return;
    const entry = aclEntryFromForm(form);
    if (!entry.ok || !apply(addNetworkAclEntry(designStore.getState().design, aclId, entry.value))) return;
    // The number just used is taken: offer the next free one up, in the steps of ten people number entries in.
    const used = new Set(designStore.getState().design.networkAcls[aclId]?.entries.filter((e) => e.egress === entry.value.egress).map((e) => e.ruleNumber));
    let next = entry.value.ruleNumber + 10;
    while (used.has(next) && next < 32766) next += 10;
    reset({ ...form, ruleNumber: String(Math.min(32766, next)) });
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
              {entries.map((e) => {
                const key = `${dir}-${e.ruleNumber}`;
                const editable = aclFormFromEntry(e);
                if (editing === key && editable.ok && acl) {
                  return (
                    <li key={key}>
                      <EditEntry aclId={acl.id} entry={e} initial={editable.value} onDone={() => setEditing(null)} />
                    </li>
                  );
                }
                return (
                  <li key={key} className="flex items-center gap-1 rounded-lg bg-white py-1 pr-1 pl-2.5 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
                    <span className={`min-w-0 flex-1 text-[14px] break-words ${e.action === 'deny' ? 'text-rose-700 dark:text-rose-300' : ''}`}>{aclEntryLabel(e)}</span>
                    <IconButton
                      icon="pencil"
                      label={editable.ok ? `Edit ACL entry ${aclEntryLabel(e)}` : editable.error.message}
                      disabled={!editable.ok}
                      className="size-8"
                      onClick={() => setEditing(key)}
                    />
                    <IconButton icon="close" label={`Remove ACL entry ${aclEntryLabel(e)}`} className="size-8" onClick={() => acl && run(removeNetworkAclEntry, acl.id, e.egress, e.ruleNumber)} />
                  </li>
                );
              })}
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
        <AclEntryFields form={form} issues={issues} onChange={update} />
        <Button type="submit" icon="plus">
          Add entry
        </Button>
      </form>
    </Section>
  );
}
