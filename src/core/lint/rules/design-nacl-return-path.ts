/**
 * NACL return path missing: a flow the security groups mean to allow (a rule admits its peer) gets
 * in, but a stateless NACL on the destination's subnet (outbound) or the source's (inbound) drops
 * the reply on the client's ephemeral ports. Asked of the engine, pair by pair, so the ephemeral
 * range follows the client's kind (Linux, Windows, load balancer, NAT) and a partial block reports
 * the ports that survive (reach().admitted.returnPorts).
 *
 * Candidate flows come from ingress rules: a group reference gives its members as clients, a CIDR
 * that the Internet can use gives an Internet host (its first address), a private CIDR the
 * design's interfaces inside it. Only pairs where a custom NACL is involved are asked.
 */
import type { Design, Eni, Resource, SecurityGroupRule } from '../../model/types.ts';
import { networkAclOf } from '../../model/queries.ts';
import { reach } from '../../engine/index.ts';
import type { Endpoint, Flow, ReachResult } from '../../engine/types.ts';
import { PROTOCOL_TCP, PROTOCOL_UDP } from '../../net/index.ts';
import type { Finding, LintRule } from '../types.ts';
import { aclTarget, makeFinding, resourceTarget } from '../finding.ts';
import { ruleTraffic } from '../match/rule-traffic.ts';
import { isPublicCidr, cidrOf } from '../match/world.ts';
import { internetAddressable, peerMatchesEni, sampleAddress } from './design-support.ts';

const ID = 'design-nacl-return-path';

/** Whether the subnet's ACL is anything but allow-all both ways (only such an ACL can drop a reply). */
function restrictive(d: Design, subnetId: string): boolean {
  const s = d.subnets[subnetId];
  const acl = s ? networkAclOf(d, s) : undefined;
  if (!acl) return true;
  return [false, true].some((egress) => {
    const first = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber)[0];
    return !first || first.action !== 'allow' || !ruleTraffic(first.match).isAll() || !['0.0.0.0/0'].includes(first.cidr);
  });
}

/** One tcp or udp flow a rule admits: its lowest port (the rule is about that service). */
function flowOf(rule: SecurityGroupRule): Flow | undefined {
  const t = ruleTraffic(rule.match);
  for (const [p, protocol] of [[PROTOCOL_TCP, 'tcp'], [PROTOCOL_UDP, 'udp']] as const) {
    const ports = t.portsFor(p);
    if (!ports.isEmpty() && !t.isAll()) return { protocol, port: ports.toRanges()[0]!.from };
  }
  return undefined;
}

interface Ask {
  source: Endpoint;
  sourceName: string;
  sourceId: string;
  dest: Resource;
  eni: Eni;
  flow: Flow;
}

function asks(d: Design, dest: Resource, eni: Eni, rule: SecurityGroupRule): Ask[] {
  const flow = flowOf(rule);
  if (!flow) return [];
  const out: Ask[] = [];
  const destRestrictive = restrictive(d, eni.subnetId);
  if (rule.peer.kind === 'cidr') {
    const c = cidrOf(rule.peer.cidr);
    if (c && isPublicCidr(c) && internetAddressable(d, eni, c.family) && destRestrictive) {
      const address = c.prefix === 0 ? undefined : sampleAddress(rule.peer.cidr);
      out.push({ source: { kind: 'internet', ...(address ? { address } : {}) }, sourceName: `Internet (${rule.peer.cidr})`, sourceId: 'internet', dest, eni, flow });
    }
    if (c && isPublicCidr(c)) return out;
  }
  for (const r of Object.values(d.resources)) {
    if (r.id === dest.id || r.kind === 'database') continue;
    const src = r.enis.find((e) => e.subnetId !== eni.subnetId && peerMatchesEni(d, rule.peer, e));
    if (!src || !(destRestrictive || restrictive(d, src.subnetId))) continue;
    out.push({ source: { kind: 'resource', resourceId: r.id, eniId: src.id }, sourceName: r.name, sourceId: r.id, dest, eni, flow });
  }
  return out;
}

function returnOnly(r: ReachResult): boolean {
  return r.verdict === 'unreachable' && r.explanations.length > 0 && r.explanations.every((e) => e.code === 'SUBNET_ACL_RESTRICTION' && e.path === 'return');
}

export const naclReturnPath: LintRule = {
  id: ID,
  title: 'NACL blocks the return path of an allowed flow',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    const done = new Set<string>();
    for (const dest of Object.values(d.resources)) {
      if (dest.kind === 'lambda') continue;
      for (const eni of dest.enis) {
        for (const gid of eni.securityGroupIds) {
          for (const rule of d.securityGroups[gid]?.ingress ?? []) {
            for (const ask of asks(d, dest, eni, rule)) {
              const key = `${ask.sourceId}>${dest.id}/${ask.flow.protocol}/${ask.flow.port}`;
              if (done.has(key)) continue;
              done.add(key);
              const result = reach(d, ask.source, { kind: 'resource', resourceId: dest.id, eniId: eni.id }, ask.flow);
              const finding = toFinding(d, ask, result);
              if (finding) out.push(finding);
            }
          }
        }
      }
    }
    return out;
  },
};

function toFinding(d: Design, ask: Ask, result: ReachResult): Finding | undefined {
  const flow = `${ask.flow.protocol} ${ask.flow.port}`;
  const ids = [ask.sourceId, ask.dest.id, ask.flow.protocol as string, ask.flow.port ?? 0];
  const targets = [resourceTarget(ask.dest.id), ...(ask.source.kind === 'resource' ? [resourceTarget(ask.sourceId)] : [])];
  const resourceIds = [ask.dest.id, ...(ask.source.kind === 'resource' ? [ask.sourceId] : [])];
  if (returnOnly(result)) {
    const first = result.explanations[0]!;
    return makeFinding(naclReturnPath, {
      ids,
      message: `${ask.sourceName} -> ${ask.dest.name} on ${flow} gets in, but ${first.componentName} (${first.direction}${first.ruleNumber ? `, rule ${first.ruleNumber}` : ''}) drops the reply on the client's ephemeral ports`,
      risk: `The security groups allow the flow and the request arrives, so the connection hangs instead of being refused: an outage that is hard to diagnose.`,
      fix: `Allow the reply in ${first.componentName}: ${first.direction} ${ask.flow.protocol} 1024-65535 ${first.direction === 'outbound' ? 'to' : 'from'} the peer's CIDR (the range that covers Linux, Windows, ELB and NAT clients).`,
      targets: [aclTarget(first.componentId, first.ruleNumber, first.direction === 'outbound'), ...targets],
      resourceIds,
    });
  }
  const survive = result.verdict === 'reachable' ? result.admitted?.returnPorts : undefined;
  if (!survive) return undefined;
  return makeFinding(naclReturnPath, {
    ids,
    severity: 'low',
    message: `${ask.sourceName} -> ${ask.dest.name} on ${flow}: replies get back only on ${survive} of the client's ephemeral range; the rest is dropped by a NACL`,
    risk: `Connections whose client picks a port outside the surviving range hang, so the flow fails intermittently.`,
    fix: `Widen the NACL reply rules to ${ask.flow.protocol} 1024-65535 on both subnets' ACLs (outbound on the server's, inbound on the client's).`,
    targets,
    resourceIds,
  });
}
