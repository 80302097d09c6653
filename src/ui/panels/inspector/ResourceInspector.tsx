/** A resource: name, where it sits (move it to another subnet), addresses and security groups. */
import { attachGroup, detachGroup, groupsOfResource, isPublicSubnet, MAX_GROUPS_PER_ENI, setPublicAddress, textIssue } from '../../../core/model/index.ts';
import { Chip } from '../../components/Chip.tsx';
import { TextField } from '../../components/TextField.tsx';
import { moveResourceTo, renameEntity } from '../../placement/edits.ts';
import { resourceDetail, resourceIcon, resourceKindLabel } from '../../placement/labels.ts';
import { designStore, useShallowStore, useStore } from '../../store/index.ts';
import { EntityActions } from './EntityActions.tsx';
import { PathActions } from '../paths/PathActions.tsx';
import { InspectorHeading, Properties, Property, Section, selectClass } from './parts.tsx';

export function ResourceInspector({ id }: { id: string }) {
  const resource = useStore((s) => s.design.resources[id]);
  const subnets = useStore((s) => s.design.subnets);
  const groups = useStore((s) => s.design.securityGroups);
  const publicBySubnet = useShallowStore((s) => Object.fromEntries(Object.values(s.design.subnets).map((sub) => [sub.id, isPublicSubnet(s.design, sub)])));
  if (!resource) return null;
  const { run } = designStore.getState();
  const eni = resource.enis[0];
  const home = eni ? subnets[eni.subnetId] : undefined;
  const attached = groupsOfResource(resource);
  const available = Object.values(groups).filter((g) => g.vpcId === home?.vpcId && !attached.includes(g.id));
  const movable = resource.enis.length === 1;
  const detail = resourceDetail(resource);

  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon={resourceIcon(resource)} kind={resourceKindLabel(resource)} title={resource.name} />
      <TextField label="Name" value={resource.name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => run(renameEntity, id, v)} />

      <Section title="Placement">
        {movable && home ? (
          <label className="flex flex-col gap-1">
            <span className="text-[13px] font-medium text-slate-600 dark:text-slate-300">Subnet</span>
            <select aria-label="Subnet" className={selectClass} value={home.id} onChange={(e) => run(moveResourceTo, id, e.target.value)}>
              {Object.values(subnets)
                .filter((s) => s.vpcId === home.vpcId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} · {s.cidr} · {publicBySubnet[s.id] ? 'public' : 'private'}
                  </option>
                ))}
            </select>
          </label>
        ) : (
          <Properties>
            <Property label="Subnets">{resource.enis.map((e) => subnets[e.subnetId]?.name ?? e.subnetId).join(', ')}</Property>
          </Properties>
        )}
        <Properties>
          {resource.enis.map((e, i) => (
            <Property key={e.id} label={resource.enis.length > 1 ? `Private IP ${i + 1}` : 'Private IP'} mono>
              {e.privateIps.join(', ')}
            </Property>
          ))}
          <Property label="Public IP" mono>
            {resource.enis.map((e) => e.publicIp).filter(Boolean).join(', ') || '—'}
          </Property>
          {detail && <Property label="Details">{detail}</Property>}
        </Properties>
        {resource.kind !== 'lambda' && resource.kind !== 'load-balancer' && (
          <label className="flex items-center gap-2 text-[15px]">
            <input
              type="checkbox"
              className="size-4 accent-sky-700"
              checked={resource.enis.some((e) => e.publicIp)}
              onChange={(e) => run(setPublicAddress, id, e.target.checked)}
            />
            Public IP address
          </label>
        )}
      </Section>

      <Section
        title="Security groups"
        aside={
          <span className="text-[13px] text-slate-500 tabular-nums dark:text-slate-400" aria-label="Security group count">
            {attached.length} of {MAX_GROUPS_PER_ENI}
          </span>
        }
      >
        <ul aria-label={`Security groups of ${resource.name}`} className="flex flex-wrap gap-1.5">
          {attached.map((g) => (
            <li key={g}>
              <Chip groupId={g} name={groups[g]?.name ?? g} size="md" onRemove={() => run(detachGroup, id, g)} removeLabel={`Detach ${groups[g]?.name ?? g}`} />
            </li>
          ))}
        </ul>
        <select
          aria-label="Attach security group"
          className={selectClass}
          value=""
          disabled={available.length === 0}
          onChange={(e) => e.target.value && run(attachGroup, id, e.target.value)}
        >
          <option value="">{available.length ? 'Attach a security group…' : 'No other groups in this VPC'}</option>
          {available.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </Section>

      <PathActions end={{ kind: 'resource', id }} name={resource.name} />
      <EntityActions id={id} noun="resource" canDuplicate />
    </div>
  );
}
