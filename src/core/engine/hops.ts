/** Hops (path components) and explanations about them, named the way people read them. */
import type { NatGateway, VpcPeering } from '../model/types.ts';
import type { EniInfo, NatInfo, RouteTableInfo, SubnetInfo, VpcInfo } from './compiled.ts';
import type { ComponentType, Explanation, ExplanationCode, Hop } from './types.ts';
import { named } from './labels.ts';

export function resourceHop(eni: EniInfo): Hop {
  return { componentId: eni.resource.id, componentType: eni.resource.kind === 'load-balancer' ? 'load-balancer' : 'resource', name: eni.resource.name };
}

export function eniHop(eni: EniInfo, detail?: string): Hop {
  return { componentId: eni.eni.id, componentType: 'network-interface', name: eni.eni.description ?? eni.eni.id, ...(detail ? { detail } : {}) };
}

export function tableHop(subnet: SubnetInfo, detail?: string): Hop {
  const t = subnet.routeTable!;
  return { componentId: t.table.id, componentType: 'route-table', name: t.table.name, ...(detail ? { detail } : {}) };
}

export function igwHop(vpc: VpcInfo, detail?: string): Hop {
  const g = vpc.igw;
  return g
    ? { componentId: g.id, componentType: 'internet-gateway', name: g.name, ...(detail ? { detail } : {}) }
    : { componentId: vpc.vpc.id, componentType: 'internet-gateway', name: `no internet gateway on ${vpc.vpc.name}` };
}

export function natHop(nat: NatInfo | NatGateway | undefined, id: string): Hop {
  const n = nat && 'nat' in nat ? nat.nat : nat;
  return { componentId: id, componentType: 'nat-gateway', name: n?.name ?? id };
}

export function peeringHop(p: VpcPeering | undefined, id: string): Hop {
  return { componentId: id, componentType: 'peering', name: p?.name ?? id };
}

export interface ExternalEnd {
  kind: 'internet' | 'external';
  id: string;
  name: string;
}

export function externalHop(e: ExternalEnd, detail?: string): Hop {
  return { componentId: e.id, componentType: e.kind === 'internet' ? 'internet' : 'external-network', name: e.name, ...(detail ? { detail } : {}) };
}

/** An explanation about the component of `hop`. */
export function explain(
  code: ExplanationCode,
  hop: Hop,
  path: 'forward' | 'return',
  message: string,
  extra: Partial<Pick<Explanation, 'direction' | 'ruleNumber' | 'groups' | 'field'>> = {},
): Explanation {
  return { code, componentId: hop.componentId, componentType: hop.componentType, componentName: hop.name, path, ...extra, message };
}

/** "route table app (rt-app) of subnet A-a". */
export function tablePhrase(subnet: SubnetInfo): string {
  const t: RouteTableInfo | undefined = subnet.routeTable;
  return `Route table ${t ? t.label : 'main'} of subnet ${subnet.label}`;
}

export function hopOf(type: ComponentType, id: string, name: string, detail?: string): Hop {
  return { componentId: id, componentType: type, name, ...(detail ? { detail } : {}) };
}

export { named };
