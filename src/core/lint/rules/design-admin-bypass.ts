/**
 * Admin path bypasses the bastion: a private-tier host admits an admin port (SSH, RDP, Telnet, VNC,
 * WinRM) from something other than the bastion's group or a VPN/corporate range. Accepted peers: a
 * group carried by a bastion (role, or a bastion/jump name), a block inside a named external
 * network (corporate, VPN), a block outside every VPC of the design (on-premises over a VPN the
 * design does not model). Anything else inside the design's address space is a second way in.
 * World rules are left to the scanner checks (admin port open to the world).
 */
import type { Design, Resource, RulePeer } from '../../model/types.ts';
import { AddressSet } from '../../net/index.ts';
import type { Finding, LintRule } from '../types.ts';
import { listNames, makeFinding, peerLabel, resourceTarget, ruleTarget } from '../finding.ts';
import { exposureTier, publicAddressInPublicSubnet } from '../match/exposure.ts';
import { ADMIN_PORTS, describePorts } from '../match/ports.ts';
import { openPorts } from '../match/rule-traffic.ts';
import { cidrOf, isWorldPeer } from '../match/world.ts';
import { designMemo } from '../design-memo.ts';
import { designTierOf, isBastionGroup, peerMatchesEni, peerSpace } from './design-support.ts';

const ID = 'design-admin-bypasses-bastion';

function vpnSpace(d: Design, family: 4 | 6): AddressSet {
  return designMemo(d, `vpnSpace${family}`, () => {
    let set = AddressSet.empty(family);
    for (const n of Object.values(d.externalNetworks)) {
      for (const c of n.cidrs.map(cidrOf)) if (c && c.family === family) set = set.union(AddressSet.fromCidr(c));
    }
    return set;
  });
}

function designSpace(d: Design, family: 4 | 6): AddressSet {
  return designMemo(d, `designSpace${family}`, () => {
    let set = AddressSet.empty(family);
    for (const v of Object.values(d.vpcs)) {
      for (const c of [...v.cidrs, ...v.ipv6Cidrs].map(cidrOf)) if (c && c.family === family) set = set.union(AddressSet.fromCidr(c));
    }
    return set;
  });
}

/** Whether the peer is an accepted admin source. */
function accepted(d: Design, peer: RulePeer): boolean {
  const space = peerSpace(d, peer);
  if (space.kind === 'group') return isBastionGroup(d, space.groupId);
  if (space.kind === 'unknown') return true;
  if (vpnSpace(d, space.family).containsSet(space.set)) return true;
  return !space.set.overlaps(designSpace(d, space.family));
}

export const adminBypassesBastion: LintRule = {
  id: ID,
  title: 'Admin access to a private tier that bypasses the bastion',
  severity: 'high',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    const seen = new Set<string>();
    const resources = Object.values(d.resources);
    const isPrivate = (r: Resource) => {
      const tier = designTierOf(d, r);
      if (tier === 'bastion' || tier === 'lb' || tier === 'function') return false;
      return tier === 'app' || tier === 'data' || !publicAddressInPublicSubnet(ctx, r);
    };
    for (const target of resources.filter(isPrivate)) {
      for (const gid of new Set(target.enis.flatMap((e) => e.securityGroupIds))) {
        const group = d.securityGroups[gid];
        for (const rule of group?.ingress ?? []) {
          const ports = openPorts(rule.match).intersect(ADMIN_PORTS);
          if (ports.isEmpty() || isWorldPeer(rule.peer) || accepted(d, rule.peer)) continue;
          if (seen.has(`${gid}/${rule.id}`)) continue;
          seen.add(`${gid}/${rule.id}`);
          const hosts = resources.filter((r) => r.id !== target.id && r.kind !== 'load-balancer' && r.enis.some((e) => peerMatchesEni(d, rule.peer, e)));
          const members = resources.filter((r) => isPrivate(r) && r.enis.some((e) => e.securityGroupIds.includes(gid)));
          const exposed = hosts.filter((h) => exposureTier(ctx, h) === 'public-reachable');
          out.push(
            makeFinding(adminBypassesBastion, {
              ids: [gid, rule.id],
              severity: exposed.length > 0 ? 'high' : 'medium',
              message: `${group!.name} admits ${describePorts(ports)} from ${peerLabel(d, rule)} on ${listNames(members.map((m) => m.name))}, not from the bastion or a VPN range${hosts.length > 0 ? ` (${listNames(hosts.map((h) => h.name))} can log in directly)` : ''}`,
              risk:
                exposed.length > 0
                  ? `${listNames(exposed.map((h) => h.name))} ${exposed.length === 1 ? 'is' : 'are'} reachable from the Internet, so compromising ${exposed.length === 1 ? 'it' : 'one'} gives an admin session on the private tier without passing the bastion's controls and logs.`
                  : `Admin sessions reach the private tier without passing the bastion, so its access controls, MFA and session logs can be sidestepped.`,
              fix: `Admit ${describePorts(ports)} in ${group!.name} only from the bastion's security group (or the VPN/corporate CIDR), and remove ${peerLabel(d, rule)}.`,
              targets: [ruleTarget(gid, 'ingress', rule.id), ...members.map((m) => resourceTarget(m.id))],
              resourceIds: [...members.map((m) => m.id), ...hosts.map((h) => h.id)],
            }),
          );
        }
      }
    }
    return out;
  },
};
