/**
 * The cheap first reading of design-nacl-return-path: whether a flow between two interfaces of
 * one VPC could be a finding at all, read from the two subnets' ACLs only.
 * - The request must get through: the client's ACL (outbound, toward the server's address) and
 *   the server's (inbound, from the client's) allow the port. If either drops it, the engine
 *   reports a forward block, which is no return-path finding.
 * - Some of the reply must be cut: it leaves the server's subnet (outbound, toward the client)
 *   and enters the client's (inbound, from the server) on the client's ephemeral ports; when both
 *   ACLs let that whole range through, there is nothing to find.
 * Only flows that pass both go to the engine. On a large design this settles most of the hundreds
 * of thousands of candidate flows with a few memoised look-ups each.
 *
 * An ACL decides each port on its own (first matching entry by rule number), so the reply gets
 * back whole exactly when each ACL alone allows the whole range: two booleans, one per
 * (ACL, peer address, protocol, range), a few thousand on a design of a thousand interfaces.
 * Whatever this reading cannot settle (an Internet client, another VPC, IPv6, a subnet whose ACL
 * the design does not hold) is left to the engine: `mayBreak` answers true.
 */
import type { Design, Eni, NetworkAcl, NetworkAclEntry } from '../../model/types.ts';
import { networkAclOf } from '../../model/queries.ts';
import { PortSet, PROTOCOL_TCP, PROTOCOL_UDP, type Cidr } from '../../net/index.ts';
import { allowedPortsFor, orderedEntries } from '../match/nacl.ts';
import { cidrOf } from '../match/world.ts';

interface Side {
  index: number;
  /** Only set when the cheap reading applies: an IPv4-only interface in a subnet with a known ACL. */
  ready?: { vpcId: string; acl: number; address: Cidr };
}

export class ReplyFilter {
  private readonly sides = new Map<Eni, Side>();
  private readonly acls: Array<{ inbound: NetworkAclEntry[]; outbound: NetworkAclEntry[] }> = [];
  private readonly aclIndex = new Map<NetworkAcl, number>();
  private readonly ranges = new Map<PortSet, number>();
  private readonly full = new Map<number, boolean>();
  private readonly ports = new Map<number, PortSet>();
  /** More than the number of interfaces: the stride of interface numbers in memo keys. */
  private readonly span: number;

  constructor(
    private readonly d: Design,
    private readonly ephemeralOf: (client: Eni) => PortSet,
  ) {
    this.span = Object.values(d.resources).reduce((n, r) => n + r.enis.length, 1);
  }

  /** Whether a tcp/udp flow from `client` to `server` on `port` may get in and have some of its reply dropped by an ACL. */
  mayBreak(server: Eni, client: Eni, protocol: 'tcp' | 'udp', port: number): boolean {
    const ss = this.side(server);
    const cs = this.side(client);
    const s = ss.ready;
    const c = cs.ready;
    if (!s || !c || s.vpcId !== c.vpcId) return true;
    const p = protocol === 'tcp' ? PROTOCOL_TCP : PROTOCOL_UDP;
    const request = this.portSet(port);
    if (!this.allowsAll(c.acl, true, ss.index, s.address, p, request) || !this.allowsAll(s.acl, false, cs.index, c.address, p, request)) return false;
    const range = this.ephemeralOf(client);
    return !this.allowsAll(s.acl, true, cs.index, c.address, p, range) || !this.allowsAll(c.acl, false, ss.index, s.address, p, range);
  }

  private portSet(port: number): PortSet {
    let set = this.ports.get(port);
    if (!set) this.ports.set(port, (set = PortSet.fromRange(port, port)));
    return set;
  }

  /** Whether one direction of an ACL allows all of `range` for the peer at `address` (interface number `peer`). */
  private allowsAll(acl: number, egress: boolean, peer: number, address: Cidr, protocol: number, range: PortSet): boolean {
    let r = this.ranges.get(range);
    if (r === undefined) this.ranges.set(range, (r = this.ranges.size));
    // A number, not a string: this runs for every candidate flow.
    const key = (((acl * 2 + (egress ? 1 : 0)) * this.span + peer) * 2 + (protocol === PROTOCOL_TCP ? 0 : 1)) * 131072 + r;
    let all = this.full.get(key);
    if (all === undefined) {
      const entries = egress ? this.acls[acl]!.outbound : this.acls[acl]!.inbound;
      this.full.set(key, (all = allowedPortsFor(entries, address, protocol, range).equals(range)));
    }
    return all;
  }

  private side(eni: Eni): Side {
    let side = this.sides.get(eni);
    if (side) return side;
    side = { index: this.sides.size };
    const subnet = this.d.subnets[eni.subnetId];
    const acl = subnet ? networkAclOf(this.d, subnet) : undefined;
    const address = eni.privateIps.map((ip) => cidrOf(ip.includes('/') ? ip : `${ip}/32`)).find((c) => c?.family === 4);
    if (subnet && acl && address && eni.ipv6Ips.length === 0) side.ready = { vpcId: subnet.vpcId, acl: this.aclNumber(acl), address };
    this.sides.set(eni, side);
    return side;
  }

  private aclNumber(acl: NetworkAcl): number {
    let n = this.aclIndex.get(acl);
    if (n === undefined) {
      this.aclIndex.set(acl, (n = this.acls.length));
      this.acls.push({ inbound: orderedEntries(acl, false), outbound: orderedEntries(acl, true) });
    }
    return n;
  }
}
