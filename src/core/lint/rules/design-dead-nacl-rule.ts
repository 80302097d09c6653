/**
 * Dead NACL entries: an entry whose every packet (addresses x traffic) a lower-numbered entry of the
 * same direction and family matches first, so it never decides anything. The union of the earlier
 * entries is checked, not one entry: 100 allows tcp 0-1023 and 110 allows tcp 1024-65535 together
 * make a later "deny tcp 22" dead. Addresses are cut at every earlier block's edges, and each
 * piece must have the entry's traffic covered by the entries whose block holds that piece.
 */
import type { NetworkAcl, NetworkAclEntry } from '../../model/types.ts';
import { removeNetworkAclEntry } from '../../model/commands/network-acl.ts';
import { TrafficSet, type Cidr } from '../../net/index.ts';
import type { Finding, LintRule, Severity } from '../types.ts';
import { aclTarget, listNames, makeFinding, quickFix, subnetTarget } from '../finding.ts';
import { orderedEntries, subnetsUsingAcl } from '../match/nacl.ts';
import { describeMatch, ruleTraffic } from '../match/rule-traffic.ts';
import { cidrOf } from '../match/world.ts';

const ID = 'design-dead-nacl-rule';

interface Parsed {
  entry: NetworkAclEntry;
  cidr: Cidr;
  traffic: TrafficSet;
}

/** The earlier entries that decide part of `e` (overlap it), when together they decide all of it; else undefined. */
export function deciders(e: Parsed, earlier: readonly Parsed[]): Parsed[] | undefined {
  const overlapping = earlier.filter((x) => x.cidr.family === e.cidr.family && x.cidr.first <= e.cidr.last && e.cidr.first <= x.cidr.last && x.traffic.overlaps(e.traffic));
  if (overlapping.length === 0) return undefined;
  const cuts = new Set<bigint>([e.cidr.first]);
  for (const x of overlapping) {
    if (x.cidr.first > e.cidr.first) cuts.add(x.cidr.first);
    if (x.cidr.last < e.cidr.last) cuts.add(x.cidr.last + 1n);
  }
  for (const start of cuts) {
    let covered = TrafficSet.empty();
    for (const x of overlapping) if (x.cidr.first <= start && start <= x.cidr.last) covered = covered.union(x.traffic);
    if (!covered.containsSet(e.traffic)) return undefined;
  }
  return overlapping;
}

function parse(entry: NetworkAclEntry): Parsed | undefined {
  const cidr = cidrOf(entry.cidr);
  return cidr ? { entry, cidr, traffic: ruleTraffic(entry.match) } : undefined;
}

function deadEntries(acl: NetworkAcl, egress: boolean): Array<{ dead: Parsed; by: Parsed[] }> {
  const earlier: Parsed[] = [];
  const out: Array<{ dead: Parsed; by: Parsed[] }> = [];
  for (const entry of orderedEntries(acl, egress)) {
    const p = parse(entry);
    if (!p) continue;
    const by = p.traffic.isEmpty() ? undefined : deciders(p, earlier);
    if (by) out.push({ dead: p, by });
    earlier.push(p);
  }
  return out;
}

export const deadNaclRule: LintRule = {
  id: ID,
  title: 'Dead network-ACL rule (a lower-numbered rule always decides first)',
  severity: 'low',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    for (const acl of Object.values(d.networkAcls)) {
      const subnets = subnetsUsingAcl(d, acl.id);
      for (const egress of [false, true]) {
        for (const { dead, by } of deadEntries(acl, egress)) {
          const e = dead.entry;
          const opposite = by.filter((x) => x.entry.action !== e.action);
          // A dead deny that an earlier allow overrides is a block that never happens.
          const severity: Severity = e.action === 'deny' && opposite.length > 0 ? 'medium' : 'low';
          const dir = egress ? 'outbound' : 'inbound';
          const numbers = listNames(by.map((x) => `${x.entry.ruleNumber} (${x.entry.action} ${describeMatch(x.entry.match)} ${x.entry.cidr})`));
          out.push(
            makeFinding(deadNaclRule, {
              ids: [acl.id, dir, e.ruleNumber],
              severity,
              message: `${acl.name} ${dir} rule ${e.ruleNumber} (${e.action} ${describeMatch(e.match)} ${egress ? 'to' : 'from'} ${e.cidr}) never applies: lower-numbered ${by.length === 1 ? 'rule' : 'rules'} ${numbers} ${by.length === 1 ? 'decides' : 'decide'} all of its traffic first`,
              risk:
                severity === 'medium'
                  ? `The deny looks like a block but never takes effect, because an earlier rule already allows the same traffic.`
                  : `The rule is dead weight that misleads reviewers about what the ACL does and counts against the 20-rule quota.`,
              fix:
                e.action === 'deny' && opposite.length > 0
                  ? `Renumber the deny below rule ${Math.min(...opposite.map((x) => x.entry.ruleNumber))} so it is evaluated first, or remove it.`
                  : `Remove rule ${e.ruleNumber}, or renumber it if it was meant to take precedence.`,
              targets: [aclTarget(acl.id, e.ruleNumber, egress), ...subnets.map((s) => subnetTarget(s.id))],
              resourceIds: Object.values(d.resources)
                .filter((r) => r.enis.some((x) => subnets.some((s) => s.id === x.subnetId)))
                .map((r) => r.id),
              quickFix: quickFix(`Remove dead rule ${e.ruleNumber}`, (design) => removeNetworkAclEntry(design, acl.id, egress, e.ruleNumber)),
            }),
          );
        }
      }
    }
    return out;
  },
};
