/** A security group's inbound and outbound rules: read them, remove them, add one from a preset. */
import { useEffect, useRef, useState } from 'react';
import { addRule, removeRules, type Direction, type SecurityGroup } from '../../../core/model/index.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { EMPTY_RULE_FORM, matchLabel, peerLabel, RULE_PRESETS, ruleFromForm, type RuleForm } from '../../placement/rule-form.ts';
import { designStore, useStore } from '../../store/index.ts';
import { Section, selectClass } from './parts.tsx';

const inputClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2.5 text-[15px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';

function RuleList({ group, direction }: { group: SecurityGroup; direction: Direction }) {
  const design = useStore((s) => s.design);
  const highlighted = useStore((s) => s.highlightedRule);
  const highlightedRow = useRef<HTMLLIElement>(null);
  useEffect(() => {
    highlightedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const rules = group[direction];
  const word = direction === 'ingress' ? 'from' : 'to';
  if (rules.length === 0) {
    return <p className="text-[14px] text-slate-500 dark:text-slate-400">{direction === 'ingress' ? 'Nothing may come in.' : 'Nothing may go out.'}</p>;
  }
  return (
    <ul aria-label={`${direction === 'ingress' ? 'Inbound' : 'Outbound'} rules`} className="flex flex-col gap-1">
      {rules.map((r) => {
        const text = `${matchLabel(r)} ${word} ${peerLabel(design, r)}`;
        return (
          <li
            key={r.id}
            ref={r.id === highlighted ? highlightedRow : undefined}
            data-highlighted={r.id === highlighted || undefined}
            className={`flex items-center gap-2 rounded-lg px-2.5 py-1.5 ${
              r.id === highlighted ? 'bg-amber-50 ring-2 ring-amber-500 dark:bg-amber-950/50 dark:ring-amber-400' : 'bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700'
            }`}
          >
            <div className="min-w-0 flex-1">
              <div className="text-[15px]">
                <span className="font-semibold">{matchLabel(r)}</span> <span className="text-slate-500 dark:text-slate-400">{word}</span> {peerLabel(design, r)}
              </div>
              {r.description && <div className="truncate text-[13px] text-slate-500 dark:text-slate-400">{r.description}</div>}
            </div>
            <IconButton
              icon="close"
              label={`Remove ${direction === 'ingress' ? 'inbound' : 'outbound'} rule ${text}`}
              className="size-8"
              onClick={() => designStore.getState().run(removeRules, group.id, direction, [r.id])}
            />
          </li>
        );
      })}
    </ul>
  );
}

function AddRuleForm({ group }: { group: SecurityGroup }) {
  const groups = useStore((s) => s.design.securityGroups);
  const [direction, setDirection] = useState<Direction>('ingress');
  const [form, setForm] = useState<RuleForm>(EMPTY_RULE_FORM);
  const [issue, setIssue] = useState<string>();
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId)!;
  const update = (patch: Partial<RuleForm>) => {
    setIssue(undefined);
    setForm((f) => ({ ...f, ...patch }));
  };
  const sameVpcGroups = Object.values(groups).filter((g) => g.vpcId === group.vpcId);

  const submit = () => {
    const input = ruleFromForm(form);
    const result = input.ok ? addRule(designStore.getState().design, group.id, direction, input.value) : input;
    if (!result.ok) return setIssue(result.error.message);
    designStore.getState().apply(result);
    setForm((f) => ({ ...f, description: '' }));
  };

  return (
    <form
      aria-label="Add a rule"
      className="flex flex-col gap-2 rounded-xl border border-dashed border-slate-300 p-3 dark:border-slate-600"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex gap-1 rounded-lg bg-slate-200/70 p-0.5 dark:bg-slate-800" role="radiogroup" aria-label="Direction">
        {(['ingress', 'egress'] as const).map((d) => (
          <button
            key={d}
            type="button"
            role="radio"
            aria-checked={direction === d}
            onClick={() => setDirection(d)}
            className={`flex-1 rounded-md py-1 text-[14px] font-medium ${direction === d ? 'bg-white shadow-sm dark:bg-slate-700' : 'text-slate-600 dark:text-slate-300'}`}
          >
            {d === 'ingress' ? 'Inbound' : 'Outbound'}
          </button>
        ))}
      </div>
      <label className="flex flex-col gap-1 text-[13px] font-medium text-slate-600 dark:text-slate-300">
        Allow
        <select aria-label="Allow" className={selectClass} value={form.presetId} onChange={(e) => update({ presetId: e.target.value })}>
          {RULE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {(preset.protocol === 'tcp' || preset.protocol === 'udp') && !preset.ports && (
        <label className="flex flex-col gap-1 text-[13px] font-medium text-slate-600 dark:text-slate-300">
          Ports
          <input aria-label="Ports" className={inputClass} placeholder="443 or 1024-65535" value={form.ports} onChange={(e) => update({ ports: e.target.value })} />
        </label>
      )}
      <div className="flex flex-col gap-1 text-[13px] font-medium text-slate-600 dark:text-slate-300">
        {direction === 'ingress' ? 'From' : 'To'}
        <div className="flex gap-2">
          <select
            aria-label={direction === 'ingress' ? 'Source kind' : 'Destination kind'}
            className={`${selectClass} max-w-32`}
            value={form.peerKind}
            onChange={(e) => update({ peerKind: e.target.value as RuleForm['peerKind'] })}
          >
            <option value="cidr">CIDR</option>
            <option value="security-group">Security group</option>
          </select>
          {form.peerKind === 'cidr' ? (
            <input aria-label="CIDR" className={`${inputClass} font-mono`} value={form.cidr} onChange={(e) => update({ cidr: e.target.value })} />
          ) : (
            <select aria-label="Security group" className={selectClass} value={form.groupId} onChange={(e) => update({ groupId: e.target.value })}>
              <option value="">Choose…</option>
              {sameVpcGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                  {g.id === group.id ? ' (this group)' : ''}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
      <input aria-label="Description" className={inputClass} placeholder="Description (optional)" value={form.description} onChange={(e) => update({ description: e.target.value })} />
      {issue && (
        <p role="alert" className="text-[13px] leading-snug text-rose-700 dark:text-rose-300">
          {issue}
        </p>
      )}
      <Button type="submit" variant="primary" icon="plus">
        Add {direction === 'ingress' ? 'inbound' : 'outbound'} rule
      </Button>
    </form>
  );
}

export function RulesEditor({ group }: { group: SecurityGroup }) {
  return (
    <>
      <Section title={`Inbound rules (${group.ingress.length})`}>
        <RuleList group={group} direction="ingress" />
      </Section>
      <Section title={`Outbound rules (${group.egress.length})`}>
        <RuleList group={group} direction="egress" />
      </Section>
      <AddRuleForm group={group} />
    </>
  );
}
