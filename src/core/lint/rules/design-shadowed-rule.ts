/**
 * Shadowed or duplicate security-group rules: a rule whose traffic and peer another rule of the
 * same direction covers entirely, on every interface that carries it (the other rule may sit in
 * another group on that interface). Security groups are allow-only and merged per interface, so
 * such a rule changes nothing and only hides what the group really allows.
 *
 * Peers compare as sets: blocks and prefix lists by address containment (same family); a group
 * reference is covered only by the same reference, or by blocks holding every member's private
 * addresses (membership can change, so a block is never covered by a reference). Of two equal
 * rules, the one later in a stable order (groups on more interfaces first, then id, then position)
 * is reported, so exactly one of a duplicate pair is.
 *
 * The default group's rules take no part, neither shadowed nor shadowing: the default-group checks
 * already say to remove them all (EC2.2), and a dedicated group's rule is the one to keep.
 */
import type { Design, Eni, SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { removeRules } from '../../model/commands/rules.ts';
import type { TrafficSet } from '../../net/index.ts';
import type { Finding, LintRule } from '../types.ts';
import { makeFinding, membersOf, peerLabel, quickFix, ruleTarget } from '../finding.ts';
import { describeMatch, ruleTraffic } from '../match/rule-traffic.ts';
import { enisOfGroup, groupAddresses, peerSpace, type PeerSpace } from './design-support.ts';

const ID = 'design-shadowed-rule';

interface Item {
  group: SecurityGroup;
  direction: 'ingress' | 'egress';
  rule: SecurityGroupRule;
  order: number;
  traffic: TrafficSet;
  peer: PeerSpace;
}

function peerCovers(d: Design, outer: PeerSpace, inner: PeerSpace): boolean {
  if (outer.kind === 'unknown' || inner.kind === 'unknown') return false;
  if (inner.kind === 'group') {
    if (outer.kind === 'group') return outer.groupId === inner.groupId;
    const members = groupAddresses(d, inner.groupId);
    const other = outer.family === 4 ? 6 : 4;
    if (members[outer.family].isEmpty() || !members[other].isEmpty()) return false;
    return outer.set.containsSet(members[outer.family]);
  }
  return outer.kind === 'addresses' && outer.family === inner.family && outer.set.containsSet(inner.set);
}

function covers(d: Design, a: Item, b: Item): boolean {
  return a.traffic.containsSet(b.traffic) && peerCovers(d, a.peer, b.peer);
}

/** `a` makes `b` redundant: covers it, and of two equal rules `a` comes first. */
function shadows(d: Design, a: Item, b: Item): boolean {
  return a !== b && covers(d, a, b) && (a.order < b.order || !covers(d, b, a));
}

export const shadowedRule: LintRule = {
  id: ID,
  title: 'Shadowed or duplicate security-group rule',
  severity: 'low',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const groups = Object.values(d.securityGroups).filter((g) => !g.isDefault).sort(
      (a, b) => enisOfGroup(d, b.id).length - enisOfGroup(d, a.id).length || a.id.localeCompare(b.id),
    );
    const items: Item[] = [];
    for (const group of groups) {
      for (const direction of ['ingress', 'egress'] as const) {
        for (const rule of group[direction]) {
          items.push({ group, direction, rule, order: items.length, traffic: ruleTraffic(rule.match), peer: peerSpace(d, rule.peer) });
        }
      }
    }
    const byGroup = new Map<string, Item[]>();
    for (const it of items) byGroup.set(`${it.group.id}/${it.direction}`, [...(byGroup.get(`${it.group.id}/${it.direction}`) ?? []), it]);

    const out: Finding[] = [];
    for (const b of items) {
      if (b.traffic.isEmpty()) continue;
      const same = (byGroup.get(`${b.group.id}/${b.direction}`) ?? []).find((a) => shadows(d, a, b));
      let by: Item | undefined = same;
      if (!by) {
        const enis = enisOfGroup(d, b.group.id).map((m) => m.eni);
        if (enis.length === 0) continue;
        const witnesses = enis.map((eni) => coverOn(d, eni, b, byGroup));
        if (witnesses.some((w) => !w)) continue;
        by = witnesses[0];
      }
      if (!by) continue;
      const duplicate = covers(d, b, by);
      const where = by.group.id === b.group.id ? '' : ` of ${by.group.name} (on the same interfaces)`;
      out.push(
        makeFinding(shadowedRule, {
          ids: [b.group.id, b.direction, b.rule.id],
          message: `${b.group.name} ${b.direction} rule ${describeMatch(b.rule.match)} ${b.direction === 'ingress' ? 'from' : 'to'} ${peerLabel(d, b.rule)} is ${duplicate ? 'a duplicate of' : 'covered by'} ${describeMatch(by.rule.match)} ${b.direction === 'ingress' ? 'from' : 'to'} ${peerLabel(d, by.rule)}${where}`,
          risk: `The rule changes nothing, so a reviewer who narrows or removes the covering rule expects this one to keep the access, and the group reads wider or narrower than it is.`,
          fix: `Remove the redundant rule from ${b.group.name}, or narrow the covering rule if it admits more than intended.`,
          targets: [ruleTarget(b.group.id, b.direction, b.rule.id), ruleTarget(by.group.id, by.direction, by.rule.id)],
          resourceIds: membersOf(d, b.group.id).map((r) => r.id),
          quickFix: quickFix(`Remove the ${duplicate ? 'duplicate' : 'shadowed'} rule`, (design) => removeRules(design, b.group.id, b.direction, [b.rule.id])),
        }),
      );
    }
    return out;
  },
};

/** A rule of another group on the interface that shadows `b`. */
function coverOn(d: Design, eni: Eni, b: Item, byGroup: Map<string, Item[]>): Item | undefined {
  for (const gid of eni.securityGroupIds) {
    if (gid === b.group.id) continue;
    const hit = (byGroup.get(`${gid}/${b.direction}`) ?? []).find((a) => shadows(d, a, b));
    if (hit) return hit;
  }
  return undefined;
}
