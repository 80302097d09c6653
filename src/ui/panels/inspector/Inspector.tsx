/** The right-hand panel: details of the selection, or a short guide when nothing is selected. */
import { collectionOf } from '../../placement/edits.ts';
import { useStore } from '../../store/index.ts';
import { ConnectionInspector } from './ConnectionInspector.tsx';
import { ExternalInspector } from './ExternalInspector.tsx';
import { GatewayInspector } from './GatewayInspector.tsx';
import { GroupInspector } from './GroupInspector.tsx';
import { ResourceInspector } from './ResourceInspector.tsx';
import { SubnetInspector } from './SubnetInspector.tsx';
import { VpcInspector } from './VpcInspector.tsx';

function NothingSelected() {
  return (
    <div className="flex flex-col gap-3 text-[15px] leading-relaxed text-slate-600 dark:text-slate-300">
      <h2 className="text-lg font-semibold text-slate-900 dark:text-white">Inspector</h2>
      <p>Select something on the canvas to see and edit it here.</p>
      <ol className="list-decimal space-y-1 pl-5">
        <li>Drag a <strong>VPC</strong> onto the canvas.</li>
        <li>Drop <strong>public</strong> and <strong>private subnets</strong> into it.</li>
        <li>Drop instances, load balancers and databases into the subnets.</li>
        <li>Create security groups and attach them here.</li>
      </ol>
      <p className="text-[14px]">
        Press <kbd className="rounded border border-slate-300 px-1 font-mono dark:border-slate-600">?</kbd> for keyboard shortcuts.
      </p>
    </div>
  );
}

export function Inspector() {
  const id = useStore((s) => s.selectedId);
  const collection = useStore((s) => (s.selectedId ? collectionOf(s.design, s.selectedId) : undefined));
  const connection = useStore((s) => s.selectedConnection);
  return (
    <aside aria-label="Inspector" className="flex flex-col gap-4">
      {connection ? (
        <ConnectionInspector connectionKey={connection} />
      ) : !id || !collection ? (
        <NothingSelected />
      ) : collection === 'resources' ? (
        <ResourceInspector id={id} />
      ) : collection === 'subnets' ? (
        <SubnetInspector id={id} />
      ) : collection === 'vpcs' ? (
        <VpcInspector id={id} />
      ) : collection === 'securityGroups' ? (
        <GroupInspector id={id} />
      ) : collection === 'internetGateways' || collection === 'natGateways' ? (
        <GatewayInspector id={id} />
      ) : collection === 'externalNetworks' ? (
        <ExternalInspector id={id} />
      ) : (
        <NothingSelected />
      )}
    </aside>
  );
}
