/**
 * Where a component of a path is on the canvas: its own node (a resource, a gateway, the Internet),
 * the subnet a network ACL or route table acts for, or the security-group chip on the card of the
 * resource whose group it is. Pure, so tests check it without a browser.
 */
import { networkAclOf, routeTableOf, type Design, type Subnet } from '../../../core/model/index.ts';
import type { ComponentType } from '../../../core/engine/index.ts';
import { internetNodeId } from './query.ts';

export type Anchor =
  | { kind: 'node'; id: string }
  /** A subnet or VPC: a network ACL, a route table, a missing internet gateway. */
  | { kind: 'container'; id: string }
  | { kind: 'chip'; resourceId: string; groupId: string };

/** The two ends of the flow a component belongs to. */
export interface FlowEnds {
  sourceResource?: string;
  destinationResource?: string;
  sourceEni?: string;
  destinationEni?: string;
}

export interface Component {
  componentId: string;
  componentType: ComponentType;
  direction?: 'ingress' | 'egress' | 'inbound' | 'outbound';
  path: 'forward' | 'return';
}

function subnetOf(d: Design, resourceId: string | undefined, eniId: string | undefined): Subnet | undefined {
  const r = resourceId ? d.resources[resourceId] : undefined;
  if (!r) return undefined;
  const eni = r.enis.find((e) => e.id === eniId) ?? r.enis[0];
  return eni ? d.subnets[eni.subnetId] : undefined;
}

function ownerOfEni(d: Design, eniId: string): string | undefined {
  return Object.values(d.resources).find((r) => r.enis.some((e) => e.id === eniId))?.id;
}

function ownerOfListener(d: Design, id: string): string | undefined {
  return Object.values(d.resources).find((r) => r.kind === 'load-balancer' && (r.listeners.some((l) => l.id === id) || r.targetGroups.some((t) => t.id === id)))?.id;
}

/**
 * The subnet a network ACL or route table decides for: the source's subnet for what leaves it
 * (forward outbound, forward routing, the reply coming back in), the destination's otherwise;
 * the other end's subnet when only that one uses the component.
 */
function subnetFor(d: Design, ends: FlowEnds, c: Component, uses: (s: Subnet) => boolean): string | undefined {
  const source = subnetOf(d, ends.sourceResource, ends.sourceEni);
  const destination = subnetOf(d, ends.destinationResource, ends.destinationEni);
  const sourceSide =
    c.componentType === 'route-table' ? c.path === 'forward' : (c.direction === 'outbound') === (c.path === 'forward');
  const order = sourceSide ? [source, destination] : [destination, source];
  for (const s of order) if (s && uses(s)) return s.id;
  return Object.values(d.subnets).find(uses)?.id;
}

/** Where the component is drawn, or undefined when it has no place on the canvas (a peering). */
export function anchorOf(d: Design, ends: FlowEnds, c: Component): Anchor | undefined {
  const id = c.componentId;
  switch (c.componentType) {
    case 'internet': {
      const node = internetNodeId(d);
      return node ? { kind: 'node', id: node } : undefined;
    }
    case 'external-network':
      if (d.externalNetworks[id]) return { kind: 'node', id };
      return id === 'internet' && internetNodeId(d) ? { kind: 'node', id: internetNodeId(d)! } : undefined;
    case 'resource':
    case 'load-balancer':
      return d.resources[id] ? { kind: 'node', id } : undefined;
    case 'network-interface': {
      const owner = ownerOfEni(d, id);
      return owner ? { kind: 'node', id: owner } : undefined;
    }
    case 'listener':
    case 'target-group': {
      const owner = ownerOfListener(d, id);
      return owner ? { kind: 'node', id: owner } : undefined;
    }
    case 'internet-gateway':
      if (d.internetGateways[id]) return { kind: 'node', id };
      // "No internet gateway on production": the VPC that lacks one.
      return d.vpcs[id] ? { kind: 'container', id } : undefined;
    case 'nat-gateway':
      return d.natGateways[id] ? { kind: 'node', id } : undefined;
    case 'security-group': {
      const resourceId = c.direction === 'egress' ? ends.sourceResource : ends.destinationResource;
      return resourceId && d.resources[resourceId] ? { kind: 'chip', resourceId, groupId: id } : undefined;
    }
    case 'network-acl': {
      const subnet = subnetFor(d, ends, c, (s) => networkAclOf(d, s)?.id === id);
      return subnet ? { kind: 'container', id: subnet } : undefined;
    }
    case 'route-table': {
      const subnet = subnetFor(d, ends, c, (s) => routeTableOf(d, s)?.id === id);
      return subnet ? { kind: 'container', id: subnet } : undefined;
    }
    case 'peering':
      return undefined;
  }
}

/** The canvas node an anchor sits on (a chip sits on its resource's card). */
export function anchorNode(a: Anchor): string {
  return a.kind === 'chip' ? a.resourceId : a.id;
}
