/** One network ACL entry's fields (direction, number, action, type, ports, CIDR), checked as typed. */
import { presetColumns, RULE_PRESETS } from '../../placement/rule-form.ts';
import type { AclEntryForm } from '../../placement/routing.ts';
import type { FieldIssue } from '../../placement/rule-validation.ts';
import { FieldIssueNote } from '../../components/FieldIssueNote.tsx';
import { selectClass } from './parts.tsx';
import { inputClass } from './RuleFields.tsx';

export type AclIssues = Partial<Record<'ruleNumber' | 'ports' | 'protocol' | 'cidr' | 'entry', FieldIssue>>;

export function AclEntryFields({ form, issues, onChange }: { form: AclEntryForm; issues: AclIssues; onChange: (patch: Partial<AclEntryForm>) => void }) {
  const preset = RULE_PRESETS.find((p) => p.id === form.presetId)!;
  const portsEditable = (preset.protocol === 'tcp' || preset.protocol === 'udp') && !preset.ports;
  const invalid = (field: keyof AclIssues) => (issues[field] ? { 'aria-invalid': true } : {});
  return (
    <>
      <div className="grid grid-cols-[1fr_4.5rem_5rem] gap-2">
        <select aria-label="ACL direction" className={selectClass} value={form.egress ? 'out' : 'in'} onChange={(e) => onChange({ egress: e.target.value === 'out' })}>
          <option value="in">Inbound</option>
          <option value="out">Outbound</option>
        </select>
        <input aria-label="Rule number" inputMode="numeric" className={inputClass} value={form.ruleNumber} onChange={(e) => onChange({ ruleNumber: e.target.value })} {...invalid('ruleNumber')} />
        <select aria-label="Action" className={selectClass} value={form.action} onChange={(e) => onChange({ action: e.target.value as 'allow' | 'deny' })}>
          <option value="allow">allow</option>
          <option value="deny">deny</option>
        </select>
      </div>
      <FieldIssueNote issue={issues.ruleNumber} />
      <div className="flex gap-2">
        <select aria-label="ACL type" className={selectClass} value={form.presetId} onChange={(e) => onChange({ presetId: e.target.value })}>
          {RULE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        {preset.protocol === 'number' ? (
          <input aria-label="ACL protocol number" placeholder="0-255" className={`${inputClass} max-w-24`} value={form.protocolNumber} onChange={(e) => onChange({ protocolNumber: e.target.value })} {...invalid('protocol')} />
        ) : (
          <input
            aria-label="ACL port range"
            readOnly={!portsEditable}
            placeholder={portsEditable ? '1024-65535' : undefined}
            className={`${inputClass} max-w-28`}
            value={portsEditable ? form.ports : presetColumns(form).ports}
            onChange={(e) => onChange({ ports: e.target.value })}
            {...(portsEditable ? invalid('ports') : {})}
          />
        )}
      </div>
      <FieldIssueNote issue={issues.protocol} />
      <FieldIssueNote issue={issues.ports} />
      <input aria-label="ACL CIDR" spellCheck={false} className={`${inputClass} font-mono`} value={form.cidr} onChange={(e) => onChange({ cidr: e.target.value })} {...invalid('cidr')} />
      <FieldIssueNote issue={issues.cidr} onUse={(cidr) => onChange({ cidr })} />
      <FieldIssueNote issue={issues.entry} />
    </>
  );
}
