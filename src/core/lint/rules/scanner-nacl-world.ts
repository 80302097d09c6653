/**
 * Network ACLs that let the world in, read in rule-number order: an allow counts only for the
 * traffic no lower-numbered world entry decides first. One check for entries that allow every port,
 * one for the admin ports allowed by narrower entries. Both medium on any ACL that serves a
 * subnet, as Security Hub grades EC2.21 (the default ACL fails it too): a subnet without a route
 * from the Internet today gets one with a single route-table edit, and the ACL is its last filter.
 */
import type { Design, NetworkAcl, NetworkAclEntry } from '../../model/types.ts';
import type { LintRule } from '../types.ts';
import { setNetworkAclEntry } from '../../model/commands/network-acl.ts';
import type { CommandResult } from '../../model/commands/common.ts';
import { ok } from '../../model/result.ts';
import { PROTOCOL_TCP, PROTOCOL_UDP } from '../../net/index.ts';
import { aclTarget, listNames, makeFinding, quickFix, subnetTarget } from '../finding.ts';
import { effectiveWorldAllows, subnetsUsingAcl, type DecidedEntry } from '../match/nacl.ts';
import { coversAllPorts, describeMatch, portsOfTraffic } from '../match/rule-traffic.ts';
import { ADMIN_PORTS, describePorts } from '../match/ports.ts';

const ANCHORS = ['EC2.21', 'CIS 5.1', 'CKV_AWS_229', 'CKV_AWS_230', 'CKV_AWS_231', 'CKV_AWS_232', 'CKV_AWS_352', 'AVD-AWS-0102', 'AVD-AWS-0105'];

interface AclUse {
  subnetIds: string[];
  names: string;
}

/** The subnets using the ACL, or undefined when it serves none (the unused-ACL check's business). */
function aclUse(d: Design, acl: NetworkAcl): AclUse | undefined {
  const subnets = subnetsUsingAcl(d, acl.id);
  if (subnets.length === 0) return undefined;
  return { subnetIds: subnets.map((s) => s.id), names: listNames(subnets.map((s) => s.name)) };
}

function residents(d: Design, subnetIds: string[]): string[] {
  const set = new Set(subnetIds);
  return Object.values(d.resources).filter((r) => r.enis.some((e) => set.has(e.subnetId))).map((r) => r.id);
}

const partly = (x: DecidedEntry) => (x.decides.equals(x.traffic) ? '' : ' (less what lower-numbered rules decide first)');

export const naclAllPortsFromWorld: LintRule = {
  id: 'nacl-all-ports-world',
  title: 'Network ACL allows all ports from the world',
  severity: 'medium',
  anchors: [...ANCHORS, 'Prowler ec2_networkacl_allow_ingress_any_port'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.networkAcls).flatMap((acl) => {
      const use = aclUse(d, acl);
      if (!use) return [];
      return effectiveWorldAllows(acl, false)
        .filter((x) => coversAllPorts(x.entry.match))
        .map((x) =>
          makeFinding(this, {
            ids: [acl.id, 'ingress', x.entry.ruleNumber],
            message: `Network ACL ${acl.name} rule ${x.entry.ruleNumber} allows ${describeMatch(x.entry.match)} in from ${x.entry.cidr}${partly(x)} on ${use.names}`,
            risk: 'The subnet boundary filters nothing from the Internet: one permissive security group is all that stands between the world and every host in these subnets.',
            fix: 'Allow in only the ports the subnets serve (443, 80, the ephemeral return range) and deny the rest, or add deny rules for admin and database ports ahead of this rule.',
            targets: [aclTarget(acl.id, x.entry.ruleNumber, false), ...use.subnetIds.map(subnetTarget)],
            resourceIds: residents(d, use.subnetIds),
          }),
        );
    });
  },
};

/** Free rule numbers below `below`, highest first. */
function freeNumbers(acl: NetworkAcl, egress: boolean, below: number): number[] {
  const taken = new Set(acl.entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  const out: number[] = [];
  for (let n = below - 1; n >= 1 && out.length < 20; n--) if (!taken.has(n)) out.push(n);
  return out;
}

/** Deny entries for the admin ports an entry lets in, placed just ahead of it. */
function denyAdminFix(acl: NetworkAcl, x: DecidedEntry) {
  return quickFix(`Deny admin ports from ${x.entry.cidr} ahead of rule ${x.entry.ruleNumber}`, (d): CommandResult => {
    const cur = d.networkAcls[acl.id] ?? acl;
    const denies: NetworkAclEntry[] = [];
    const numbers = freeNumbers(cur, false, x.entry.ruleNumber);
    for (const p of [PROTOCOL_TCP, PROTOCOL_UDP]) {
      for (const { from, to } of x.decides.portsFor(p).intersect(ADMIN_PORTS).toRanges()) {
        const ruleNumber = numbers[denies.length];
        if (ruleNumber === undefined) break;
        denies.push({ ruleNumber, egress: false, action: 'deny', cidr: x.entry.cidr, match: { protocol: p === PROTOCOL_TCP ? 'tcp' : 'udp', ports: { from, to } } });
      }
    }
    let r: CommandResult = ok(d);
    for (const e of denies) {
      if (!r.ok) return r;
      r = setNetworkAclEntry(r.value, acl.id, e);
    }
    return r;
  });
}

export const naclAdminPortFromWorld: LintRule = {
  id: 'nacl-admin-port-world',
  title: 'Network ACL allows admin ports from the world',
  severity: 'medium',
  anchors: [...ANCHORS, 'Prowler ec2_networkacl_allow_ingress_tcp_port_22', 'Prowler ec2_networkacl_allow_ingress_tcp_port_3389'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    // Entries that allow every port get the all-ports finding, which covers their admin ports.
    return Object.values(d.networkAcls).flatMap((acl) => {
      const use = aclUse(d, acl);
      if (!use) return [];
      return effectiveWorldAllows(acl, false).flatMap((x) => {
        if (coversAllPorts(x.entry.match)) return [];
        const ports = portsOfTraffic(x.decides).intersect(ADMIN_PORTS);
        if (ports.isEmpty()) return [];
        return [
          makeFinding(this, {
            ids: [acl.id, 'ingress', x.entry.ruleNumber],
            message: `Network ACL ${acl.name} rule ${x.entry.ruleNumber} allows ${describePorts(ports)} in from ${x.entry.cidr} (rule ${describeMatch(x.entry.match)}) on ${use.names}`,
            risk: 'Remote administration from anywhere passes the subnet boundary; only the security groups stop brute-force and exploits.',
            fix: 'Deny the admin ports from the world in a lower-numbered rule, or narrow the rule to the admin network.',
            targets: [aclTarget(acl.id, x.entry.ruleNumber, false), ...use.subnetIds.map(subnetTarget)],
            resourceIds: residents(d, use.subnetIds),
            quickFix: denyAdminFix(acl, x),
          }),
        ];
      });
    });
  },
};
