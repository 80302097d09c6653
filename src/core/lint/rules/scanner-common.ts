/** Pieces the scanner rules share: world-open ingress rules, their members' real exposure, and the usual quick fixes. */
import type { Design, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { removeRules, updateRule } from '../../model/commands/rules.ts';
import { sameMatch } from '../../model/match-check.ts';
import type { PortSet } from '../../net/index.ts';
import { PROTOCOL_TCP, PROTOCOL_UDP, TrafficSet } from '../../net/index.ts';
import type { Finding, LintContext, LintRule, Severity } from '../types.ts';
import { allGroupRules, groupTarget, makeFinding, listNames, membersOf, quickFix, ruleTarget, type Direction, type GroupRule } from '../finding.ts';
import type { FindingTarget, QuickFix } from '../types.ts';
import { isWorldPeer, peerCidr } from '../match/world.ts';
import { coversAllPorts, describeMatch, protocolOf } from '../match/rule-traffic.ts';
import { describePorts } from '../match/ports.ts';
import { describeTier, exposureTier, severityFor, worstTier, type ExposureTier, type SeverityLadder } from '../match/exposure.ts';

/** Every ingress rule that admits the world (0.0.0.0/0 or ::/0). */
export function worldIngressRules(d: Design): GroupRule[] {
  return allGroupRules(d, 'ingress').filter((x) => isWorldPeer(x.rule.peer));
}

/** The tcp and udp traffic of some ports: what the engine is asked about for a port finding. */
export function portTraffic(ports: PortSet): TrafficSet {
  return TrafficSet.fromProtocol(PROTOCOL_TCP, ports).union(TrafficSet.fromProtocol(PROTOCOL_UDP, ports));
}

/** The members of a group and how exposed the worst of them is to some traffic. */
export interface MemberExposure {
  names: string[];
  resourceIds: string[];
  tier: ExposureTier;
}

export function memberExposure(ctx: LintContext, groupId: string, traffic: TrafficSet): MemberExposure {
  const members = membersOf(ctx.design, groupId);
  return {
    names: members.map((m) => m.name),
    resourceIds: members.map((m) => m.id),
    tier: worstTier(members.map((m) => exposureTier(ctx, m, traffic))),
  };
}

/** " on web-1, web-2 (reachable from the Internet)" or " (no members)". */
export function onMembers(m: MemberExposure): string {
  return m.names.length === 0 ? ' (no members)' : ` on ${listNames(m.names)} (${describeTier(m.tier)})`;
}

/** Severity from the ladder, or its bottom when the group has no members. */
export function ladderSeverity(m: MemberExposure, ladder: SeverityLadder): Severity {
  return severityFor(m.names.length === 0 ? 'private' : m.tier, ladder);
}

/** "tcp 22 (SSH)" or "tcp 22 (SSH), 23 (Telnet) (rule tcp 20-25)" or "all traffic (including 22 (SSH))". */
export function portsPhrase(rule: SecurityGroupRule, ports: PortSet): string {
  const n = protocolOf(rule.match);
  const whole = describeMatch(rule.match);
  if (n !== PROTOCOL_TCP && n !== PROTOCOL_UDP) return `${whole} (including ${describePorts(ports)})`;
  const shown = `${rule.match.protocol} ${describePorts(ports)}`;
  const { from, to } = rule.match.ports ?? { from: 0, to: 65535 };
  return ports.size() === to - from + 1 ? shown : `${shown} (rule ${whole})`;
}

/** Targets of a rule finding: the rule first, then its group. */
export function ruleTargets(x: GroupRule): FindingTarget[] {
  return [ruleTarget(x.group.id, x.direction, x.rule.id), groupTarget(x.group.id)];
}

/** Quick fix: remove the rule. */
export function removeRuleFix(x: GroupRule): QuickFix {
  return quickFix(`Remove this rule from ${x.group.name}`, (d) => removeRules(d, x.group.id, x.direction, [x.rule.id]));
}

/** The VPC CIDR of the same family as the rule's peer, or undefined. */
export function vpcCidrFor(d: Design, group: SecurityGroup, rule: SecurityGroupRule): string | undefined {
  const vpc = d.vpcs[group.vpcId];
  const family = peerCidr(rule.peer)?.family ?? 4;
  return family === 6 ? vpc?.ipv6Cidrs[0] : vpc?.cidrs[0];
}

/**
 * Quick fix: narrow the rule's peer to the VPC's CIDR of the same family (keeping traffic and
 * description); removes the rule when the VPC has no such CIDR or the group already has that rule.
 */
export function narrowToVpcFix(d0: Design, x: GroupRule): QuickFix {
  const target = vpcCidrFor(d0, x.group, x.rule);
  if (!target) return removeRuleFix(x);
  return quickFix(`Narrow ${x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : 'the source'} to the VPC CIDR ${target}`, (d) => {
    const group = d.securityGroups[x.group.id];
    const dup = group?.[x.direction].some((r) => r.id !== x.rule.id && r.peer.kind === 'cidr' && r.peer.cidr === target && sameMatch(r.match, x.rule.match));
    if (dup) return removeRules(d, x.group.id, x.direction, [x.rule.id]);
    const input = { match: x.rule.match, peer: { kind: 'cidr' as const, cidr: target }, ...(x.rule.description ? { description: x.rule.description } : {}) };
    return updateRule(d, x.group.id, x.direction, x.rule.id, input);
  });
}

/** Whether a rule opens every port (then the all-ports finding speaks for it). */
export const isAllPortsRule = (x: GroupRule): boolean => coversAllPorts(x.rule.match);

export type { Direction };

/** How one world-open-port rule differs from the others: which ports count, how bad, what to say. */
export interface WorldPortCheck {
  /** The ports of a world rule this check reports; empty means no finding. */
  portsOf: (x: GroupRule, d: Design) => PortSet;
  ladder: SeverityLadder;
  risk: string;
  fix: string;
  quickFix: (d: Design, x: GroupRule) => QuickFix;
}

/** Findings for world-open ingress rules on the ports a check cares about, severity from real exposure. */
export function worldPortFindings(rule: LintRule, ctx: LintContext, check: WorldPortCheck): Finding[] {
  return worldIngressRules(ctx.design).flatMap((x) => {
    const ports = check.portsOf(x, ctx.design);
    if (ports.isEmpty()) return [];
    const m = memberExposure(ctx, x.group.id, portTraffic(ports));
    const cidr = x.rule.peer.kind === 'cidr' ? x.rule.peer.cidr : '';
    return [
      makeFinding(rule, {
        ids: [x.group.id, x.rule.id],
        severity: ladderSeverity(m, check.ladder),
        message: `${x.group.name} admits ${portsPhrase(x.rule, ports)} from ${cidr}${onMembers(m)}`,
        risk: check.risk,
        fix: check.fix,
        targets: ruleTargets(x),
        resourceIds: m.resourceIds,
        quickFix: check.quickFix(ctx.design, x),
      }),
    ];
  });
}
