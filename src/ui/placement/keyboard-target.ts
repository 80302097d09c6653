/**
 * Where the keyboard path puts a palette item: into the selection when it fits (the selected
 * subnet, the subnet of the selected resource, the selected VPC), else into the first container
 * that suits the item. Without a fitting container the placement itself explains what is missing.
 */
import type { Design, Subnet } from '../../core/model/index.ts';
import { isPublicSubnet } from '../../core/model/index.ts';
import { paletteItem, type PaletteItemKind } from './catalogue.ts';
import { subnetOfResource } from './geometry.ts';
import { collectionOf } from './edits.ts';
import type { PlacementTarget } from './place.ts';

const PREFERS_PUBLIC: ReadonlySet<PaletteItemKind> = new Set(['load-balancer', 'bastion', 'nat-gateway']);
const PREFERS_PRIVATE: ReadonlySet<PaletteItemKind> = new Set(['database', 'lambda', 'instance-group']);

function selectedContainers(d: Design, selectedId: string | null): PlacementTarget {
  if (!selectedId) return {};
  switch (collectionOf(d, selectedId)) {
    case 'vpcs':
      return { vpcId: selectedId };
    case 'subnets':
      return { vpcId: d.subnets[selectedId]!.vpcId, subnetId: selectedId };
    case 'resources': {
      const subnetId = subnetOfResource(d, selectedId);
      return subnetId ? { vpcId: d.subnets[subnetId]!.vpcId, subnetId } : {};
    }
    case 'natGateways': {
      const subnet = d.subnets[d.natGateways[selectedId]!.subnetId];
      return subnet ? { vpcId: subnet.vpcId, subnetId: subnet.id } : {};
    }
    case 'internetGateways': {
      const vpcId = d.internetGateways[selectedId]!.vpcId;
      return vpcId ? { vpcId } : {};
    }
    case 'securityGroups':
      return { vpcId: d.securityGroups[selectedId]!.vpcId };
    default:
      return {};
  }
}

function suits(d: Design, kind: PaletteItemKind, s: Subnet): number {
  const pub = isPublicSubnet(d, s);
  if (PREFERS_PUBLIC.has(kind)) return pub ? 1 : 0;
  if (PREFERS_PRIVATE.has(kind)) return pub ? 0 : 1;
  return 1;
}

export function keyboardTarget(d: Design, selectedId: string | null, kind: PaletteItemKind): PlacementTarget {
  const goesInto = paletteItem(kind).goesInto;
  if (goesInto === 'canvas') return {};
  const selected = selectedContainers(d, selectedId);
  const vpcId = selected.vpcId ?? Object.keys(d.vpcs)[0];
  if (goesInto === 'vpc') return vpcId ? { vpcId } : {};
  if (selected.subnetId) return selected;
  const candidates = Object.values(d.subnets).filter((s) => !vpcId || s.vpcId === vpcId);
  const best = [...candidates].sort((a, b) => suits(d, kind, b) - suits(d, kind, a))[0];
  if (best) return { vpcId: best.vpcId, subnetId: best.id };
  return vpcId ? { vpcId } : {};
}
