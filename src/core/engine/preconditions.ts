/**
 * What the two ends themselves accept before any network component is asked
 * (network-semantics.md §4, §5.8): a Lambda function accepts no connection; a load balancer
 * accepts only its listeners' ports; as a source it only opens connections to its registered
 * targets, on their target and health-check ports, in the Availability Zones it is enabled in.
 * Engine choice: these come first in the path, so they are the first explanation when they block.
 */
import { PortSet, TrafficSet, PROTOCOL_TCP } from '../net/index.ts';
import type { LoadBalancer } from '../model/types.ts';
import type { EniInfo, ResourceInfo } from './compiled.ts';
import type { Check } from './chain.ts';
import type { Hop } from './types.ts';
import { gateCheck, narrowCheck } from './checks.ts';
import { explain, hopOf } from './hops.ts';
import { listing } from './labels.ts';

function tcpPorts(ports: Iterable<number>): TrafficSet {
  return TrafficSet.fromProtocol(PROTOCOL_TCP, PortSet.fromRanges([...ports].map((p) => ({ from: p, to: p }))));
}

/** What the destination resource accepts at all: nothing for Lambda, its listeners for a load balancer. */
export function destinationAllows(dst: ResourceInfo): TrafficSet {
  let hit = accepts.get(dst);
  if (!hit) accepts.set(dst, (hit = computeDestinationAllows(dst)));
  return hit;
}

const accepts = new WeakMap<ResourceInfo, TrafficSet>();
const sends = new WeakMap<ResourceInfo, Map<string, TrafficSet>>();

function computeDestinationAllows(dst: ResourceInfo): TrafficSet {
  const r = dst.resource;
  if (r.kind === 'lambda') return TrafficSet.empty();
  if (r.kind !== 'load-balancer') return TrafficSet.all();
  return r.listeners.length > 0 ? tcpPorts(r.listeners.map((l) => l.port)) : TrafficSet.empty();
}

/** What a load balancer source sends to one interface of `dst` (target and health-check ports in an enabled AZ); everything for other sources. */
export function balancerAllows(src: ResourceInfo, dst: ResourceInfo, dstEni: EniInfo): TrafficSet {
  const lb = src.resource;
  if (lb.kind !== 'load-balancer') return TrafficSet.all();
  const az = dstEni.subnet.subnet.availabilityZone;
  const key = `${dst.resource.id}|${az}`;
  let memo = sends.get(src);
  if (!memo) sends.set(src, (memo = new Map()));
  let hit = memo.get(key);
  if (!hit) {
    const { ports } = targetPorts(lb, dst.resource.id);
    hit = ports.length === 0 || !src.enis.some((e) => e.subnet.subnet.availabilityZone === az) ? TrafficSet.empty() : tcpPorts(ports);
    memo.set(key, hit);
  }
  return hit;
}

/** Checks of the destination resource (before its interfaces are reached). */
export function destinationChecks(dst: ResourceInfo, asked: TrafficSet): Check[] {
  const r = dst.resource;
  const hop: Hop = hopOf(r.kind === 'load-balancer' ? 'load-balancer' : 'resource', r.id, r.name);
  if (r.kind === 'lambda') {
    return [
      gateCheck(hop, 'forward', false, () =>
        explain('LAMBDA_NO_INBOUND', hop, 'forward', `${dst.label} is a Lambda function: it only opens connections, nothing can connect to it.`),
      ),
    ];
  }
  if (r.kind !== 'load-balancer') return [];
  const ports = r.listeners.map((l) => l.port);
  const allowed = destinationAllows(dst);
  const hit = r.listeners.filter((l) => !asked.intersect(tcpPorts([l.port])).isEmpty());
  const lHop = hit.length > 0 ? hopOf('listener', hit.map((l) => l.id).join(','), hit.map((l) => `${l.protocol} ${l.port}`).join(', ')) : hop;
  return [
    narrowCheck(lHop, allowed, (s) => {
      const listens = ports.length > 0 ? `listens on tcp ${listing(ports.map(String))} only` : 'has no listener';
      if (s.traffic.portsFor(PROTOCOL_TCP).isEmpty()) {
        return explain('PROTOCOL_RESTRICTION', hop, 'forward', `Load balancer ${dst.label} carries tcp only and ${listens}; ${s.traffic.describe()} cannot reach it.`);
      }
      return explain('ELBV2_LISTENERS_MISMATCH', hop, 'forward', `Load balancer ${dst.label} ${listens}; ${s.traffic.describe()} matches no listener.`);
    }),
  ];
}

/** The target and health-check ports a load balancer uses toward one resource, and through which target groups. */
export function targetPorts(lb: LoadBalancer, resourceId: string): { ports: number[]; groups: string[] } {
  const ports = new Set<number>();
  const groups: string[] = [];
  for (const tg of lb.targetGroups) {
    for (const t of tg.targets) {
      if (t.resourceId !== resourceId) continue;
      const port = t.port ?? tg.port;
      ports.add(port);
      ports.add(tg.healthCheckPort === 'traffic-port' ? port : tg.healthCheckPort);
      if (!groups.includes(tg.id)) groups.push(tg.id);
    }
  }
  return { ports: [...ports].sort((a, b) => a - b), groups };
}

/** Checks of a load balancer as the source toward one interface of `dst`. */
export function loadBalancerSourceChecks(src: ResourceInfo, dst: ResourceInfo, dstEni: EniInfo): Check[] {
  const lb = src.resource;
  if (lb.kind !== 'load-balancer') return [];
  const lbHop = hopOf('load-balancer', lb.id, lb.name);
  const { ports, groups } = targetPorts(lb, dst.resource.id);
  if (ports.length === 0) {
    return [
      gateCheck(lbHop, 'forward', false, () =>
        explain('ELB_TARGET_NOT_REGISTERED', lbHop, 'forward', `Load balancer ${src.label} only opens connections to the registered targets of its target groups; ${dst.label} is not one.`),
      ),
    ];
  }
  const tgHop = hopOf('target-group', groups.join(','), groups.map((g) => lb.targetGroups.find((t) => t.id === g)?.name ?? g).join(', '));
  const checks: Check[] = [
    narrowCheck(tgHop, tcpPorts(ports), (s) =>
      explain(
        'ELB_TARGET_NOT_REGISTERED',
        tgHop,
        'forward',
        `Load balancer ${src.label} connects to ${dst.label} on tcp ${listing(ports.map(String))} only (target and health-check ports); ${s.traffic.describe()} is not one of them.`,
      ),
    ),
  ];
  const azs = new Set(src.enis.map((e) => e.subnet.subnet.availabilityZone));
  const az = dstEni.subnet.subnet.availabilityZone;
  if (!azs.has(az)) {
    checks.push(
      gateCheck(tgHop, 'forward', false, () =>
        explain(
          'ELB_INSTALLED_AZ_RESTRICTION',
          tgHop,
          'forward',
          `Load balancer ${src.label} is enabled in ${listing([...azs].sort())} only; target ${dst.label} sits in ${az} and gets no traffic.`,
        ),
      ),
    );
  }
  return checks;
}
