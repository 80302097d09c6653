/** Picks CIDRs and Availability Zones for drawn VPCs and subnets: the next free block, as people would. */
import type { Design } from '../../core/model/index.ts';
import { isPublicSubnet } from '../../core/model/index.ts';
import { cidrsOverlap, formatAddress, parseCidrCached, type Cidr } from '../../core/net/index.ts';

function parsed(texts: Iterable<string>): Cidr[] {
  const out: Cidr[] = [];
  for (const t of texts) {
    const c = parseCidrCached(t);
    if (c.ok && c.value.family === 4) out.push(c.value);
  }
  return out;
}

/** The next 10.x.0.0/16 that overlaps no VPC of the design, or undefined when all 256 are taken. */
export function nextVpcCidr(d: Design): string | undefined {
  const taken = parsed(Object.values(d.vpcs).flatMap((v) => v.cidrs));
  for (let x = 0; x < 256; x++) {
    const text = `10.${x}.0.0/16`;
    const candidate = parseCidrCached(text);
    if (candidate.ok && !taken.some((t) => cidrsOverlap(t, candidate.value))) return text;
  }
  return undefined;
}

/**
 * The next free /24 inside the VPC's IPv4 CIDRs, overlapping none of its subnets. Starts at the
 * second block (10.0.1.0/24) as most guides do, and uses the first one last.
 */
export function nextSubnetCidr(d: Design, vpcId: string): string | undefined {
  const vpc = d.vpcs[vpcId];
  if (!vpc) return undefined;
  const taken = parsed(Object.values(d.subnets).filter((s) => s.vpcId === vpcId).map((s) => s.cidr));
  for (const block of parsed(vpc.cidrs)) {
    const prefix = Math.max(block.prefix, 24);
    if (prefix > 28) continue;
    const step = 1n << BigInt(32 - prefix);
    const count = Number((block.last - block.first + 1n) / step);
    const order = [...Array.from({ length: count - 1 }, (_, i) => i + 1), 0];
    for (const i of order) {
      const text = `${formatAddress(4, block.first + BigInt(i) * step)}/${prefix}`;
      const candidate = parseCidrCached(text);
      if (candidate.ok && !taken.some((t) => cidrsOverlap(t, candidate.value))) return text;
    }
  }
  return undefined;
}

const AZ_LETTERS = ['a', 'b', 'c'];

/** The Availability Zones a drawn subnet may use in a region. */
export function zonesOf(region: string): string[] {
  return AZ_LETTERS.map((l) => `${region}${l}`);
}

/**
 * The AZ for a new subnet: the one with fewest subnets of the same kind (public or private) in the
 * VPC, so two public subnets land in two AZs and a load balancer can use them.
 */
export function pickAvailabilityZone(d: Design, vpcId: string, wantPublic: boolean): string {
  const vpc = d.vpcs[vpcId];
  const zones = zonesOf(vpc?.region ?? 'us-east-1');
  const counts = new Map(zones.map((z) => [z, 0]));
  for (const s of Object.values(d.subnets)) {
    if (s.vpcId !== vpcId || isPublicSubnet(d, s) !== wantPublic) continue;
    if (counts.has(s.availabilityZone)) counts.set(s.availabilityZone, counts.get(s.availabilityZone)! + 1);
  }
  let best = zones[0]!;
  for (const z of zones) if (counts.get(z)! < counts.get(best)!) best = z;
  return best;
}
