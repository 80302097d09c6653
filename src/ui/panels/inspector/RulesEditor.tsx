/**
 * A security group's inbound and outbound rules, edited the way the AWS console edits them: each
 * row has Edit (its fields open in place, prefilled; Save replaces the rule through the model's
 * updateRule, one undo step) and Remove; below, a form adds one. Every field is checked as typed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { addRule, removeRules, updateRule, type Direction, type SecurityGroup, type SecurityGroupRule } from '../../../core/model/index.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { EMPTY_RULE_FORM, formFromRule, matchLabel, peerLabel, ruleFromForm, type RuleForm } from '../../placement/rule-form.ts';
import { quotaLine, ruleFormIssues, type RuleFormIssues } from '../../placement/rule-validation.ts';
import { designStore, useStore } from '../../store/index.ts';
import { Section } from './parts.tsx';
import { RuleFields } from './RuleFields.tsx';

const directionWord = (d: Direction) => (d === 'ingress' ? 'inbound' : 'outbound');

/** The form's state and its live issues; empty fields stay quiet until a save is tried. */
function useRuleForm(group: SecurityGroup, direction: Direction, initial: RuleForm, ruleId?: string) {
  const design = useStore((s) => s.design);
  const [form, setForm] = useState<RuleForm>(initial);
  const [tried, setTried] = useState(false);
  // An untouched form says nothing: the add form's defaults may match a rule the group has.
  const [touched, setTouched] = useState(false);
  const all = useMemo(() => ruleFormIssues(design, group.id, direction, form, ruleId), [design, group.id, direction, form, ruleId]);
  const shown: RuleFormIssues = tried
    ? all
    : !touched
      ? {}
      : Object.fromEntries(
        Object.entries(all).filter(([field]) => {
          const value = field === 'ports' ? form.ports : field === 'protocol' ? form.protocolNumber : field === 'groupId' ? form.groupId : 'x';
          return value.trim() !== '';
        }),
      );
  const update = (patch: Partial<RuleForm>) => {
    setTouched(true);
    setForm((f) => ({ ...f, ...patch }));
  };
  /** Applies the command when the form is clean; true when it did. */
  const save = (): boolean => {
    setTried(true);
    if (Object.keys(all).length > 0) return false;
    const input = ruleFromForm(form);
    if (!input.ok) return false;
    const d = designStore.getState().design;
    return designStore.getState().apply(ruleId ? updateRule(d, group.id, direction, ruleId, input.value) : addRule(d, group.id, direction, input.value));
  };
  const reset = (next: RuleForm) => {
    setTried(false);
    setTouched(false);
    setForm(next);
  };
  return { form, update, issues: shown, save, reset };
}

function EditRuleForm({ group, direction, rule, initial, onDone }: { group: SecurityGroup; direction: Direction; rule: SecurityGroupRule; initial: RuleForm; onDone: () => void }) {
  const { form, update, issues, save } = useRuleForm(group, direction, initial, rule.id);
  return (
    <form
      aria-label={`Edit ${directionWord(direction)} rule`}
      className="flex flex-col gap-2 rounded-lg bg-white p-2.5 ring-2 ring-sky-600 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        if (save()) onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <RuleFields idPrefix={`edit-${rule.id}`} group={group} direction={direction} form={form} issues={issues} onChange={update} />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" icon="check">
          Save rule
        </Button>
      </div>
    </form>
  );
}

function RuleRow({ group, direction, rule, editing, onEdit, onDone }: { group: SecurityGroup; direction: Direction; rule: SecurityGroupRule; editing: boolean; onEdit: () => void; onDone: () => void }) {
  const design = useStore((s) => s.design);
  const highlighted = useStore((s) => s.highlightedRule) === rule.id;
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const word = direction === 'ingress' ? 'from' : 'to';
  const text = `${matchLabel(rule)} ${word} ${peerLabel(design, rule)}`;
  const editable = formFromRule(rule);
  if (editing && editable.ok) {
    return (
      <li ref={row}>
        <EditRuleForm group={group} direction={direction} rule={rule} initial={editable.value} onDone={onDone} />
      </li>
    );
  }
  return (
    <li
      ref={row}
      data-highlighted={highlighted || undefined}
      className={`flex items-center gap-1 rounded-lg py-1.5 pr-1 pl-2.5 ${
        highlighted ? 'bg-amber-50 ring-2 ring-amber-500 dark:bg-amber-950/50 dark:ring-amber-400' : 'bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700'
      }`}
    >
      <div className="min-w-0 flex-1">
        <div className="text-[15px] break-words">
          <span className="font-semibold">{matchLabel(rule)}</span> <span className="text-slate-500 dark:text-slate-400">{word}</span> {peerLabel(design, rule)}
        </div>
        {rule.description && <div className="truncate text-[13px] text-slate-500 dark:text-slate-400">{rule.description}</div>}
      </div>
      <IconButton
        icon="pencil"
        label={editable.ok ? `Edit ${directionWord(direction)} rule ${text}` : editable.error.message}
        className="size-8"
        disabled={!editable.ok}
        onClick={onEdit}
      />
      <IconButton icon="close" label={`Remove ${directionWord(direction)} rule ${text}`} className="size-8" onClick={() => designStore.getState().run(removeRules, group.id, direction, [rule.id])} />
    </li>
  );
}

function RuleList({ group, direction }: { group: SecurityGroup; direction: Direction }) {
  const [editing, setEditing] = useState<string | null>(null);
  const rules = group[direction];
  if (rules.length === 0) {
    return <p className="text-[14px] text-slate-500 dark:text-slate-400">{direction === 'ingress' ? 'Nothing may come in.' : 'Nothing may go out.'}</p>;
  }
  return (
    <ul aria-label={`${direction === 'ingress' ? 'Inbound' : 'Outbound'} rules`} className="flex flex-col gap-1">
      {rules.map((r) => (
        <RuleRow key={r.id} group={group} direction={direction} rule={r} editing={editing === r.id} onEdit={() => setEditing(r.id)} onDone={() => setEditing(null)} />
      ))}
    </ul>
  );
}

function AddRuleForm({ group }: { group: SecurityGroup }) {
  const [direction, setDirection] = useState<Direction>('ingress');
  const { form, update, issues, save, reset } = useRuleForm(group, direction, EMPTY_RULE_FORM);

  return (
    <form
      aria-label="Add a rule"
      className="flex flex-col gap-2 rounded-xl border border-dashed border-slate-300 p-3 dark:border-slate-600"
      onSubmit={(e) => {
        e.preventDefault();
        if (save()) reset({ ...form, description: '' });
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
      <RuleFields idPrefix={`add-${group.id}`} group={group} direction={direction} form={form} issues={issues} onChange={update} />
      <Button type="submit" variant="primary" icon="plus">
        Add {directionWord(direction)} rule
      </Button>
    </form>
  );
}

export function RulesEditor({ group }: { group: SecurityGroup }) {
  return (
    <>
      <Section title={`Inbound rules (${group.ingress.length})`} aside={<span className="text-[12px] text-slate-500 dark:text-slate-400">{quotaLine(group.ingress.length)}</span>}>
        <RuleList group={group} direction="ingress" />
      </Section>
      <Section title={`Outbound rules (${group.egress.length})`} aside={<span className="text-[12px] text-slate-500 dark:text-slate-400">{quotaLine(group.egress.length)}</span>}>
        <RuleList group={group} direction="egress" />
      </Section>
      <AddRuleForm group={group} />
    </>
  );
}
