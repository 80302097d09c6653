/** A VPC: name, CIDRs, region and what it holds. */
import { textIssue } from '../../../core/model/index.ts';
import { TextField } from '../../components/TextField.tsx';
import { renameEntity } from '../../placement/edits.ts';
import { designStore, useShallowStore, useStore } from '../../store/index.ts';
import { EntityActions } from './EntityActions.tsx';
import { InspectorHeading, Properties, Property, Section } from './parts.tsx';

export function VpcInspector({ id }: { id: string }) {
  const vpc = useStore((s) => s.design.vpcs[id]);
  const [subnets, groups, igw] = useShallowStore((s) => [
    Object.values(s.design.subnets).filter((x) => x.vpcId === id).length,
    Object.values(s.design.securityGroups).filter((x) => x.vpcId === id).length,
    Object.values(s.design.internetGateways).find((g) => g.vpcId === id)?.name ?? '—',
  ]);
  if (!vpc) return null;
  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon="vpc" kind="VPC" title={vpc.name} />
      <TextField label="Name" value={vpc.name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => designStore.getState().run(renameEntity, id, v)} />
      <Section title="Network">
        <Properties>
          <Property label="CIDR" mono>
            {vpc.cidrs.join(', ')}
          </Property>
          <Property label="Region">{vpc.region}</Property>
          <Property label="Subnets">{subnets}</Property>
          <Property label="Groups">{groups}</Property>
          <Property label="Internet gw">{igw}</Property>
        </Properties>
      </Section>
      <EntityActions id={id} noun="VPC" />
    </div>
  );
}
