/** A subnet: name, CIDR and AZ, and why it is public or private (its route table, not a flag). */
import { isPublicSubnet, routeTableOf, subnetContents, textIssue } from '../../../core/model/index.ts';
import { TextField } from '../../components/TextField.tsx';
import { renameEntity } from '../../placement/edits.ts';
import { designStore, useStore } from '../../store/index.ts';
import { EntityActions } from './EntityActions.tsx';
import { NetworkAclSection } from './NetworkAclSection.tsx';
import { RouteTableSection } from './RouteTableSection.tsx';
import { InspectorHeading, Properties, Property, Section } from './parts.tsx';

export function SubnetInspector({ id }: { id: string }) {
  const design = useStore((s) => s.design);
  const subnet = design.subnets[id];
  if (!subnet) return null;
  const isPublic = isPublicSubnet(design, subnet);
  const table = routeTableOf(design, subnet);
  const igwRoute = table?.routes.find((r) => r.target.kind === 'internet-gateway' && 'cidr' in r.destination);
  const igw = igwRoute && igwRoute.target.kind === 'internet-gateway' ? design.internetGateways[igwRoute.target.id] : undefined;
  const contents = subnetContents(design, id);
  const why = isPublic
    ? `Public: its route table ${table?.name ?? ''} sends ${igwRoute && 'cidr' in igwRoute.destination ? igwRoute.destination.cidr : '0.0.0.0/0'} to ${igw?.name ?? 'the internet gateway'}.`
    : `Private: its route table ${table?.name ?? '(none)'} has no route to an internet gateway.`;
  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon={isPublic ? 'public-subnet' : 'private-subnet'} kind={isPublic ? 'Public subnet' : 'Private subnet'} title={subnet.name} />
      <TextField label="Name" value={subnet.name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => designStore.getState().run(renameEntity, id, v)} />
      <Section title="Network">
        <Properties>
          <Property label="CIDR" mono>
            {subnet.cidr}
          </Property>
          <Property label="Zone">{subnet.availabilityZone}</Property>
          <Property label="Contains">
            {contents.resources.length} resource{contents.resources.length === 1 ? '' : 's'}
            {contents.natGateways.length ? `, ${contents.natGateways.length} NAT gateway` : ''}
          </Property>
        </Properties>
        <p className={`rounded-lg px-3 py-2 text-[14px] leading-snug ${isPublic ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100' : 'bg-sky-50 text-sky-900 dark:bg-sky-950/60 dark:text-sky-100'}`}>
          {why}
        </p>
      </Section>
      <RouteTableSection subnetId={id} />
      <NetworkAclSection subnetId={id} />
      <EntityActions id={id} noun="subnet" />
    </div>
  );
}
