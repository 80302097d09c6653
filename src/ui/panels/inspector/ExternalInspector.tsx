/** A network outside AWS. */
import { textIssue } from '../../../core/model/index.ts';
import { TextField } from '../../components/TextField.tsx';
import { renameEntity } from '../../placement/edits.ts';
import { designStore, useStore } from '../../store/index.ts';
import { EntityActions } from './EntityActions.tsx';
import { InspectorHeading, Properties, Property, Section } from './parts.tsx';

export function ExternalInspector({ id }: { id: string }) {
  const network = useStore((s) => s.design.externalNetworks[id]);
  if (!network) return null;
  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon={network.kind === 'internet' ? 'internet' : 'external-network'} kind="External network" title={network.name} />
      <TextField label="Name" value={network.name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => designStore.getState().run(renameEntity, id, v)} />
      <Section title="Addresses">
        <Properties>
          <Property label="CIDRs" mono>
            {network.kind === 'internet' ? 'everything not otherwise named' : network.cidrs.join(', ')}
          </Property>
        </Properties>
      </Section>
      <EntityActions id={id} noun="network" />
    </div>
  );
}
