/** A security group: rename, describe, see its members (highlighted on the canvas), delete. */
import { useState } from 'react';
import { describeSecurityGroup, groupMembers, groupsReferencing, renameSecurityGroup, textIssue } from '../../../core/model/index.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { groupColourIn } from '../../components/group-colour.ts';
import { TextField } from '../../components/TextField.tsx';
import { removeEntity } from '../../placement/edits.ts';
import { resourceKindLabel } from '../../placement/labels.ts';
import { designStore, useStore } from '../../store/index.ts';
import { newGroupIssue } from '../../placement/group-name.ts';
import { InspectorHeading, Section } from './parts.tsx';
import { RulesEditor } from './RulesEditor.tsx';

export function GroupInspector({ id }: { id: string }) {
  const design = useStore((s) => s.design);
  const [confirming, setConfirming] = useState(false);
  const group = design.securityGroups[id];
  if (!group) return null;
  const { run, select } = designStore.getState();
  const members = groupMembers(design, id);
  const referencing = groupsReferencing(design, id);
  const inUse = members.length > 0 || referencing.length > 0;
  const remove = (force: boolean) => {
    setConfirming(false);
    if (run(removeEntity, id, { force })) select(null);
  };

  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon="shield" kind={group.isDefault ? 'Default security group' : 'Security group'} title={group.name} />
      <div className="flex items-center gap-2 text-[14px] text-slate-600 dark:text-slate-300">
        <span className={`size-3 rounded-full ${groupColourIn(design.securityGroups, id).swatch}`} aria-hidden="true" />
        Members are outlined in this colour on the canvas.
      </div>
      {group.isDefault ? (
        <p className="text-[14px] text-slate-600 dark:text-slate-300">Every VPC has this group. It cannot be renamed or deleted.</p>
      ) : (
        <TextField
          label="Name"
          value={group.name}
          validate={(v) => (v === group.name ? undefined : newGroupIssue(design, group.vpcId, v))}
          onCommit={(v) => run(renameSecurityGroup, id, v)}
        />
      )}
      <TextField label="Description" value={group.description} validate={(v) => textIssue(v, 'description', 'description')?.message} onCommit={(v) => run(describeSecurityGroup, id, v)} />
      <Section title={`Members (${members.length})`}>
        {members.length === 0 ? (
          <p className="text-[14px] text-slate-500 dark:text-slate-400">No resource uses this group yet. Select a resource and attach it in the inspector.</p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {members.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => select(m.id)}
                  className="flex w-full items-baseline justify-between gap-2 rounded-md px-2 py-1 text-left text-[15px] hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800"
                >
                  <span className="truncate font-medium">{m.name}</span>
                  <span className="shrink-0 text-[13px] text-slate-500 dark:text-slate-400">{resourceKindLabel(m)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <RulesEditor group={group} />
      {!group.isDefault && (
        <div className="border-t border-slate-200 pt-3 dark:border-slate-700">
          <Button variant="danger" icon="trash" onClick={() => (inUse ? setConfirming(true) : remove(false))}>
            Delete group
          </Button>
        </div>
      )}
      <Dialog
        open={confirming}
        title={`Delete ${group.name}?`}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
            <Button variant="danger" icon="trash" onClick={() => remove(true)}>
              Detach and delete
            </Button>
          </>
        }
      >
        <p className="text-[15px] leading-relaxed">
          {members.length > 0 && <>It is attached to {members.map((m) => m.name).join(', ')}. </>}
          {referencing.length > 0 && <>Rules in {referencing.map((g) => g.name).join(', ')} refer to it and will be removed. </>}
          Deleting detaches it first, as AWS would require.
        </p>
      </Dialog>
    </div>
  );
}
