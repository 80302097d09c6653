/** The list of formats as radio buttons, one card each, with the AWS CLI script's scope beneath it. */
import type { Vpc } from '../../../core/model/index.ts';
import { FORMATS, type FormatId } from './formats.ts';

export interface AwsScope {
  groupsOnly: boolean;
  vpcId?: string;
}

const card = (on: boolean) =>
  `flex cursor-pointer gap-3 rounded-xl px-3 py-2.5 ring-1 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 ${
    on ? 'bg-sky-50 ring-sky-600 dark:bg-sky-950/60 dark:ring-sky-400' : 'ring-slate-200 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-800/60'
  }`;

export function FormatPicker({ format, onFormat }: { format: FormatId; onFormat: (f: FormatId) => void }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-[13px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Format</legend>
      {FORMATS.map((f) => (
        <label key={f.id} className={card(f.id === format)}>
          <input type="radio" name="export-format" value={f.id} checked={f.id === format} onChange={() => onFormat(f.id)} className="mt-1 accent-sky-700" aria-label={f.label} />
          <span className="flex flex-col">
            <span className="text-[15px] font-semibold">{f.label}</span>
            <span className="text-[13px] leading-snug text-slate-600 dark:text-slate-300">{f.summary}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Whole network, or the security groups only into an existing VPC (and which design VPC's groups). */
export function AwsScopePicker({ scope, onScope, vpcs, selectedVpcId }: { scope: AwsScope; onScope: (s: AwsScope) => void; vpcs: Vpc[]; selectedVpcId?: string }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200 dark:bg-slate-800/50 dark:ring-slate-700">
      <legend className="sr-only">What the script creates</legend>
      <label className="flex items-center gap-2 text-[15px]">
        <input type="radio" name="aws-scope" checked={!scope.groupsOnly} onChange={() => onScope({ groupsOnly: false })} className="accent-sky-700" />
        The whole network
      </label>
      <label className="flex items-center gap-2 text-[15px]">
        <input type="radio" name="aws-scope" checked={scope.groupsOnly} onChange={() => onScope({ ...scope, groupsOnly: true })} className="accent-sky-700" />
        Only the security groups, into an existing VPC (VPC_ID)
      </label>
      {scope.groupsOnly && vpcs.length > 1 && (
        <label className="flex items-center gap-2 text-[15px]">
          Groups of
          <select
            aria-label="Groups of VPC"
            value={selectedVpcId ?? vpcs[0]!.id}
            onChange={(e) => onScope({ groupsOnly: true, vpcId: e.currentTarget.value })}
            className="rounded-lg bg-white px-2 py-1 ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-600"
          >
            {vpcs.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
