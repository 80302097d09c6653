/**
 * Connections: what the security groups let one party open to another, grouped the way people
 * draw them. One connection per (source, target group): the source is a group (its members) or an
 * external network (the Internet for 0.0.0.0/0, CorpNet for its CIDRs); its rules are the target
 * group's ingress rules naming that source, plus the source group's matching egress rules. Deleting
 * a connection deletes exactly those rules. This is what the groups allow, not reachability.
 */
import type { Design, RuleRef, SecurityGroupRule, TrafficMatch } from '../../core/model/index.ts';
import { groupMembers, sameMatch } from '../../core/model/index.ts';

export interface Connection {
  /** Stable while the rules stand: `sg-web>sg-db` or `corpnet>sg-db`. */
  key: string;
  /** The source group, when the source is a group. */
  sourceGroupId?: string;
  /** The external network, when the source is one. */
  sourceNetworkId?: string;
  targetGroupId: string;
  /** `tcp 5432`, `tcp 22, 3389`, `all traffic`. */
  label: string;
  rules: RuleRef[];
  /** Nodes the connection starts from (group members or the network) and ends at (target members). */
  sources: string[];
  targets: string[];
}

function networksFor(d: Design, cidr: string): string[] {
  const world = cidr === '0.0.0.0/0' || cidr === '::/0';
  return Object.values(d.externalNetworks)
    .filter((n) => (world ? n.kind === 'internet' : n.cidrs.includes(cidr)))
    .map((n) => n.id);
}

/** `tcp 22, 3389 · udp 53`: ports per protocol, in the order the rules list them. */
export function portsLabel(matches: readonly TrafficMatch[]): string {
  const byProtocol = new Map<string, string[]>();
  for (const m of matches) {
    const protocol = m.protocol === 'all' ? 'all traffic' : String(m.protocol);
    const list = byProtocol.get(protocol) ?? [];
    const ports = m.ports ? (m.ports.from === m.ports.to ? `${m.ports.from}` : m.ports.from === 0 && m.ports.to === 65535 ? 'all' : `${m.ports.from}-${m.ports.to}`) : '';
    if (ports && !list.includes(ports)) list.push(ports);
    byProtocol.set(protocol, list);
  }
  return [...byProtocol.entries()].map(([p, ports]) => (ports.length ? `${p} ${ports.join(', ')}` : p)).join(' · ');
}

/** Every connection of the design (self-references, like the default group's, are left out). */
export function connections(d: Design): Connection[] {
  const out = new Map<string, Connection & { matches: TrafficMatch[] }>();
  for (const group of Object.values(d.securityGroups)) {
    if (group.ingress.length === 0) continue;
    const targets = groupMembers(d, group.id).map((r) => r.id);
    if (targets.length === 0) continue;
    const add = (sourceKey: string, sources: string[], rule: SecurityGroupRule, sourceGroupId?: string) => {
      const key = `${sourceKey}>${group.id}`;
      let c = out.get(key);
      if (!c) {
        c = { key, targetGroupId: group.id, label: '', rules: [], sources, targets, matches: [] };
        if (sourceGroupId) c.sourceGroupId = sourceGroupId;
        else c.sourceNetworkId = sourceKey;
        out.set(key, c);
      }
      c.rules.push({ groupId: group.id, direction: 'ingress', ruleId: rule.id });
      c.matches.push(rule.match);
    };
    for (const rule of group.ingress) {
      const p = rule.peer;
      if (p.kind === 'security-group') {
        if (p.groupId === group.id) continue;
        const sources = groupMembers(d, p.groupId).map((r) => r.id);
        if (sources.length) add(p.groupId, sources, rule, p.groupId);
      } else if (p.kind === 'cidr') {
        for (const n of networksFor(d, p.cidr)) add(n, [n], rule);
      }
    }
  }
  for (const c of out.values()) {
    c.label = portsLabel(c.matches);
    // The source's matching egress rules belong to the connection too: deleting it deletes both halves.
    const source = c.sourceGroupId ? d.securityGroups[c.sourceGroupId] : undefined;
    for (const r of source?.egress ?? []) {
      if (r.peer.kind === 'security-group' && r.peer.groupId === c.targetGroupId && c.matches.some((m) => sameMatch(m, r.match))) {
        c.rules.push({ groupId: source!.id, direction: 'egress', ruleId: r.id });
      }
    }
  }
  return [...out.values()].map(({ matches: _m, ...c }) => c);
}

/** The node pairs a connection is drawn between (sources × targets, a resource never to itself). */
export function connectionPairs(c: Pick<Connection, 'sources' | 'targets'>): Array<[string, string]> {
  return c.sources.flatMap((s) => c.targets.filter((t) => t !== s).map((t): [string, string] => [s, t]));
}

/** A sentence for a connection: `WebSG → AppSG: tcp 8080`. */
export function connectionTitle(d: Design, c: Connection): string {
  const from = c.sourceGroupId ? (d.securityGroups[c.sourceGroupId]?.name ?? c.sourceGroupId) : (d.externalNetworks[c.sourceNetworkId!]?.name ?? c.sourceNetworkId);
  return `${from} → ${d.securityGroups[c.targetGroupId]?.name ?? c.targetGroupId}: ${c.label}`;
}

/** The connection with this key, if its rules still stand. */
export function connectionByKey(d: Design, key: string | null): Connection | undefined {
  return key ? connections(d).find((c) => c.key === key) : undefined;
}

/** Whether deleting a connection changes more than one drawn pair (other members lose access too). */
export function affectsOthers(c: Connection): boolean {
  return connectionPairs(c).length > 1;
}
