/**
 * "Allow a connection": opened by dragging from one card to another, or from the command palette.
 * Asks for the traffic (a port preset) and the group at each end (existing, or a new one named
 * after the tier), then adds the ingress rule (and egress, when the source restricts it) as one step.
 */
import { useEffect, useState } from 'react';
import { connectResources } from '../../core/model/index.ts';
import { Button } from '../components/Button.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { CONNECT_PRESETS, NEW_GROUP, connectArgs, groupChoices, initialConnectForm, type ConnectForm } from '../placement/connect-form.ts';
import { designStore, useStore } from '../store/index.ts';
import { selectClass } from './inspector/parts.tsx';

const inputClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2.5 text-[15px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-[13px] font-medium text-slate-600 dark:text-slate-300">
      {label}
      {children}
    </label>
  );
}

function GroupField({ label, resourceId, value, newName, onChange, onNewName }: { label: string; resourceId: string; value: string; newName: string; onChange: (v: string) => void; onNewName: (v: string) => void }) {
  const design = useStore((s) => s.design);
  const choices = groupChoices(design, resourceId);
  return (
    <div className="flex flex-col gap-2">
      <Field label={label}>
        <select className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
              {g.attached ? '' : ' (attach)'}
            </option>
          ))}
          <option value={NEW_GROUP}>New group…</option>
        </select>
      </Field>
      {value === NEW_GROUP && (
        <Field label={`${label}: new group name`}>
          <input className={inputClass} value={newName} onChange={(e) => onNewName(e.target.value)} />
        </Field>
      )}
    </div>
  );
}

export function ConnectDialog() {
  const draft = useStore((s) => s.connectDraft);
  const design = useStore((s) => s.design);
  const [form, setForm] = useState<ConnectForm>(() => initialConnectForm(design));
  const [issue, setIssue] = useState<string>();
  useEffect(() => {
    if (!draft) return;
    setForm(initialConnectForm(designStore.getState().design, draft.sourceId, draft.targetId, draft.sourceGroupId));
    setIssue(undefined);
    // The first thing left to choose takes the focus (after the dialog's own focus on opening).
    const frame = requestAnimationFrame(() => {
      const field = !draft.sourceId ? 'connect-from' : !draft.targetId ? 'connect-to' : 'connect-traffic';
      document.getElementById(field)?.focus();
    });
    return () => cancelAnimationFrame(frame);
    // Only when a new draft opens: the form is people's own from then on.
  }, [draft]);
  const close = () => designStore.getState().startConnect(null);
  const patch = (p: Partial<ConnectForm>) => setForm((f) => ({ ...f, ...p }));
  const setEnd = (p: Partial<Pick<ConnectForm, 'sourceId' | 'targetId'>>) => {
    const next = { ...form, ...p };
    const fresh = initialConnectForm(design, next.sourceId, next.targetId);
    setForm({ ...fresh, presetId: p.targetId ? fresh.presetId : form.presetId });
  };
  const submit = () => {
    const d = designStore.getState().design;
    const built = connectArgs(d, form);
    if (!built.ok) return setIssue(built.error.message);
    const result = connectResources(d, built.value.args);
    if (!result.ok) return setIssue(result.error.message);
    const s = designStore.getState();
    s.apply(result);
    s.startConnect(null);
    s.selectConnection(built.value.key);
  };
  const resources = Object.values(design.resources);
  const sourceIsResource = Boolean(design.resources[form.sourceId]);
  const preset = CONNECT_PRESETS.find((p) => p.id === form.presetId);
  return (
    <Dialog
      open={draft !== null}
      title="Allow a connection"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" onClick={submit}>
            Allow
          </Button>
        </>
      }
    >
      <form
        className="grid grid-cols-2 gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        // Enter on a closed select submits too, as it does in a text field.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') {
            e.preventDefault();
            submit();
          }
        }}
      >
        <Field label="From">
          <select id="connect-from" className={selectClass} value={form.sourceId} onChange={(e) => setEnd({ sourceId: e.target.value })}>
            <option value="">Choose…</option>
            <optgroup label="Resources">
              {resources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Outside AWS">
              {Object.values(design.externalNetworks).map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <Field label="To">
          <select id="connect-to" className={selectClass} value={form.targetId} onChange={(e) => setEnd({ targetId: e.target.value })}>
            <option value="">Choose…</option>
            {resources
              .filter((r) => r.id !== form.sourceId)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Traffic">
          <select id="connect-traffic" className={selectClass} value={form.presetId} onChange={(e) => patch({ presetId: e.target.value })}>
            {CONNECT_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
        {preset?.id === 'custom' ? (
          <Field label="TCP ports">
            <input className={`${inputClass} font-mono`} value={form.ports} placeholder="9000 or 9000-9100" onChange={(e) => patch({ ports: e.target.value })} />
          </Field>
        ) : (
          <div />
        )}
        {sourceIsResource ? (
          <GroupField label="Source group" resourceId={form.sourceId} value={form.sourceGroup} newName={form.newSourceGroupName} onChange={(v) => patch({ sourceGroup: v })} onNewName={(v) => patch({ newSourceGroupName: v })} />
        ) : (
          <p className="self-end text-[14px] text-slate-600 dark:text-slate-300">{form.sourceId ? 'Admitted by its CIDRs.' : ''}</p>
        )}
        {design.resources[form.targetId] ? (
          <GroupField label="Target group" resourceId={form.targetId} value={form.targetGroup} newName={form.newTargetGroupName} onChange={(v) => patch({ targetGroup: v })} onNewName={(v) => patch({ newTargetGroupName: v })} />
        ) : (
          <div />
        )}
        <p className="col-span-2 text-[14px] text-slate-600 dark:text-slate-300">Adds an inbound rule to the target group naming the source, and the matching outbound rule when the source group restricts outbound traffic.</p>
        {issue && (
          <p role="alert" className="col-span-2 text-[14px] font-medium text-red-700 dark:text-red-400">
            {issue}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
