/**
 * What a round trip must keep, keyed by names (AWS ids differ from the design's): the network,
 * the groups and rules (group peers by name), the resources (instances, load balancers with
 * listeners and targets, databases, functions) and the reachability verdicts between every pair
 * of resources.
 */
import { reachMatrix } from '../../src/core/engine/index.ts';
import { networkAclOf, routeTableOf } from '../../src/core/model/queries.ts';
import type { Design, SecurityGroupRule, TrafficMatch } from '../../src/core/model/types.ts';

function matchText(m: TrafficMatch): string {
  const p = m.protocol;
  if (p === 'tcp' || p === 'udp') return `${p} ${m.ports ? `${m.ports.from}-${m.ports.to}` : '0-65535'}`;
  if (p === 'icmp') return `icmp ${m.icmp ? `${m.icmp.type}/${m.icmp.code}` : '-1/-1'}`;
  if (p === 'icmpv6') return `icmpv6 ${m.icmp && m.icmp.type !== -1 ? `${m.icmp.type}/${m.icmp.code}` : 'all'}`;
  return String(p);
}

export interface Summary {
  vpcs: Record<string, unknown>;
  subnets: Record<string, unknown>;
  routeTables: Record<string, string[]>;
  networkAcls: Record<string, unknown>;
  groups: Record<string, unknown>;
  resources: Record<string, unknown>;
  reach: string[];
}

/** The summary of the VPCs named `vpcNames` (all when omitted). */
export function summarise(d: Design, vpcNames?: string[]): Summary {
  const vpcIds = Object.values(d.vpcs).filter((v) => !vpcNames || vpcNames.includes(v.name)).map((v) => v.id);
  const inVpc = (id: string | undefined): boolean => id !== undefined && vpcIds.includes(id);
  const vpcName = (id: string): string => d.vpcs[id]?.name ?? `?${id}`;
  const groupName = (id: string): string => {
    const g = d.securityGroups[id];
    return g ? `${vpcName(g.vpcId)}/${g.name}` : `?${id}`;
  };
  const rule = (r: SecurityGroupRule): string => {
    const p = r.peer;
    const peer = p.kind === 'cidr' ? p.cidr : p.kind === 'prefix-list' ? `pl:${p.prefixListId}` : `sg:${groupName(p.groupId)}`;
    // MOTO GAP: moto drops the Description of a rule whose peer is a group, so it is not compared there.
    const desc = r.description && p.kind !== 'security-group' ? ` "${r.description}"` : '';
    return `${matchText(r.match)} ${peer}${desc}`;
  };
  const targetName = (t: { kind: string; id?: string }): string => {
    if (t.kind === 'internet-gateway') return `igw:${d.internetGateways[t.id!]?.name}`;
    if (t.kind === 'nat-gateway') return `nat:${d.natGateways[t.id!]?.name}`;
    if (t.kind === 'peering') return `pcx:${d.peerings[t.id!]?.name}`;
    return `${t.kind}:${t.id}`;
  };
  const s: Summary = { vpcs: {}, subnets: {}, routeTables: {}, networkAcls: {}, groups: {}, resources: {}, reach: [] };
  for (const id of vpcIds) {
    const v = d.vpcs[id]!;
    s.vpcs[v.name] = { cidrs: v.cidrs, ipv6: v.ipv6Cidrs.length > 0 };
  }
  for (const sub of Object.values(d.subnets)) {
    if (!inVpc(sub.vpcId)) continue;
    s.subnets[`${vpcName(sub.vpcId)}/${sub.name}`] = {
      cidr: sub.cidr,
      zone: sub.availabilityZone.slice(-1),
      ipv6: sub.ipv6Cidr !== undefined,
      routeTable: routeTableOf(d, sub)?.name,
      networkAcl: networkAclOf(d, sub)?.name,
    };
  }
  for (const t of Object.values(d.routeTables)) {
    if (!inVpc(t.vpcId)) continue;
    const routes = t.routes.filter((r) => r.target.kind !== 'local').map((r) => `${'cidr' in r.destination ? r.destination.cidr : r.destination.prefixListId} -> ${targetName(r.target)} ${r.state}`);
    s.routeTables[`${vpcName(t.vpcId)}/${t.name}`] = routes.sort();
  }
  for (const a of Object.values(d.networkAcls)) {
    if (!inVpc(a.vpcId)) continue;
    s.networkAcls[`${vpcName(a.vpcId)}/${a.name}`] = {
      isDefault: a.isDefault,
      // MOTO GAP: moto drops IcmpTypeCode of ACL entries, so ICMP entries are compared without type and code.
      entries: a.entries.map((e) => `${e.egress ? 'out' : 'in'} ${e.ruleNumber} ${e.action} ${e.match.protocol === 'icmp' ? 'icmp' : matchText(e.match)} ${e.cidr}`).sort(),
    };
  }
  for (const g of Object.values(d.securityGroups)) {
    if (!inVpc(g.vpcId)) continue;
    s.groups[groupName(g.id)] = { description: g.description, ingress: g.ingress.map(rule).sort(), egress: g.egress.map(rule).sort() };
  }
  const subnetName = (id: string): string => {
    const sub = d.subnets[id];
    return sub ? `${vpcName(sub.vpcId)}/${sub.name}` : `?${id}`;
  };
  const names = new Map<string, string>();
  for (const r of Object.values(d.resources)) {
    if (!inVpc(d.subnets[r.enis[0]?.subnetId ?? '']?.vpcId)) continue;
    names.set(r.id, r.name);
    // AWS picks the addresses of load balancers, databases and functions: only instances keep theirs.
    const enis = r.enis.map((e) => ({
      subnet: subnetName(e.subnetId),
      ...(r.kind === 'instance' ? { privateIps: e.privateIps, public: e.publicIp !== undefined, ipv6: e.ipv6Ips.length } : {}),
      groups: e.securityGroupIds.map(groupName).sort(),
    }));
    const byName = (id: string): string => d.resources[id]?.name ?? `?${id}`;
    const extra =
      r.kind === 'load-balancer'
        ? {
            scheme: r.scheme,
            listeners: r.listeners.map((l) => `${l.protocol} ${l.port} -> ${r.targetGroups.find((g) => g.id === l.targetGroupId)?.name}`).sort(),
            targetGroups: r.targetGroups
              .map((g) => `${g.name} ${g.protocol} ${g.port} health ${g.healthCheckPort}: ${g.targets.map((t) => `${byName(t.resourceId)}${t.port ? `:${t.port}` : ''}`).sort().join(' ')}`)
              .sort(),
          }
        : r.kind === 'database'
          ? { engine: r.engine, port: r.port, publiclyAccessible: r.publiclyAccessible, subnetGroup: r.subnetIds.map(subnetName).sort() }
          : {};
    s.resources[r.name] = { kind: r.kind, enis, ...extra };
  }
  s.reach = reachMatrix(d)
    .reachable.filter((p) => names.has(p.from) && names.has(p.to))
    .map((p) => `${names.get(p.from)} -> ${names.get(p.to)}: ${p.traffic}`)
    .sort();
  return s;
}
