/** anchorOf(): where a path component is drawn, checked on the engine's own answers for topology T. */
import { describe, expect, it } from 'vitest';
import { reach, type Endpoint, type Explanation } from '../../../core/engine/index.ts';
import { allTraffic, tcp } from '../../../core/model/builder.ts';
import { topologyT, T } from '../../../core/model/fixtures/topology-t.ts';
import { anchorOf, type FlowEnds } from './anchors.ts';

const res = (resourceId: string): Endpoint => ({ kind: 'resource', resourceId });

/** Ends as the view gives them: the resources asked about plus the interfaces the engine chose. */
function ends(source: Endpoint, destination: Endpoint, r: ReturnType<typeof reach>): FlowEnds {
  return {
    ...(source.kind === 'resource' ? { sourceResource: source.resourceId } : {}),
    ...(destination.kind === 'resource' ? { destinationResource: destination.resourceId } : {}),
    ...(r.sourceEniId ? { sourceEni: r.sourceEniId } : {}),
    ...(r.destinationEniId ? { destinationEni: r.destinationEniId } : {}),
  };
}

const first = (r: ReturnType<typeof reach>): Explanation => r.explanations[0]!;

describe('anchorOf', () => {
  it('puts a NACL that blocks the forward packet inbound on the destination subnet (S09)', () => {
    const d = topologyT().naclInbound(T.publicA, [[90, 'deny', tcp(22, '0.0.0.0/0')], [100, 'allow', allTraffic('0.0.0.0/0')]]).build();
    const from: Endpoint = { kind: 'internet', address: '198.51.100.7' };
    const r = reach(d, from, res(T.bastion), { protocol: 'tcp', port: 22 });
    expect(first(r)).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', direction: 'inbound', path: 'forward' });
    expect(anchorOf(d, ends(from, res(T.bastion), r), first(r))).toEqual({ kind: 'container', id: T.publicA });
  });

  it('puts a NACL that blocks the reply outbound on the destination subnet, the one the ALB answers from (S11)', () => {
    const only443 = [[100, 'allow', tcp(443, '0.0.0.0/0')]] as const;
    const d = topologyT().nacl('acl-public', { subnets: [T.publicA, T.publicB], inbound: [...only443], outbound: [...only443] }).build();
    const from: Endpoint = { kind: 'internet', address: '203.0.113.9' };
    const r = reach(d, from, res(T.alb), { protocol: 'tcp', port: 443 });
    expect(first(r)).toMatchObject({ componentId: 'acl-public', direction: 'outbound', path: 'return' });
    const a = anchorOf(d, ends(from, res(T.alb), r), first(r));
    const albSubnet = d.resources[T.alb]!.enis.find((e) => e.id === r.destinationEniId)!.subnetId;
    expect(a).toEqual({ kind: 'container', id: albSubnet });
  });

  it('puts an outbound NACL on the source subnet when the source is the one that sends', () => {
    const d = topologyT().naclOutbound(T.appA, [[100, 'deny', allTraffic('0.0.0.0/0')]]).build();
    const r = reach(d, res(T.app), res(T.rds), { protocol: 'tcp', port: 5432 });
    expect(first(r)).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', direction: 'outbound', path: 'forward' });
    expect(anchorOf(d, ends(res(T.app), res(T.rds), r), first(r))).toEqual({ kind: 'container', id: T.appA });
  });

  it('puts a missing reply route on the destination subnet (S13)', () => {
    const d = topologyT().eni(T.app, { publicIp: '198.51.100.50' }).setIngress(T.sgApp, [tcp(80, '0.0.0.0/0')]).build();
    const from: Endpoint = { kind: 'internet' };
    const r = reach(d, from, res(T.app), { protocol: 'tcp', port: 80 });
    const route = r.explanations.find((e) => e.code === 'NO_ROUTE_TO_DESTINATION')!;
    expect(route).toMatchObject({ componentType: 'route-table', path: 'return' });
    expect(anchorOf(d, ends(from, res(T.app), r), route)).toEqual({ kind: 'container', id: T.appA });
  });

  it('puts a security group on the chip of the resource whose group it is: ingress on the target, egress on the source', () => {
    const d = topologyT().setEgress(T.sgAlb, [tcp(80, '0.0.0.0/0')]).build();
    const r = reach(d, res(T.alb), res(T.app), { protocol: 'tcp', port: 8080 });
    expect(first(r)).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'egress' });
    expect(anchorOf(d, ends(res(T.alb), res(T.app), r), first(r))).toEqual({ kind: 'chip', resourceId: T.alb, groupId: T.sgAlb });
    const blocked = reach(d, res(T.bastion), res(T.rds), { protocol: 'tcp', port: 5432 });
    expect(first(blocked)).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'ingress' });
    expect(anchorOf(d, ends(res(T.bastion), res(T.rds), blocked), first(blocked))).toEqual({ kind: 'chip', resourceId: T.rds, groupId: T.sgDb });
  });

  it('draws gateways, interfaces, listeners and the Internet on their own nodes, a peering nowhere', () => {
    const d = topologyT().internet('internet').build();
    const at = (componentId: string, componentType: Parameters<typeof anchorOf>[2]['componentType']) => anchorOf(d, {}, { componentId, componentType, path: 'forward' });
    expect(at(T.igw, 'internet-gateway')).toEqual({ kind: 'node', id: T.igw });
    expect(at(T.nat, 'nat-gateway')).toEqual({ kind: 'node', id: T.nat });
    expect(at(d.resources[T.app]!.enis[0]!.id, 'network-interface')).toEqual({ kind: 'node', id: T.app });
    expect(at(T.listener, 'listener')).toEqual({ kind: 'node', id: T.alb });
    expect(at(T.targetGroup, 'target-group')).toEqual({ kind: 'node', id: T.alb });
    expect(at('internet', 'internet')).toEqual({ kind: 'node', id: 'internet' });
    // No internet gateway: the engine names the VPC that lacks one.
    expect(at(T.vpc, 'internet-gateway')).toEqual({ kind: 'container', id: T.vpc });
    expect(at('pcx-1', 'peering')).toBeUndefined();
  });
});
