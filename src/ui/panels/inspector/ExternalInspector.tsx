/** A network outside AWS. */
import { emptyDesign, renameExternalNetwork, setExternalNetworkCidrs, textIssue } from '../../../core/model/index.ts';
import { TextField } from '../../components/TextField.tsx';
import { designStore, useStore } from '../../store/index.ts';
import { EntityActions } from './EntityActions.tsx';
import { PathActions } from '../paths/PathActions.tsx';
import { InspectorHeading, Properties, Property, Section } from './parts.tsx';

const emptyProbe = emptyDesign();

export function ExternalInspector({ id }: { id: string }) {
  const network = useStore((s) => s.design.externalNetworks[id]);
  if (!network) return null;
  return (
    <div className="flex flex-col gap-4">
      <InspectorHeading icon={network.kind === 'internet' ? 'internet' : 'external-network'} kind="External network" title={network.name} />
      <TextField label="Name" value={network.name} validate={(v) => textIssue(v, 'name', 'name')?.message} onCommit={(v) => designStore.getState().run(renameExternalNetwork, id, v)} />
      <Section title="Addresses">
        {network.kind === 'internet' ? (
          <Properties>
            <Property label="CIDRs" mono>
              everything not otherwise named
            </Property>
          </Properties>
        ) : (
          <TextField
            label="CIDRs (comma-separated)"
            mono
            value={network.cidrs.join(', ')}
            validate={(v) => cidrsIssue(v)}
            onCommit={(v) => designStore.getState().run(setExternalNetworkCidrs, id, splitCidrs(v))}
          />
        )}
      </Section>
      <PathActions end={network.kind === 'internet' ? { kind: 'internet' } : { kind: 'external', id }} name={network.name} />
      <EntityActions id={id} noun="network" />
    </div>
  );
}

const splitCidrs = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function cidrsIssue(text: string): string | undefined {
  const probe = setExternalNetworkCidrs({ ...emptyProbe, externalNetworks: { x: { id: 'x', name: 'x', kind: 'cidr', cidrs: ['10.0.0.0/8'] } } }, 'x', splitCidrs(text));
  return probe.ok ? undefined : probe.error.message;
}
