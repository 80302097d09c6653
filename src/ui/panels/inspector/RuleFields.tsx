/**
 * One security-group rule's fields, laid out like a row of the AWS console's rules editor (Type,
 * Protocol, Port range, Source or Destination, Description), each checked as people type.
 */
import type { Direction, SecurityGroup } from '../../../core/model/index.ts';
import { presetColumns, RULE_PRESETS, type RuleForm } from '../../placement/rule-form.ts';
import type { RuleFormIssues } from '../../placement/rule-validation.ts';
import { FieldIssueNote } from '../../components/FieldIssueNote.tsx';
import { useStore } from '../../store/index.ts';
import { selectClass } from './parts.tsx';

export const inputClass =
  'min-h-9 w-full min-w-0 rounded-lg bg-white px-2.5 text-[15px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 aria-invalid:ring-2 aria-invalid:ring-rose-600 read-only:bg-slate-100 read-only:text-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600 dark:read-only:bg-slate-800 dark:read-only:text-slate-300';
const labelClass = 'flex min-w-0 flex-col gap-1 text-[13px] font-medium text-slate-600 dark:text-slate-300';

export function RuleFields({
  idPrefix,
  group,
  direction,
  form,
  issues,
  onChange,
}: {
  idPrefix: string;
  group: SecurityGroup;
  direction: Direction;
  form: RuleForm;
  issues: RuleFormIssues;
  onChange: (patch: Partial<RuleForm>) => void;
}) {
  const groups = useStore((s) => s.design.securityGroups);
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId)!;
  const columns = presetColumns(form);
  const portsEditable = (preset.protocol === 'tcp' || preset.protocol === 'udp') && !preset.ports;
  const peerWord = direction === 'ingress' ? 'Source' : 'Destination';
  const sameVpcGroups = Object.values(groups).filter((g) => g.vpcId === group.vpcId);
  const err = (field: keyof RuleFormIssues) => (issues[field] ? { 'aria-invalid': true, 'aria-describedby': `${idPrefix}-${field}` } : {});

  return (
    <>
      <label className={labelClass}>
        Type
        <select aria-label="Type" className={selectClass} value={form.presetId} onChange={(e) => onChange({ presetId: e.target.value })}>
          {RULE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className={labelClass}>
          Protocol
          {preset.protocol === 'number' ? (
            <input aria-label="Protocol number" inputMode="numeric" placeholder="0-255" className={inputClass} value={form.protocolNumber} onChange={(e) => onChange({ protocolNumber: e.target.value })} {...err('protocol')} />
          ) : (
            <input aria-label="Protocol" readOnly className={inputClass} value={columns.protocol} />
          )}
        </label>
        <label className={labelClass}>
          Port range
          <input
            aria-label="Port range"
            readOnly={!portsEditable}
            placeholder={portsEditable ? '443 or 1024-65535' : undefined}
            className={inputClass}
            value={portsEditable ? form.ports : columns.ports}
            onChange={(e) => onChange({ ports: e.target.value })}
            {...(portsEditable ? err('ports') : {})}
          />
        </label>
      </div>
      <FieldIssueNote id={`${idPrefix}-protocol`} issue={issues.protocol} />
      <FieldIssueNote id={`${idPrefix}-ports`} issue={issues.ports} />
      <div className={labelClass}>
        {peerWord}
        <div className="flex gap-2">
          <select
            aria-label={`${peerWord} kind`}
            className={`${selectClass} max-w-28`}
            value={form.peerKind}
            onChange={(e) => onChange({ peerKind: e.target.value as RuleForm['peerKind'] })}
          >
            <option value="cidr">CIDR</option>
            <option value="security-group">Security group</option>
          </select>
          {form.peerKind === 'cidr' ? (
            <input aria-label={`${peerWord} CIDR`} spellCheck={false} className={`${inputClass} font-mono`} value={form.cidr} onChange={(e) => onChange({ cidr: e.target.value })} {...err('cidr')} />
          ) : (
            <select aria-label={`${peerWord} security group`} className={selectClass} value={form.groupId} onChange={(e) => onChange({ groupId: e.target.value })} {...err('groupId')}>
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
      <FieldIssueNote id={`${idPrefix}-cidr`} issue={issues.cidr} onUse={(cidr) => onChange({ cidr })} />
      <FieldIssueNote id={`${idPrefix}-groupId`} issue={issues.groupId} />
      <label className={labelClass}>
        Description - optional
        <input aria-label="Description" maxLength={300} className={inputClass} value={form.description} onChange={(e) => onChange({ description: e.target.value })} {...err('description')} />
      </label>
      <FieldIssueNote id={`${idPrefix}-description`} issue={issues.description} />
      <FieldIssueNote id={`${idPrefix}-rule`} issue={issues.rule} />
    </>
  );
}
