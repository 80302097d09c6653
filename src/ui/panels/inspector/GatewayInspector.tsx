/** An internet gateway or a NAT gateway. */
import { designStore, useStore } from '../../store/index.ts';
import { EntityActions } from './EntityActions.tsx';
import { InspectorHeading, Properties, Property, Section } from './parts.tsx';

export function GatewayInspector({ id }: { id: string }) {
  const igw = useStore((s) => s.design.internetGateways[id]);
  const nat = useStore((s) => s.design.natGateways[id]);
  const design = designStore.getState().design;
  if (igw) {
    return (
      <div className="flex flex-col gap-4">
        <InspectorHeading icon="internet-gateway" kind="Internet gateway" title={igw.name} />
        <Section title="Attachment">
          <Properties>
            <Property label="VPC">{igw.vpcId ? (design.vpcs[igw.vpcId]?.name ?? igw.vpcId) : 'detached'}</Property>
          </Properties>
          <p className="text-[14px] text-slate-600 dark:text-slate-300">Subnets whose route table sends 0.0.0.0/0 here are public. Deleting it turns those routes into blackholes.</p>
        </Section>
        <EntityActions id={id} noun="gateway" />
      </div>
    );
  }
  if (!nat) return null;
  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon="nat-gateway" kind="NAT gateway" title={nat.name} />
      <Section title="Placement">
        <Properties>
          <Property label="Subnet">{design.subnets[nat.subnetId]?.name ?? nat.subnetId}</Property>
          <Property label="Private IP" mono>
            {nat.privateIp ?? '—'}
          </Property>
          <Property label="Elastic IP" mono>
            {nat.publicIp ?? '—'}
          </Property>
        </Properties>
      </Section>
      <EntityActions id={id} noun="gateway" />
    </div>
  );
}
