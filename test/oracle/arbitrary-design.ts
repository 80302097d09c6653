/**
 * fast-check arbitraries for small random designs and flows, for cross-checking the engine with
 * the packet oracle. A design is drawn as a "recipe" of small integers and choices (so shrinking
 * stays meaningful), then built with the model's builder and validated.
 *
 * Covers: 1-2 VPCs (10.0.0.0/16, 10.1.0.0/16; optional IPv6), 1-3 subnets each in AZ a/b with their
 * own route tables (0.0.0.0/0 to the IGW, the NAT, the peering or nowhere, sometimes a blackhole;
 * ::/0 to the IGW; routes to the peer VPC or one of its subnets), an IGW attached, detached or
 * absent, a NAT gateway with or without an Elastic IP, a peering (active or pending), custom NACLs
 * with random allow/deny entries (tcp/udp/icmp/all/47, port ranges from a boundary pool, CIDRs from
 * a pool with the subnets, the VPCs, /32s and world), 1-4 security groups with random rules (peers:
 * CIDRs, other groups, self, the default group, a group in the peer VPC), 2-5 instances (public IP
 * or not, linux/windows, IPv6 or not, 1-2 groups, sometimes a second ENI).
 */
import fc from 'fast-check';
import { DesignBuilder, design, type RuleSpec, type NaclEntrySpec, type RouteSpec } from '../../src/core/model/builder.ts';
import { validateDesign } from '../../src/core/model/schema.ts';
import type { Design, Protocol, RulePeer, TrafficMatch } from '../../src/core/model/types.ts';
import type { Endpoint, Flow } from '../../src/core/engine/types.ts';

// ------------------------------------------------------------------------------------------------
// Pools

/** Port-range boundaries that matter to the flows and to the client ephemeral ranges. */
export const PORT_EDGES = [0, 22, 53, 80, 443, 1023, 1024, 5432, 8080, 32767, 32768, 49151, 49152, 60999, 61000, 65535] as const;
/** Ports the flows ask about. */
export const FLOW_PORTS = [22, 53, 80, 443, 3389, 5432, 8080, 1024, 65535] as const;
/** ICMP type/code pairs in rules. */
const RULE_ICMP = [
  [-1, -1],
  [8, -1],
  [8, 0],
  [0, -1],
  [0, 0],
  [3, 4],
  [13, -1],
] as const;
/** ICMP type/code pairs the flows ask about: requests (which have a reply)... */
export const FLOW_ICMP_REQUESTS = [
  [8, 0],
  [13, 0],
] as const;
/** ...and one-way messages (no reply); see the report on one-way ICMP in engine-agrees.test.ts. */
export const FLOW_ICMP_ONE_WAY = [
  [0, 0],
  [3, 4],
] as const;

const V4_POOL = [
  '0.0.0.0/0',
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.0.0.0/8',
  '10.0.1.0/24',
  '10.0.2.0/24',
  '10.0.3.0/24',
  '10.1.1.0/24',
  '10.1.2.0/24',
  '10.0.1.4/32',
  '10.0.2.4/32',
  '10.1.1.4/32',
  '198.51.100.7/32',
  '203.0.113.0/24',
  '192.0.2.0/24',
  '192.0.2.10/32',
  '8.8.8.8/32',
] as const;
const V6_POOL = ['::/0', '2001:db8::/32', '2600:1f18:1::/56', '2600:1f18:2::/56'] as const;

/** Internet hosts the flows use. */
export const INTERNET_V4 = ['198.51.100.7', '203.0.113.9', '8.8.8.8'] as const;
export const INTERNET_V6 = ['2001:db8::7'] as const;

// ------------------------------------------------------------------------------------------------
// Recipes

type ProtoChoice = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all' | 47 | 'all-with-ports';

interface MatchRecipe {
  proto: ProtoChoice;
  /** Indexes into PORT_EDGES (sorted at build), or a single port from FLOW_PORTS when `single`. */
  a: number;
  b: number;
  single: boolean;
  icmp: number;
}

interface NaclEntryRecipe {
  rule: number;
  allow: boolean;
  match: MatchRecipe;
  cidr: number;
  v6: boolean;
}

interface NaclRecipe {
  inbound: NaclEntryRecipe[];
  outbound: NaclEntryRecipe[];
  inboundAllowAll: boolean;
  outboundAllowAll: boolean;
}

interface SubnetRecipe {
  az: number;
  /** Use the VPC's main route table instead of an own one (only when the subnet has no routes of its own). */
  useMain: boolean;
  defaultRoute: 'none' | 'igw' | 'nat' | 'pcx' | 'igw-blackhole' | 'vgw';
  v6Route: boolean;
  peerRoute: 'none' | 'vpc' | 'subnet' | 'blackhole' | 'prefix-list';
  nacl: number;
  ipv6: boolean;
}

interface VpcRecipe {
  ipv6: boolean;
  /** A secondary CIDR 10.(v+2).0.0/16 that holds the VPC's third subnet. */
  secondary: boolean;
  /** Region of the second VPC: another one makes the peering cross-Region (group references invalid). */
  otherRegion: boolean;
  /** The main route table's default route. */
  mainRoute: 'none' | 'igw' | 'nat';
  igw: 'none' | 'attached' | 'detached';
  subnets: SubnetRecipe[];
  nat: { subnet: number; eip: boolean; pending: boolean } | null;
  nacls: NaclRecipe[];
}

interface SgRuleRecipe {
  match: MatchRecipe;
  /** Peer: a CIDR of the pool, or a group (by index among all groups), self, or the VPC's default group. */
  peer:
    | { kind: 'cidr'; i: number; v6: boolean }
    | { kind: 'group'; i: number }
    | { kind: 'self' }
    | { kind: 'default' }
    | { kind: 'prefix-list' }
    /** A group that no longer exists (stale reference). */
    | { kind: 'stale' };
}

interface GroupRecipe {
  vpc: number;
  /** Adds "all traffic from 0.0.0.0/0 (and ::/0)" so that flows get past the groups and meet NACLs and routes. */
  open: boolean;
  ingress: SgRuleRecipe[];
  egress: SgRuleRecipe[] | null;
}

interface InstanceRecipe {
  subnet: number;
  publicIp: boolean;
  windows: boolean;
  ipv6: boolean;
  groups: number[];
  second: { subnet: number; groups: number[]; publicIp: boolean } | null;
}

export interface DesignRecipe {
  /**
   * A tidy design has a working skeleton (per VPC: IGW attached, subnet 0 public with ::/0 too,
   * the others behind a NAT in subnet 0, an active peering with routes both ways, IPv6 on every
   * subnet of an IPv6 VPC), so that flows get deep and the NACLs, groups and addresses decide.
   */
  tidy: boolean;
  vpcs: VpcRecipe[];
  peering: 'none' | 'active' | 'pending-acceptance';
  groups: GroupRecipe[];
  instances: InstanceRecipe[];
}

// ------------------------------------------------------------------------------------------------
// Arbitraries

const matchArb: fc.Arbitrary<MatchRecipe> = fc.record({
  proto: fc.constantFrom<ProtoChoice>('tcp', 'tcp', 'tcp', 'udp', 'icmp', 'icmpv6', 'all', 'all', 47, 'all-with-ports'),
  a: fc.nat(PORT_EDGES.length - 1),
  b: fc.nat(PORT_EDGES.length - 1),
  single: fc.boolean(),
  icmp: fc.nat(RULE_ICMP.length - 1),
});

const RULE_NUMBERS = [1, 10, 50, 90, 100, 101, 110, 200, 32766];

function naclEntriesArb(withV6: boolean): fc.Arbitrary<NaclEntryRecipe[]> {
  return fc.uniqueArray(
    fc.record({
      rule: fc.constantFrom(...RULE_NUMBERS.slice(0, -1)),
      allow: fc.boolean(),
      match: matchArb,
      cidr: fc.oneof(fc.constant(0), fc.nat(64)),
      v6: withV6 ? fc.boolean() : fc.constant(false),
    }),
    { maxLength: 4, selector: (e) => e.rule },
  );
}

function naclArb(withV6: boolean): fc.Arbitrary<NaclRecipe> {
  return fc.record({
    inbound: naclEntriesArb(withV6),
    outbound: naclEntriesArb(withV6),
    inboundAllowAll: fc.nat(2).map((n) => n > 0),
    outboundAllowAll: fc.nat(2).map((n) => n > 0),
  });
}

function vpcArb(allowV6: boolean): fc.Arbitrary<VpcRecipe> {
  return (allowV6 ? fc.boolean() : fc.constant(false)).chain((ipv6) =>
    fc.record({
      ipv6: fc.constant(ipv6),
      secondary: fc.nat(3).map((n) => n === 0),
      otherRegion: fc.nat(5).map((n) => n === 0),
      mainRoute: fc.constantFrom<VpcRecipe['mainRoute']>('none', 'igw', 'nat'),
      igw: fc.constantFrom<VpcRecipe['igw']>('attached', 'attached', 'attached', 'attached', 'attached', 'attached', 'none', 'detached'),
      subnets: fc.array(
        fc.record({
          az: fc.nat(1),
          useMain: fc.boolean(),
          defaultRoute: fc.constantFrom<SubnetRecipe['defaultRoute']>('igw', 'igw', 'igw', 'nat', 'nat', 'nat', 'none', 'pcx', 'igw-blackhole', 'vgw'),
          v6Route: fc.boolean(),
          peerRoute: fc.constantFrom<SubnetRecipe['peerRoute']>('none', 'vpc', 'vpc', 'vpc', 'subnet', 'blackhole', 'prefix-list'),
          nacl: fc.nat(3),
          ipv6: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      nat: fc.option(
        fc.record({
          /** 0-1: the first subnet routed to the IGW (a working NAT); else that subnet index. */
          subnet: fc.nat(4),
          eip: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
          pending: fc.nat(5).map((n) => n === 0),
        }),
        { freq: 5 },
      ),
      nacls: fc.array(naclArb(ipv6), { maxLength: 2 }),
    }),
  );
}

const sgRuleArb: fc.Arbitrary<SgRuleRecipe> = fc.record({
  match: matchArb,
  peer: fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('cidr' as const), i: fc.oneof(fc.constant(0), fc.constant(1), fc.nat(64)), v6: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('group' as const), i: fc.nat(7) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'self' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'default' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'prefix-list' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'stale' as const }) },
  ),
});

const groupArb: fc.Arbitrary<GroupRecipe> = fc.record({
  vpc: fc.nat(1),
  open: fc.boolean(),
  ingress: fc.array(sgRuleArb, { maxLength: 3 }),
  egress: fc.option(fc.array(sgRuleArb, { maxLength: 3 }), { freq: 3 }),
});

const instanceArb: fc.Arbitrary<InstanceRecipe> = fc.record({
  subnet: fc.nat(5),
  publicIp: fc.boolean(),
  windows: fc.boolean(),
  ipv6: fc.boolean(),
  groups: fc.array(fc.nat(5), { minLength: 1, maxLength: 2 }),
  second: fc.option(fc.record({ subnet: fc.nat(5), groups: fc.array(fc.nat(5), { minLength: 1, maxLength: 2 }), publicIp: fc.boolean() }), { freq: 6 }),
});

export interface DesignArbOptions {
  /** Draw IPv6 on some VPCs (default true). */
  ipv6?: boolean;
}

export function designRecipeArb(opts: DesignArbOptions = {}): fc.Arbitrary<DesignRecipe> {
  const allowV6 = opts.ipv6 ?? true;
  return fc.record({
    tidy: fc.boolean(),
    vpcs: fc.array(vpcArb(allowV6), { minLength: 1, maxLength: 2 }),
    peering: fc.constantFrom<DesignRecipe['peering']>('none', 'active', 'active', 'pending-acceptance'),
    groups: fc.array(groupArb, { minLength: 1, maxLength: 4 }),
    instances: fc.array(instanceArb, { minLength: 2, maxLength: 5 }),
  });
}

// ------------------------------------------------------------------------------------------------
// Building

const PREFIX_LIST = 'pl-office';
const vpcId = (v: number) => `vpc-${v}`;
const subnetId = (v: number, s: number) => `sub-${v}-${s}`;
const subnetCidr = (v: number, s: number) => `10.${v}.${s + 1}.0/24`;
const vpcV6 = (v: number) => `2600:1f18:${v + 1}::/56`;
const subnetV6 = (v: number, s: number) => `2600:1f18:${v + 1}:${s + 1}::/64`;

function matchOf(m: MatchRecipe): TrafficMatch {
  const [x, y] = [PORT_EDGES[m.a]!, PORT_EDGES[m.b]!].sort((p, q) => p - q) as [number, number];
  const ports = m.single ? { from: FLOW_PORTS[m.a % FLOW_PORTS.length]!, to: FLOW_PORTS[m.a % FLOW_PORTS.length]! } : { from: x, to: y };
  switch (m.proto) {
    case 'tcp':
    case 'udp':
      return { protocol: m.proto, ports };
    case 'icmp': {
      const [type, code] = RULE_ICMP[m.icmp]!;
      return { protocol: 'icmp', icmp: { type, code } };
    }
    case 'icmpv6':
      return m.single ? { protocol: 'icmpv6', icmp: { type: 128, code: -1 } } : { protocol: 'icmpv6' };
    case 'all':
      return { protocol: 'all' };
    case 'all-with-ports':
      return { protocol: 'all', ports };
    default:
      return { protocol: m.proto as Protocol };
  }
}

function poolCidr(i: number, v6: boolean): string {
  return v6 ? V6_POOL[i % V6_POOL.length]! : V4_POOL[i % V4_POOL.length]!;
}

/** Builds the design a recipe describes (valid by construction; checked with validateDesign). */
export function buildDesign(recipe: DesignRecipe): Design {
  const r = recipe.tidy ? tidied(recipe) : recipe;
  const b: DesignBuilder = design('random');
  const nV = r.vpcs.length;
  const anyV6 = r.vpcs.some((v) => v.ipv6);
  r.vpcs.forEach((v, vi) => {
    b.vpc(vpcId(vi), `10.${vi}.0.0/16`, {
      ...(v.ipv6 ? { ipv6Cidr: vpcV6(vi) } : {}),
      ...(v.secondary ? { secondaryCidrs: [`10.${vi + 2}.0.0/16`] } : {}),
      ...(vi === 1 && v.otherRegion ? { region: 'eu-west-1' } : {}),
    });
    if (v.igw !== 'none') b.igw(`igw-${vi}`, { vpc: vpcId(vi), attached: v.igw === 'attached' });
  });
  const peering = nV === 2 && r.peering !== 'none';
  b.prefixList(PREFIX_LIST, ['198.51.100.0/24', '10.0.1.0/24', '10.1.1.4/32']);
  // Route destinations: parts of each VPC (never of the VPC whose table uses them: AWS refuses routes
  // more specific than `local` toward a peering).
  for (let vi = 0; vi < nV; vi++) b.prefixList(`pl-vpc-${vi}`, [`10.${vi}.1.0/24`, `10.${vi}.2.4/32`, `10.${vi + 2}.1.0/24`]);
  if (peering) b.peering('pcx-1', vpcId(0), vpcId(1), { status: r.peering as 'active' | 'pending-acceptance' });

  r.vpcs.forEach((v, vi) => {
    b.inVpc(vpcId(vi));
    v.subnets.forEach((s, si) => {
      const routes: RouteSpec[] = [];
      switch (s.defaultRoute) {
        case 'igw':
          routes.push(['0.0.0.0/0', `igw-${vi}`]);
          break;
        case 'igw-blackhole':
          routes.push(['0.0.0.0/0', `igw-${vi}`, 'blackhole']);
          break;
        case 'nat':
          routes.push(['0.0.0.0/0', `nat-${vi}`]);
          break;
        case 'pcx':
          if (peering) routes.push(['0.0.0.0/0', 'pcx-1']);
          break;
        case 'vgw':
          routes.push(['0.0.0.0/0', 'vgw-1']);
          break;
        default:
          break;
      }
      if (v.ipv6 && s.v6Route) routes.push(['::/0', `igw-${vi}`]);
      if (peering) {
        const other = 1 - vi;
        if (s.peerRoute === 'vpc') routes.push([`10.${other}.0.0/16`, 'pcx-1']);
        if (s.peerRoute === 'subnet') routes.push([subnetCidr(other, 0), 'pcx-1']);
        if (s.peerRoute === 'blackhole') routes.push([`10.${other}.0.0/16`, 'pcx-1', 'blackhole']);
        if (s.peerRoute === 'prefix-list') routes.push([`pl-vpc-${other}`, 'pcx-1']);
      }
      b.subnet(subnetId(vi, si), v.secondary && si === 2 ? `10.${vi + 2}.1.0/24` : subnetCidr(vi, si), `us-east-1${s.az === 0 ? 'a' : 'b'}`, {
        vpc: vpcId(vi),
        ...(routes.length > 0 || !s.useMain ? { routes } : {}),
        ...(v.ipv6 && s.ipv6 ? { ipv6Cidr: subnetV6(vi, si) } : {}),
      });
    });
    if (v.nat) {
      const publicSubnet = v.subnets.findIndex((s) => s.defaultRoute === 'igw');
      const at = v.nat.subnet < 2 && publicSubnet >= 0 ? publicSubnet : v.nat.subnet % v.subnets.length;
      b.nat(`nat-${vi}`, subnetId(vi, at), { ...(v.nat.eip ? {} : { publicIp: false }), ...(v.nat.pending ? { state: 'pending' as const } : {}) });
    }
    if (v.mainRoute !== 'none') b.route(`${vpcId(vi)}-main-rt`, '0.0.0.0/0', v.mainRoute === 'igw' ? `igw-${vi}` : `nat-${vi}`);
    v.nacls.forEach((n, ni) => {
      const subnets = v.subnets.map((s, si) => ({ s, si })).filter(({ s }) => s.nacl % (v.nacls.length + 1) === ni + 1).map(({ si }) => subnetId(vi, si));
      const entries = (list: NaclEntryRecipe[], allowAll: boolean): NaclEntrySpec[] => {
        const out: NaclEntrySpec[] = list.map((e) => [
          e.rule,
          e.allow ? 'allow' : 'deny',
          { match: matchOf(e.match), peer: poolCidr(e.cidr, e.v6 && v.ipv6) } satisfies RuleSpec,
        ]);
        if (allowAll) {
          out.push([32766, 'allow', { match: { protocol: 'all' }, peer: '0.0.0.0/0' }]);
          if (v.ipv6) out.push([32765, 'allow', { match: { protocol: 'all' }, peer: '::/0' }]);
        }
        return out;
      };
      b.nacl(`acl-${vi}-${ni}`, { vpc: vpcId(vi), subnets, inbound: entries(n.inbound, n.inboundAllowAll), outbound: entries(n.outbound, n.outboundAllowAll) });
    });
  });

  // Security groups: ids sg-0..; each in a VPC of the design.
  const groupVpc = r.groups.map((g) => g.vpc % nV);
  const allGroups = [...r.groups.map((_, gi) => `sg-${gi}`), ...r.vpcs.map((_, vi) => `${vpcId(vi)}-default-sg`)];
  const vpcOfGroup = (id: string): number => (id.startsWith('sg-') ? groupVpc[Number(id.slice(3))]! : Number(id.split('-')[1]));
  const rulePeer = (g: number, p: SgRuleRecipe['peer']): string | RulePeer => {
    const own = groupVpc[g]!;
    switch (p.kind) {
      case 'cidr':
        return poolCidr(p.i, p.v6 && anyV6);
      case 'self':
        return `sg-${g}`;
      case 'prefix-list':
        return { kind: 'prefix-list', prefixListId: PREFIX_LIST };
      case 'stale':
        return { kind: 'security-group', groupId: 'sg-deleted' };
      case 'default':
        return `${vpcId(own)}-default-sg`;
      case 'group': {
        const target = allGroups[p.i % allGroups.length]!;
        // A group of another VPC only across a peering (AWS refuses it otherwise).
        return vpcOfGroup(target) === own || peering ? target : `sg-${g}`;
      }
    }
  };
  r.groups.forEach((g, gi) => {
    const toSpec = (x: SgRuleRecipe): RuleSpec => ({ match: matchOf(x.match), peer: rulePeer(gi, x.peer) });
    b.sg(`sg-${gi}`, {
      vpc: vpcId(groupVpc[gi]!),
      ingress: [
        ...g.ingress.map(toSpec),
        ...(g.open ? [{ match: { protocol: 'all' as const }, peer: '0.0.0.0/0' }] : []),
        ...(g.open && r.vpcs[groupVpc[gi]!]!.ipv6 ? [{ match: { protocol: 'all' as const }, peer: '::/0' }] : []),
      ],
      ...(g.egress ? { egress: g.egress.map(toSpec) } : {}),
    });
  });

  // Instances: the subnet index runs over every subnet of the design.
  const subnets = r.vpcs.flatMap((v, vi) => v.subnets.map((s, si) => ({ vi, si, ipv6: v.ipv6 && s.ipv6 })));
  const groupsIn = (vi: number) => allGroups.filter((id) => vpcOfGroup(id) === vi);
  r.instances.forEach((inst, ii) => {
    const s = subnets[inst.subnet % subnets.length]!;
    const pick = (idx: number[]) => [...new Set(idx.map((i) => groupsIn(s.vi)[i % groupsIn(s.vi).length]!))];
    const enis = [{ subnet: subnetId(s.vi, s.si), groups: pick(inst.groups), publicIp: inst.publicIp, ipv6: s.ipv6 && inst.ipv6 }];
    if (inst.second) {
      const sameVpc = subnets.filter((x) => x.vi === s.vi);
      const s2 = sameVpc[inst.second.subnet % sameVpc.length]!;
      enis.push({ subnet: subnetId(s2.vi, s2.si), groups: pick(inst.second.groups), publicIp: inst.second.publicIp, ipv6: false });
    }
    b.instance(`i-${ii}`, { platform: inst.windows ? 'windows' : 'linux', enis });
  });

  const d = b.build();
  const v = validateDesign(d);
  if (!v.ok) throw new Error(`generated design is invalid: ${v.error.message}`);
  return v.value;
}

function tidied(r: DesignRecipe): DesignRecipe {
  return {
    ...r,
    peering: r.vpcs.length === 2 ? 'active' : r.peering,
    vpcs: r.vpcs.map((v) => ({
      ...v,
      igw: 'attached',
      nat: { subnet: 0, eip: true, pending: false },
      subnets: v.subnets.map((s, si) => ({
        ...s,
        defaultRoute: si === 0 ? 'igw' : 'nat',
        v6Route: si === 0,
        peerRoute: 'vpc',
        ipv6: true,
      })),
    })),
  };
}

export function designArb(opts: DesignArbOptions = {}): fc.Arbitrary<Design> {
  return designRecipeArb(opts).map(buildDesign);
}

// ------------------------------------------------------------------------------------------------
// Flows

export interface FlowRecipe {
  kind: 'instance-instance' | 'internet-instance' | 'instance-internet';
  a: number;
  b: number;
  host: number;
  v6host: boolean;
  pinA: boolean;
  pinB: boolean;
  flow: Flow;
}

export interface FlowArbOptions {
  /** Also ask about one-way ICMP messages (echo reply, destination unreachable). Default false. */
  oneWayIcmp?: boolean;
}

export function flowArb(opts: FlowArbOptions = {}): fc.Arbitrary<Flow> {
  const icmpPairs: ReadonlyArray<readonly [number, number]> = opts.oneWayIcmp ? [...FLOW_ICMP_REQUESTS, ...FLOW_ICMP_ONE_WAY] : FLOW_ICMP_REQUESTS;
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ protocol: fc.constant<Protocol>('tcp'), port: fc.constantFrom(...FLOW_PORTS) }) },
    { weight: 2, arbitrary: fc.record({ protocol: fc.constant<Protocol>('udp'), port: fc.constantFrom(...FLOW_PORTS) }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...icmpPairs).map(([icmpType, icmpCode]): Flow => ({ protocol: 'icmp', icmpType, icmpCode })),
    },
    { weight: 1, arbitrary: fc.constant<Flow>({ protocol: 'icmpv6', icmpType: 128, icmpCode: 0 }) },
    { weight: 1, arbitrary: fc.constant<Flow>({ protocol: 47 }) },
  );
}

export const flowRecipeArb = (opts: FlowArbOptions = {}): fc.Arbitrary<FlowRecipe> => fc.record({
  kind: fc.constantFrom<FlowRecipe['kind']>('instance-instance', 'instance-instance', 'internet-instance', 'instance-internet'),
  a: fc.nat(4),
  b: fc.nat(4),
  host: fc.nat(2),
  v6host: fc.boolean(),
  pinA: fc.boolean(),
  pinB: fc.boolean(),
  flow: flowArb(opts),
});

export interface FlowQuestion {
  source: Endpoint;
  destination: Endpoint;
  flow: Flow;
}

/** Turns a flow recipe into a question about the design (distinct instances; concrete Internet hosts). */
export function flowQuestion(d: Design, f: FlowRecipe): FlowQuestion {
  const ids = Object.keys(d.resources).sort();
  const n = ids.length;
  const a = ids[f.a % n]!;
  const b = ids[(f.a + 1 + (f.b % (n - 1))) % n]!;
  // An IPv6 Internet host only when the instance side has IPv6 addresses to talk with it.
  const hasV6 = (id: string) => d.resources[id]!.enis.some((e) => e.ipv6Ips.length > 0);
  const v6 = f.v6host && (f.kind === 'instance-internet' ? hasV6(a) : ids.some(hasV6));
  const host = v6 ? INTERNET_V6[0] : INTERNET_V4[f.host % INTERNET_V4.length]!;
  // Toward the Internet, ICMP follows the host's family (ICMP on IPv4, ICMPv6 on IPv6).
  let flow = f.flow;
  if (f.kind !== 'instance-instance' && (flow.protocol === 'icmp' || flow.protocol === 'icmpv6')) {
    flow = v6 ? { protocol: 'icmpv6', icmpType: 128, icmpCode: 0 } : flow.protocol === 'icmpv6' ? { protocol: 'icmp', icmpType: 8, icmpCode: 0 } : flow;
  }
  // From the Internet, mostly ask about instances that have an address it can reach.
  let target = a;
  if (f.kind === 'internet-instance' && f.b % 4 !== 0) {
    const reachable = ids.filter((id) => d.resources[id]!.enis.some((e) => (v6 ? e.ipv6Ips.length > 0 : e.publicIp !== undefined)));
    if (reachable.length > 0) target = reachable[f.a % reachable.length]!;
  }
  const res = (id: string, pin: boolean): Endpoint => {
    const enis = d.resources[id]!.enis;
    return pin && enis.length > 1 ? { kind: 'resource', resourceId: id, eniId: enis[enis.length - 1]!.id } : { kind: 'resource', resourceId: id };
  };
  switch (f.kind) {
    case 'instance-instance':
      return { source: res(a, f.pinA), destination: res(b, f.pinB), flow };
    case 'internet-instance':
      return { source: { kind: 'internet', address: host }, destination: res(target, f.pinA), flow };
    case 'instance-internet':
      return { source: res(a, f.pinA), destination: { kind: 'internet', address: host }, flow };
  }
}
