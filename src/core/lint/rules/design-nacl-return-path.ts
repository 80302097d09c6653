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
 *
 * One finding per problem, not per flow: a missing return rule in one ACL breaks every flow that
 * crosses it, and a thousand findings for one rule hide everything else. Flows whose reply one ACL
 * drops entirely group by (ACL, direction, dropped range); flows whose reply gets back only in
 * part group by (server's ACL, client's ACL, surviving range), since the engine reports what
 * survives, not which of the two cut it. Each finding counts its flows and names one.
 *
 * Interfaces with one signature (design-eni-signature.ts: same subnet, groups, kind of host and
 * CIDRs holding them) get the same answer from the engine for the same flow, so each (client
 * signature, server signature, flow) is asked once; on a large design that turns tens of thousands
 * of questions into a few hundred.
 */
import type { Design, Eni, Resource, SecurityGroupRule } from '../../model/types.ts';
import { networkAclOf } from '../../model/queries.ts';
import { compile, reach } from '../../engine/index.ts';
import type { Endpoint, Explanation, Flow, ReachResult } from '../../engine/types.ts';
import { PortSet, PROTOCOL_TCP, PROTOCOL_UDP } from '../../net/index.ts';
import type { Finding, LintRule } from '../types.ts';
import { aclTarget, listNames, makeFinding, resourceTarget } from '../finding.ts';
import { ruleTraffic } from '../match/rule-traffic.ts';
import { isPublicCidr, cidrOf } from '../match/world.ts';
import { clientKey, eniSignatures } from './design-eni-signature.ts';
import { ReplyFilter } from './design-nacl-reply-filter.ts';
import { internetAddressable, peerMatchesEni, sampleAddress } from './design-support.ts';

const ID = 'design-nacl-return-path';

/** The engine's ephemeral range for an Internet client (AWS's recommendation, network-semantics.md §2). */
const INTERNET_EPHEMERAL = PortSet.fromRange(1024, 65535);

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

/** One flow asked of the engine. */
interface Ask {
  source: Endpoint;
  sourceName: string;
  sourceId: string;
  /** The client's interface (none for an Internet host). */
  sourceEni?: Eni;
  dest: Resource;
  eni: Eni;
  flow: Flow;
}

/** What one lint run computes once: subnet restrictiveness and who each rule's peer matches. */
interface Index {
  d: Design;
  restrictive: (subnetId: string) => boolean;
  /** Per rule, the resources (design order) with their interfaces that the peer matches (interface order). */
  matched: (rule: SecurityGroupRule) => Array<{ resource: Resource; number: number; enis: Eni[] }>;
  /** The client number of an Internet host: after every resource. */
  internetNumber: number;
  /** flowOf, once per rule. */
  flow: (rule: SecurityGroupRule) => Flow | undefined;
}

function indexOf(d: Design): Index {
  const restrictiveBySubnet = new Map<string, boolean>();
  const matchedByRule = new Map<SecurityGroupRule, Array<{ resource: Resource; number: number; enis: Eni[] }>>();
  const all = Object.values(d.resources);
  const flows = new Map<SecurityGroupRule, Flow | undefined>();
  return {
    d,
    internetNumber: all.length,
    flow(rule) {
      if (!flows.has(rule)) flows.set(rule, flowOf(rule));
      return flows.get(rule);
    },
    restrictive(subnetId) {
      let r = restrictiveBySubnet.get(subnetId);
      if (r === undefined) restrictiveBySubnet.set(subnetId, (r = restrictive(d, subnetId)));
      return r;
    },
    matched(rule) {
      let list = matchedByRule.get(rule);
      if (!list) {
        list = [];
        all.forEach((resource, number) => {
          if (resource.kind === 'database') return;
          const enis = resource.enis.filter((e) => peerMatchesEni(d, rule.peer, e));
          if (enis.length > 0) list!.push({ resource, number, enis });
        });
        matchedByRule.set(rule, list);
      }
      return list;
    },
  };
}

/**
 * The candidate flows toward one interface that one ingress rule admits, in a fixed order (an
 * Internet host first, then the matched resources in design order), each given to `visit` with
 * its client's position (resource order; the Internet after every resource) for de-duplication.
 */
function candidates(ix: Index, dest: Resource, eni: Eni, rule: SecurityGroupRule, flow: Flow, visit: (ask: Ask, client: number) => void): void {
  const d = ix.d;
  const destRestrictive = ix.restrictive(eni.subnetId);
  if (rule.peer.kind === 'cidr') {
    const c = cidrOf(rule.peer.cidr);
    if (c && isPublicCidr(c) && internetAddressable(d, eni, c.family) && destRestrictive) {
      const address = c.prefix === 0 ? undefined : sampleAddress(rule.peer.cidr);
      visit({ source: { kind: 'internet', ...(address ? { address } : {}) }, sourceName: `Internet (${rule.peer.cidr})`, sourceId: 'internet', dest, eni, flow }, ix.internetNumber);
    }
    if (c && isPublicCidr(c)) return;
  }
  for (const { resource: r, number, enis } of ix.matched(rule)) {
    if (r.id === dest.id) continue;
    const src = enis.find((e) => e.subnetId !== eni.subnetId);
    if (!src || !(destRestrictive || ix.restrictive(src.subnetId))) continue;
    visit({ source: { kind: 'resource', resourceId: r.id, eniId: src.id }, sourceName: r.name, sourceId: r.id, sourceEni: src, dest, eni, flow }, number);
  }
}

function returnOnly(r: ReachResult): boolean {
  return r.verdict === 'unreachable' && r.explanations.length > 0 && r.explanations.every((e) => e.code === 'SUBNET_ACL_RESTRICTION' && e.path === 'return');
}

/** Flows that share one problem, in the order they were found. */
interface Group {
  kind: 'blocked' | 'partial';
  ids: Array<string | number>;
  protocol: string;
  /** blocked: the dropped range; partial: the surviving one ("tcp 1024-40000"). */
  range: string;
  /** blocked: the ACL that drops the reply. */
  blocker?: Explanation;
  ruleNumbers: Set<number>;
  /** partial: the restrictive ACLs of the two subnets. */
  acls: Array<{ id: string; name: string }>;
  asks: Ask[];
}

export const naclReturnPath: LintRule = {
  id: ID,
  title: 'NACL blocks the return path of an allowed flow',
  severity: 'medium',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const ix = indexOf(d);
    const compiled = compile(d);
    const signatures = eniSignatures(d);
    const classOf = (eni: Eni) => signatures.get(eni.id) ?? eni.id;
    const ephemeralOf = (eni: Eni | undefined) => (eni ? (compiled.enis.get(eni.id)?.ephemeral ?? INTERNET_EPHEMERAL) : INTERNET_EPHEMERAL);
    const replies = new ReplyFilter(d, ephemeralOf);
    const answers = new Map<string, ReachResult>();
    const groups = new Map<string, Group>();
    for (const dest of Object.values(d.resources)) {
      if (dest.kind === 'lambda') continue;
      // (client, protocol, port) already asked toward this resource, as one number: this runs for every candidate flow.
      const done = new Set<number>();
      for (const eni of dest.enis) {
        for (const gid of eni.securityGroupIds) {
          for (const rule of d.securityGroups[gid]?.ingress ?? []) {
            const flow = ix.flow(rule);
            if (!flow) continue;
            const flowNumber = (flow.port ?? 0) * 2 + (flow.protocol === 'tcp' ? 0 : 1);
            candidates(ix, dest, eni, rule, flow, (ask, client) => {
              const key = client * 131072 + flowNumber;
              if (done.has(key)) return;
              done.add(key);
              if (ask.sourceEni && !replies.mayBreak(eni, ask.sourceEni, flow.protocol as 'tcp' | 'udp', flow.port ?? 0)) return;
              const from = ask.sourceEni ? `c:${clientKey(d, d.resources[ask.sourceId]!, ask.sourceEni, eni)}` : `i:${ask.source.kind === 'internet' ? (ask.source.address ?? '') : ''}`;
              const classKey = `${from}>${classOf(eni)}/${flow.protocol}/${flow.port}`;
              let result = answers.get(classKey);
              if (!result) answers.set(classKey, (result = reach(d, ask.source, { kind: 'resource', resourceId: dest.id, eniId: eni.id }, flow)));
              addToGroup(d, groups, ask, result, ephemeralOf(ask.sourceEni));
            });
          }
        }
      }
    }
    return [...groups.values()].map((g) => toFinding(g));
  },
};

/** A port list for an id, where commas separate the ids: "1024-3388, 3390-65535" -> "1024-3388+3390-65535". */
const idRange = (ports: string) => ports.replace(/, /g, '+');

/** Files a flow under its problem, if it has one. */
function addToGroup(d: Design, groups: Map<string, Group>, ask: Ask, result: ReachResult, ephemeral: PortSet): void {
  const protocol = ask.flow.protocol as string;
  if (returnOnly(result)) {
    const first = result.explanations[0]!;
    const range = `${protocol} ${ephemeral.describe()}`;
    const ids = [first.componentId, first.direction ?? '', protocol, idRange(ephemeral.describe())];
    const key = ids.join('|');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: 'blocked', ids, protocol, range, blocker: first, ruleNumbers: new Set(), acls: [], asks: [] }));
    if (first.ruleNumber !== undefined) g.ruleNumbers.add(first.ruleNumber);
    g.asks.push(ask);
    return;
  }
  const survive = result.verdict === 'reachable' ? result.admitted?.returnPorts : undefined;
  if (!survive) return;
  const aclOf = (subnetId: string | undefined) => {
    const s = subnetId ? d.subnets[subnetId] : undefined;
    const acl = s && restrictive(d, s.id) ? networkAclOf(d, s) : undefined;
    return acl ? { id: acl.id, name: acl.name } : undefined;
  };
  const server = aclOf(ask.eni.subnetId);
  const client = aclOf(ask.sourceEni?.subnetId);
  const acls = server ? [server] : [];
  if (client && client.id !== server?.id) acls.push(client);
  const ids = [server?.id ?? '', client?.id ?? (ask.sourceEni ? '' : 'internet'), protocol, idRange(survive.slice(protocol.length + 1))];
  const key = `partial|${ids.join('|')}`;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { kind: 'partial', ids, protocol, range: survive, ruleNumbers: new Set(), acls, asks: [] }));
  g.asks.push(ask);
}

const flowText = (a: Ask) => `${a.sourceName} -> ${a.dest.name} ${a.flow.protocol} ${a.flow.port}`;

/** "web-1 -> db-1 tcp 5432" for one flow, "37 flows, e.g. web-1 -> db-1 tcp 5432" for more. */
function flowsText(asks: readonly Ask[]): string {
  return asks.length === 1 ? flowText(asks[0]!) : `${asks.length} flows, e.g. ${flowText(asks[0]!)}`;
}

/** The resources of the flows, servers first, each once. */
function resourcesOf(asks: readonly Ask[]): string[] {
  const ids = new Set<string>();
  for (const a of asks) ids.add(a.dest.id);
  for (const a of asks) if (a.source.kind === 'resource') ids.add(a.sourceId);
  return [...ids];
}

function toFinding(g: Group): Finding {
  const resourceIds = resourcesOf(g.asks);
  const targets = resourceIds.map(resourceTarget);
  if (g.kind === 'blocked') {
    const b = g.blocker!;
    const rules = [...g.ruleNumbers].sort((x, y) => x - y);
    const ruleText = rules.length === 0 ? '' : `, rule${rules.length === 1 ? '' : 's'} ${rules.join(', ')}`;
    // An outbound block sits on the servers' subnet and drops replies to the clients; an inbound one on the clients' subnet.
    const peers = listNames([...new Set(g.asks.map((a) => (b.direction === 'outbound' ? a.sourceName : a.dest.name)))]);
    return makeFinding(naclReturnPath, {
      ids: g.ids,
      message: `${b.componentName} (${b.direction}${ruleText}) drops replies on ${g.range} for ${flowsText(g.asks)}: the security groups allow ${g.asks.length === 1 ? 'it' : 'them'} and the request gets in`,
      risk: `The security groups allow the flow and the request arrives, so the connection hangs instead of being refused: an outage that is hard to diagnose.`,
      fix: `Allow the reply in ${b.componentName}: ${b.direction} ${g.protocol} 1024-65535 ${b.direction === 'outbound' ? 'to the clients' : 'from the servers'} (${peers}; the range covers Linux, Windows, ELB and NAT clients).`,
      targets: [aclTarget(b.componentId, rules[0], b.direction === 'outbound'), ...targets],
      resourceIds,
    });
  }
  const names = g.acls.map((a) => a.name).join(', ');
  return makeFinding(naclReturnPath, {
    ids: g.ids,
    severity: 'low',
    message: `Replies get back only on ${g.range} of the client's ephemeral range for ${flowsText(g.asks)}; the rest is dropped by a NACL on the way back${names ? ` (${names})` : ''}`,
    risk: `Connections whose client picks a port outside the surviving range hang, so the flow fails intermittently.`,
    fix: `Widen the NACL reply rules to ${g.protocol} 1024-65535 on both subnets' ACLs (outbound on the server's, inbound on the client's)${names ? `: ${names}` : ''}.`,
    targets: [...g.acls.map((a) => aclTarget(a.id)), ...targets],
    resourceIds,
  });
}
