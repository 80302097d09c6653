/**
 * Generated designs for the benchmark: realistic, deterministic (seeded PRNG), of any size.
 *
 * Shape, per VPC (one /16 per ~2,000 ENIs, consecutive VPCs peered, the first also peered with a
 * shared-services VPC outside the design): 3 AZs x (public, app, db) subnets, more subnet groups as
 * ENIs grow (about 50-100 ENIs a subnet); an internet gateway, a NAT gateway per AZ; route tables
 * (public -> IGW, app -> the AZ's NAT plus peering, S3 and corporate routes, db local only); custom
 * NACLs on some subnets (5-15 entries, allow and deny, ephemeral return ranges); about one security
 * group per 10 ENIs, each with 3-15 ingress rules (CIDRs, references to other tiers' groups,
 * sometimes across the peering, prefix lists, port ranges, all-traffic rules) and either AWS's
 * allow-all egress or a restricted one. Resources: a bastion, internet-facing ALBs over web
 * instances and instance groups (some with public addresses), internal ALBs over app servers at
 * scale, app instances and groups, Lambda functions in app subnets, RDS and data stores in db
 * subnets; a service (security group) keeps to one 3-AZ subnet group of its tier. The number of
 * ENIs across resources equals `enis` exactly.
 *
 * Structure and rules draw from two separate random streams, so designs that differ only in
 * `rulesPerGroup` have the same VPCs, subnets, groups and resources (the linearity check).
 */
import {
  allTraffic,
  design as newDesign,
  icmp,
  tcp,
  udp,
  type DesignBuilder,
  type NaclEntrySpec,
  type RuleSpec,
} from '../src/core/model/builder.ts';
import type { Design, Resource } from '../src/core/model/types.ts';

export interface GenerateOptions {
  /** Total network interfaces across resources (at least 20). */
  enis: number;
  seed: number;
  /** Every generated group gets exactly this many ingress rules; default 3-15 at random. */
  rulesPerGroup?: number;
}

// --- Seeded randomness --------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for generating test data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('generate-design: pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
}

// --- Plan -----------------------------------------------------------------------------------------

const AZS = ['a', 'b', 'c'] as const;
const REGION = 'us-east-1';
const CORP_CIDR = '172.20.0.0/16';
const SHARED_VPC_CIDR = '10.250.0.0/16';
const VPC_NAMES = ['core', 'payments', 'analytics', 'identity', 'search', 'media', 'ledger', 'catalog'];
const COMMON_PORTS = [22, 80, 443, 3000, 5000, 6379, 8080, 8443, 9090, 9200, 11211, 27017];
const PORT_RANGES: Array<readonly [number, number]> = [
  [8000, 8099],
  [9000, 9100],
  [30000, 32767],
  [1024, 65535],
  [6379, 6380],
];

type Tier = 'public' | 'app' | 'db';
type Role = 'alb' | 'alb-internal' | 'web' | 'app' | 'db' | 'lambda' | 'bastion' | 'monitoring';

interface SubnetGroup {
  /** One subnet per AZ, in AZ order. */
  subnets: string[];
  load: number;
}

interface VpcPlan {
  index: number;
  id: string;
  name: string;
  cidr: string;
  /** Second octet: the VPC is 10.<octet>.0.0/16. */
  octet: number;
  enis: number;
  tiers: Record<Tier, SubnetGroup[]>;
  subnetLoad: Map<string, number>;
  /** Subnet CIDRs per tier: what "allow from the app subnets" rules name. */
  subnetCidrs: Record<Tier, string[]>;
  groups: Map<Role, string[]>;
  /** Web and app resources with their primary group, for ALB targets. */
  web: Array<{ id: string; group: string }>;
  app: Array<{ id: string; group: string }>;
  /** VPCs peered with this one (ids) and the peering to use for each. */
  peers: Array<{ vpcId: string; peeringId: string; cidr: string }>;
  /** Round-robin cursor per group role. */
  cursor: Map<Role, number>;
  /** The subnet group (index in its tier) a security group's members live in: a service keeps to its subnets. */
  home: Map<string, number>;
}

interface GroupPlan {
  id: string;
  vpc: VpcPlan;
  role: Role;
}

/** Counts of what a design holds, for the bench's tables. */
export interface DesignStats {
  vpcs: number;
  subnets: number;
  enis: number;
  resources: number;
  byKind: Record<string, number>;
  securityGroups: number;
  /** Ingress plus egress rules across every group. */
  rules: number;
  ingressRules: number;
  networkAcls: number;
  customNetworkAcls: number;
  naclEntries: number;
  routeTables: number;
  routes: number;
  peerings: number;
  prefixLists: number;
}

export function designStats(d: Design): DesignStats {
  const resources = Object.values(d.resources);
  const byKind: Record<string, number> = {};
  for (const r of resources) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const groups = Object.values(d.securityGroups);
  const acls = Object.values(d.networkAcls);
  const tables = Object.values(d.routeTables);
  return {
    vpcs: Object.keys(d.vpcs).length,
    subnets: Object.keys(d.subnets).length,
    enis: countEnis(d),
    resources: resources.length,
    byKind,
    securityGroups: groups.length,
    rules: groups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0),
    ingressRules: groups.reduce((n, g) => n + g.ingress.length, 0),
    networkAcls: acls.length,
    customNetworkAcls: acls.filter((a) => !a.isDefault).length,
    naclEntries: acls.reduce((n, a) => n + a.entries.length, 0),
    routeTables: tables.length,
    routes: tables.reduce((n, t) => n + t.routes.length, 0),
    peerings: Object.keys(d.peerings).length,
    prefixLists: Object.keys(d.prefixLists).length,
  };
}

export function countEnis(d: Design): number {
  let n = 0;
  for (const r of Object.values(d.resources)) n += r.enis.length;
  return n;
}

/** Splits `total` into parts proportional to `weights`, each at least `min`, summing to `total`. */
function split(total: number, weights: number[], min = 0): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(min, Math.floor((total * w) / sum)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]! += 1;
  for (let i = parts.length - 1; rest < 0; i = (i - 1 + parts.length) % parts.length) {
    if (parts[i]! > min) {
      parts[i]! -= 1;
      rest++;
    }
  }
  return parts;
}

// --- Generator ------------------------------------------------------------------------------------

export function generateDesign(opts: GenerateOptions): Design {
  const { enis, seed } = opts;
  if (!Number.isInteger(enis) || enis < 20) throw new Error(`generate-design: enis must be an integer >= 20 (got ${enis})`);
  const rng = new Rng(seed);
  const ruleRng = new Rng(seed ^ 0x9e3779b9);
  const b = newDesign(`Generated ${enis} ENIs (seed ${seed})`);

  b.internet('internet').external('corp', [CORP_CIDR], { name: 'CorpNet' });
  b.prefixList('pl-corp', [CORP_CIDR, '172.21.0.0/16', '192.168.100.0/24'], { name: 'corp-ranges', maxEntries: 5 });
  b.prefixList('pl-monitoring', ['10.250.10.0/24', '10.250.11.0/24'], { name: 'monitoring', maxEntries: 4 });
  b.prefixList('pl-s3', ['52.216.0.0/15', '3.5.0.0/19', '54.231.0.0/16'], { name: `com.amazonaws.${REGION}.s3`, maxEntries: 3 });

  const vpcCount = Math.max(1, Math.round(enis / 2000));
  const perVpc = split(enis, new Array<number>(vpcCount).fill(1));
  const vpcs: VpcPlan[] = perVpc.map((n, i) => ({
    index: i,
    id: `vpc-${i + 1}`,
    name: `prod-${VPC_NAMES[i % VPC_NAMES.length]}${i >= VPC_NAMES.length ? `-${i + 1}` : ''}`,
    octet: 10 + i,
    cidr: `10.${10 + i}.0.0/16`,
    enis: n,
    tiers: { public: [], app: [], db: [] },
    subnetLoad: new Map(),
    subnetCidrs: { public: [], app: [], db: [] },
    groups: new Map(),
    web: [],
    app: [],
    peers: [],
    cursor: new Map(),
    home: new Map(),
  }));

  for (const v of vpcs) b.vpc(v.id, v.cidr, { name: v.name, region: REGION });
  // Consecutive VPCs peered; the first also with a shared-services VPC of another account.
  for (let i = 0; i + 1 < vpcs.length; i++) {
    const a = vpcs[i]!;
    const c = vpcs[i + 1]!;
    const id = `pcx-${a.index + 1}-${c.index + 1}`;
    b.peering(id, a.id, c.id, { name: `${a.name} <-> ${c.name}` });
    a.peers.push({ vpcId: c.id, peeringId: id, cidr: c.cidr });
    c.peers.push({ vpcId: a.id, peeringId: id, cidr: a.cidr });
  }
  b.peering('pcx-shared', vpcs[0]!.id, { vpcId: 'vpc-shared-services', region: REGION, ownerId: '222233334444', cidrs: [SHARED_VPC_CIDR] }, { name: 'shared-services' });
  vpcs[0]!.peers.push({ vpcId: 'vpc-shared-services', peeringId: 'pcx-shared', cidr: SHARED_VPC_CIDR });

  const groupPlans: GroupPlan[] = [];
  for (const v of vpcs) buildNetwork(b, v, rng);
  for (const v of vpcs) groupPlans.push(...planGroups(v));
  for (const v of vpcs) buildResources(b, v, rng);
  for (const g of groupPlans) buildGroup(b, g, vpcs, ruleRng, opts.rulesPerGroup);

  const d = b.build();
  const total = countEnis(d);
  if (total !== enis) throw new Error(`generate-design: produced ${total} ENIs, asked for ${enis}`);
  return d;
}

// --- Network: subnets, gateways, routes, NACLs ------------------------------------------------------

function buildNetwork(b: DesignBuilder, v: VpcPlan, rng: Rng): void {
  b.inVpc(v.id).igw(`igw-${v.index + 1}`, { name: `${v.name}-igw` });

  // ENIs per tier: public 20%, app 60%, db 20%; ~50-100 per subnet, so one 3-AZ group per ~270.
  const [pub, app, db] = split(v.enis, [2, 6, 2], 1) as [number, number, number];
  const want: Record<Tier, number> = { public: pub, app, db };
  let cursor = 0; // in /24 units within the /16
  const alloc = (prefix: number): string => {
    const units = 2 ** (24 - prefix);
    cursor = Math.ceil(cursor / units) * units;
    if (cursor + units > 256) throw new Error(`generate-design: ${v.id} ran out of address space`);
    const text = `10.${v.octet}.${cursor}.0/${prefix}`;
    cursor += units;
    return text;
  };
  for (const tier of ['public', 'app', 'db'] as const) {
    const groupCount = Math.max(1, Math.ceil(want[tier] / 270));
    for (let g = 0; g < groupCount; g++) {
      const prefix = tier === 'app' ? (g % 2 === 0 ? 22 : 23) : 24;
      const subnets: string[] = [];
      for (const az of AZS) {
        const id = `subnet-${v.index + 1}-${tier}-${g + 1}${az}`;
        const block = alloc(prefix);
        b.subnet(id, block, `${REGION}${az}`, { vpc: v.id, name: `${v.name}-${tier}-${g + 1}${az}` });
        v.subnetCidrs[tier].push(block);
        subnets.push(id);
        v.subnetLoad.set(id, 0);
      }
      v.tiers[tier].push({ subnets, load: 0 });
    }
  }

  const n = v.index + 1;
  const firstPublic = v.tiers.public[0]!.subnets;
  AZS.forEach((az, i) => b.nat(`nat-${n}-${az}`, firstPublic[i]!, { name: `${v.name}-nat-${az}` }));
  // A NAT gateway holds an address in the subnet: count it in the load.
  for (const s of firstPublic) v.subnetLoad.set(s, 1);

  const peerRoutes = v.peers.map((p) => [p.cidr, p.peeringId] as const);
  b.routeTable(`rtb-${n}-public`, {
    vpc: v.id,
    name: `${v.name}-public`,
    routes: [['0.0.0.0/0', `igw-${n}`], ...peerRoutes],
    subnets: v.tiers.public.flatMap((g) => g.subnets),
  });
  AZS.forEach((az, i) => {
    b.routeTable(`rtb-${n}-app-${az}`, {
      vpc: v.id,
      name: `${v.name}-app-${az}`,
      routes: [['0.0.0.0/0', `nat-${n}-${az}`], ...peerRoutes, ['pl-s3', `vpce-s3-${n}`], [CORP_CIDR, `vgw-${n}`]],
      subnets: v.tiers.app.map((g) => g.subnets[i]!),
    });
  });
  b.routeTable(`rtb-${n}-db`, { vpc: v.id, name: `${v.name}-db`, routes: [], subnets: v.tiers.db.flatMap((g) => g.subnets) });

  // Custom NACLs: every db subnet, the first public group, about 40% of app groups.
  const peer = v.peers[0]?.cidr;
  b.nacl(`acl-${n}-public`, {
    vpc: v.id,
    name: `${v.name}-public`,
    subnets: firstPublic,
    ...naclEntries(rng, publicNacl(v.cidr, peer)),
  });
  v.tiers.app.forEach((g, i) => {
    if (!rng.chance(0.4)) return;
    b.nacl(`acl-${n}-app-${i + 1}`, { vpc: v.id, name: `${v.name}-app-${i + 1}`, subnets: g.subnets, ...naclEntries(rng, appNacl(v.cidr, peer)) });
  });
  b.nacl(`acl-${n}-db`, {
    vpc: v.id,
    name: `${v.name}-db`,
    subnets: v.tiers.db.flatMap((g) => g.subnets),
    ...naclEntries(rng, dbNacl(v.cidr, v.octet, peer)),
  });
}

interface NaclTemplate {
  inbound: NaclEntrySpec[];
  outbound: NaclEntrySpec[];
  optionalIn: NaclEntrySpec[];
  optionalOut: NaclEntrySpec[];
}

/** Essentials plus a random choice of the optional entries: 5-15 entries in all. */
function naclEntries(rng: Rng, t: NaclTemplate): { inbound: NaclEntrySpec[]; outbound: NaclEntrySpec[] } {
  const inbound = [...t.inbound];
  const outbound = [...t.outbound];
  const target = Math.max(inbound.length + outbound.length, rng.int(5, 15));
  const pool = [...t.optionalIn.map((e) => ['in', e] as const), ...t.optionalOut.map((e) => ['out', e] as const)];
  while (inbound.length + outbound.length < target && pool.length > 0) {
    const [dir, entry] = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
    (dir === 'in' ? inbound : outbound).push(entry);
  }
  const byNumber = (a: NaclEntrySpec, c: NaclEntrySpec) => a[0] - c[0];
  return { inbound: inbound.sort(byNumber), outbound: outbound.sort(byNumber) };
}

function publicNacl(vpcCidr: string, peer: string | undefined): NaclTemplate {
  return {
    inbound: [
      [100, 'allow', tcp(443, '0.0.0.0/0')],
      [110, 'allow', tcp(80, '0.0.0.0/0')],
      [120, 'allow', tcp(22, CORP_CIDR, 'SSH to the bastion from the office')],
      [140, 'allow', tcp([1024, 65535], '0.0.0.0/0')],
    ],
    // The NAT gateways live here: what the app tier sends out must leave through this ACL.
    outbound: [
      [100, 'allow', tcp([1024, 65535], '0.0.0.0/0')],
      [110, 'allow', tcp(443, '0.0.0.0/0')],
      [120, 'allow', tcp(80, '0.0.0.0/0')],
      [130, 'allow', allTraffic(vpcCidr)],
    ],
    optionalIn: [
      [80, 'deny', tcp(22, '203.0.113.0/24')],
      [90, 'deny', allTraffic('198.51.100.0/24')],
      [130, 'allow', udp([1024, 65535], '0.0.0.0/0')],
      [150, 'allow', allTraffic(vpcCidr)],
      [160, 'allow', icmp(3, 4, '0.0.0.0/0')],
      ...(peer ? ([[170, 'allow', allTraffic(peer)]] as NaclEntrySpec[]) : []),
    ],
    optionalOut: [
      [90, 'deny', tcp(25, '0.0.0.0/0')],
      [140, 'allow', udp(123, '0.0.0.0/0')],
      [150, 'allow', udp(53, '0.0.0.0/0')],
      [160, 'allow', icmp(-1, -1, vpcCidr)],
    ],
  };
}

function appNacl(vpcCidr: string, peer: string | undefined): NaclTemplate {
  return {
    inbound: [
      [100, 'allow', allTraffic(vpcCidr)],
      [110, 'allow', tcp([1024, 65535], '0.0.0.0/0')],
    ],
    outbound: [[100, 'allow', allTraffic('0.0.0.0/0')]],
    optionalIn: [
      [80, 'deny', tcp(3389, '0.0.0.0/0')],
      [90, 'deny', udp([0, 65535], '203.0.113.0/24')],
      [120, 'allow', tcp(22, CORP_CIDR)],
      [130, 'allow', udp([1024, 65535], '0.0.0.0/0')],
      [140, 'allow', tcp([8000, 8099], CORP_CIDR)],
      [150, 'allow', icmp(0, -1, '0.0.0.0/0')],
      ...(peer ? ([[160, 'allow', allTraffic(peer)]] as NaclEntrySpec[]) : []),
    ],
    optionalOut: [
      [90, 'deny', tcp(25, '0.0.0.0/0')],
      [80, 'deny', allTraffic('198.51.100.0/24')],
    ],
  };
}

function dbNacl(vpcCidr: string, octet: number, peer: string | undefined): NaclTemplate {
  return {
    inbound: [
      [100, 'allow', tcp(5432, vpcCidr)],
      [110, 'allow', tcp(3306, vpcCidr)],
      [120, 'allow', tcp([1024, 65535], vpcCidr)],
    ],
    outbound: [[100, 'allow', tcp([1024, 65535], vpcCidr)]],
    optionalIn: [
      [90, 'deny', allTraffic(`10.${octet}.255.0/24`)],
      [130, 'allow', tcp(22, vpcCidr)],
      [140, 'allow', tcp(6379, vpcCidr)],
      [150, 'allow', tcp([9200, 9300], vpcCidr)],
      [160, 'allow', icmp(-1, -1, vpcCidr)],
      ...(peer ? ([[170, 'allow', tcp(5432, peer)]] as NaclEntrySpec[]) : []),
    ],
    optionalOut: [
      [110, 'allow', tcp(443, '0.0.0.0/0')],
      [120, 'allow', allTraffic(vpcCidr)],
      ...(peer ? ([[130, 'allow', tcp([1024, 65535], peer)]] as NaclEntrySpec[]) : []),
    ],
  };
}

// --- Security groups --------------------------------------------------------------------------------

/** About one group per 10 ENIs in the VPC, spread over the tiers' roles. */
function planGroups(v: VpcPlan): GroupPlan[] {
  const total = Math.max(8, Math.round(v.enis / 10));
  const [alb, albInternal, web, app, db, lambda] = split(total - 2, [1.5, 0.5, 2, 4, 1.5, 0.5], 1) as number[];
  const counts: Array<[Role, number]> = [
    ['bastion', 1],
    ['monitoring', 1],
    ['alb', alb!],
    ['alb-internal', albInternal!],
    ['web', web!],
    ['app', app!],
    ['db', db!],
    ['lambda', lambda!],
  ];
  const plans: GroupPlan[] = [];
  for (const [role, count] of counts) {
    const ids: string[] = [];
    const tier = HOME_TIER[role];
    for (let i = 1; i <= count; i++) {
      const id = `sg-${v.index + 1}-${role}-${i}`;
      ids.push(id);
      plans.push({ id, vpc: v, role });
      if (tier) v.home.set(id, (i - 1) % v.tiers[tier].length);
    }
    v.groups.set(role, ids);
  }
  return plans;
}

/** The load balancer group in front of a web (internet-facing) or app (internal) group. */
function frontOf(v: VpcPlan, g: { id: string; role: Role }): string {
  const fronts = v.groups.get(g.role === 'web' ? 'alb' : 'alb-internal')!;
  return fronts[v.groups.get(g.role)!.indexOf(g.id) % fronts.length]!;
}

/** Targets for a load balancer of group `lb`: resources whose groups admit it, else any. */
function targetsFor(v: VpcPlan, pool: Array<{ id: string; group: string }>, role: 'web' | 'app', lb: string, count: number, rng: Rng): string[] {
  const behind = pool.filter((r) => frontOf(v, { id: r.group, role }) === lb);
  const from = behind.length > 0 ? behind : pool;
  const picked = Array.from({ length: count }, () => rng.pick(from).id);
  return picked.filter((x, j) => picked.indexOf(x) === j);
}

/** Where the members of a role's groups live (monitoring goes everywhere). */
const HOME_TIER: Record<Role, Tier | undefined> = {
  alb: 'public',
  'alb-internal': 'app',
  web: 'public',
  app: 'app',
  db: 'db',
  lambda: 'app',
  bastion: 'public',
  monitoring: undefined,
};

/** The next group of a role, round-robin, so every group ends up used. */
function nextGroup(v: VpcPlan, role: Role): string {
  const ids = v.groups.get(role)!;
  const i = v.cursor.get(role) ?? 0;
  v.cursor.set(role, i + 1);
  return ids[i % ids.length]!;
}

/** A resource's groups: its tier's group, sometimes the monitoring group, rarely the default one. */
function groupsFor(v: VpcPlan, role: Role, rng: Rng): string[] {
  const groups = [nextGroup(v, role)];
  if (rng.chance(0.25)) groups.push(v.groups.get('monitoring')![0]!);
  if (rng.chance(0.05)) groups.push(`${v.id}-default-sg`);
  return groups;
}

function buildGroup(b: DesignBuilder, g: GroupPlan, vpcs: VpcPlan[], rng: Rng, rulesPerGroup: number | undefined): void {
  const v = g.vpc;
  const count = rulesPerGroup ?? rng.int(3, 15);
  const some = (role: Role) => rng.pick(v.groups.get(role)!);
  const essentials: RuleSpec[] = (() => {
    switch (g.role) {
      case 'alb':
        return [tcp(443, '0.0.0.0/0', 'HTTPS from anywhere'), tcp(80, '0.0.0.0/0', 'HTTP redirect')];
      case 'alb-internal':
        return [tcp(443, some('app')), tcp(80, v.cidr)];
      case 'web':
        return [tcp(80, frontOf(v, g), 'from its load balancer'), tcp(443, frontOf(v, g)), tcp(22, some('bastion'), 'SSH from bastion')];
      case 'app':
        return [tcp(8080, some('web')), tcp([8000, 8099], frontOf(v, g), 'from its load balancer'), tcp(22, some('bastion'), 'SSH from bastion')];
      case 'db':
        return [tcp(5432, some('app')), tcp(3306, some('app')), tcp(5432, some('lambda')), tcp(22, some('bastion'))];
      case 'lambda':
        return [tcp(443, v.cidr)];
      case 'bastion':
        return [tcp(22, CORP_CIDR, 'SSH from the office'), tcp(22, 'pl-corp'), tcp(22, '203.0.113.10/32', 'on-call home')];
      case 'monitoring':
        return [tcp(9100, 'pl-monitoring', 'node exporter'), icmp(-1, -1, v.cidr), udp(161, v.cidr)];
    }
  })();
  const ingress: RuleSpec[] = [];
  const seen = new Set<string>();
  const add = (r: RuleSpec) => {
    const key = JSON.stringify([r.match, r.peer]);
    if (seen.has(key)) return;
    seen.add(key);
    ingress.push(r);
  };
  for (const r of essentials) if (ingress.length < count) add(r);
  const allGroups = [...v.groups.values()].flat();
  // References mostly follow the tiers (who normally talks to this role); some go anywhere.
  const adjacent = ADJACENT[g.role].flatMap((role) => v.groups.get(role) ?? []);
  const someGroup = () => (adjacent.length > 0 && rng.chance(0.85) ? rng.pick(adjacent) : rng.pick(allGroups));
  const peered = v.peers.flatMap((p) => vpcs.find((x) => x.id === p.vpcId)?.groups.get('app') ?? []);
  for (let guard = 0; ingress.length < count && guard < count * 50; guard++) {
    const x = rng.next();
    const port = rng.pick(COMMON_PORTS);
    const range = rng.pick(PORT_RANGES);
    if (x < 0.3) add(tcp(port, randomCidr(rng, v, g.role)));
    else if (x < 0.5) add(tcp(range, randomCidr(rng, v, g.role)));
    else if (x < 0.72) add(tcp(rng.chance(0.7) ? port : range, someGroup()));
    else if (x < 0.77 && peered.length > 0) add(tcp(port, rng.pick(peered), 'from the peered VPC'));
    else if (x < 0.84) add(tcp(port, rng.pick(['pl-corp', 'pl-monitoring'])));
    else if (x < 0.91) add(allTraffic(rng.chance(0.5) ? g.id : `10.${v.octet}.${rng.int(0, 255)}.0/24`));
    else if (x < 0.97) add(udp(rng.pick([53, 123, 161, 514]), v.cidr));
    else add(icmp(8, -1, v.cidr));
  }

  const restricted = rng.chance(0.35);
  const egress: RuleSpec[] | undefined = restricted
    ? [
        tcp(443, '0.0.0.0/0'),
        tcp([0, 65535], v.cidr),
        udp(53, v.cidr),
        ...(rng.chance(0.5) ? [tcp(443, 'pl-s3')] : []),
        ...(rng.chance(0.5) ? [tcp(5432, some('db'))] : []),
      ]
    : undefined;
  b.sg(g.id, {
    vpc: v.id,
    name: `${v.name}-${g.id.slice(g.id.indexOf('-', 3) + 1)}`,
    description: `${g.role} tier`,
    ingress,
    ...(egress ? { egress } : {}),
  });
}

/** Groups of these roles normally send traffic to a group of the key role. */
const ADJACENT: Record<Role, Role[]> = {
  alb: [],
  'alb-internal': ['app', 'web', 'lambda'],
  web: ['alb', 'bastion', 'web'],
  app: ['web', 'alb-internal', 'app', 'lambda', 'bastion'],
  db: ['app', 'lambda', 'bastion', 'db'],
  lambda: ['app'],
  bastion: [],
  monitoring: ['monitoring'],
};

/** The tier whose subnets a role's clients sit in. */
const CLIENT_TIER: Record<Role, Tier> = {
  alb: 'public',
  'alb-internal': 'app',
  web: 'public',
  app: 'app',
  db: 'app',
  lambda: 'app',
  bastion: 'public',
  monitoring: 'app',
};

function randomCidr(rng: Rng, v: VpcPlan, role: Role): string {
  const x = rng.next();
  if (x < 0.1) return v.cidr;
  if (x < 0.3) return rng.pick(v.subnetCidrs[CLIENT_TIER[role]]);
  if (x < 0.45) return CORP_CIDR;
  if (x < 0.75) return `10.${rng.int(0, 255)}.${rng.int(0, 255)}.0/24`;
  if (x < 0.9) return `172.${rng.int(16, 31)}.0.0/16`;
  if (x < 0.95) return `198.51.100.${rng.int(0, 255)}/32`;
  return '0.0.0.0/0';
}

// --- Resources ----------------------------------------------------------------------------------------

/** The subnet groups a resource may use: its primary group's home, else the whole tier. */
function candidates(v: VpcPlan, tier: Tier, groups: string[]): SubnetGroup[] {
  const home = v.home.get(groups[0]!);
  const all = v.tiers[tier];
  return home !== undefined && all[home] ? [all[home]] : all;
}

/** The least loaded subnet group a multi-AZ resource may use, charged with `enis` ENIs. */
function takeGroup(v: VpcPlan, tier: Tier, enis: number, groups: string[]): SubnetGroup {
  const g = candidates(v, tier, groups).reduce((best, x) => (x.load < best.load ? x : best));
  g.load += enis;
  return g;
}

/** The least loaded subnet a single-ENI resource may use. */
function takeSubnet(v: VpcPlan, tier: Tier, groups: string[]): string {
  let best = '';
  let bestLoad = Infinity;
  for (const g of candidates(v, tier, groups)) {
    for (const s of g.subnets) {
      const load = v.subnetLoad.get(s)!;
      if (load < bestLoad) {
        best = s;
        bestLoad = load;
      }
    }
  }
  v.subnetLoad.set(best, bestLoad + 1);
  for (const g of v.tiers[tier]) if (g.subnets.includes(best)) g.load += 1;
  return best;
}

function charge(v: VpcPlan, subnets: string[]): void {
  for (const s of subnets) v.subnetLoad.set(s, v.subnetLoad.get(s)! + 1);
}

function buildResources(b: DesignBuilder, v: VpcPlan, rng: Rng): void {
  const n = v.index + 1;
  const [pub, app, db] = split(v.enis, [2, 6, 2], 1) as [number, number, number];
  const platform = () => (rng.chance(0.1) ? ('windows' as const) : ('linux' as const));
  let serial = 0;
  const id = (kind: string) => `${kind}-${n}-${++serial}`;

  // Public tier: a bastion, internet-facing ALBs (3 ENIs each), web servers in the rest.
  const bastion = `i-${n}-bastion`;
  const bastionGroups = groupsFor(v, 'bastion', rng);
  b.instance(bastion, { name: `${v.name}-bastion`, role: 'bastion', subnet: takeSubnet(v, 'public', bastionGroups), groups: bastionGroups, publicIp: true });
  const albCount = Math.max(1, Math.min(Math.floor((pub - 1) / 6), Math.round(v.enis / 300)));
  let webBudget = pub - 1 - 3 * albCount;
  while (webBudget > 0) {
    if (webBudget >= 3 && rng.chance(0.35)) {
      const groups = groupsFor(v, 'web', rng);
      const group = takeGroup(v, 'public', 3, groups);
      charge(v, group.subnets);
      const rid = id('asg-web');
      b.instanceGroup(rid, { name: `${v.name}-${rid}`, role: 'web', subnets: group.subnets, groups, count: rng.int(2, 8), platform: platform(), publicIp: rng.chance(0.2) });
      v.web.push({ id: rid, group: groups[0]! });
      webBudget -= 3;
    } else {
      const rid = id('i-web');
      const groups = groupsFor(v, 'web', rng);
      b.instance(rid, { name: `${v.name}-${rid}`, role: 'web', subnet: takeSubnet(v, 'public', groups), groups, platform: platform(), publicIp: rng.chance(0.35) });
      v.web.push({ id: rid, group: groups[0]! });
      webBudget -= 1;
    }
  }
  for (let i = 0; i < albCount; i++) {
    const albGroup = nextGroup(v, 'alb');
    const group = takeGroup(v, 'public', 3, [albGroup]);
    charge(v, group.subnets);
    const rid = `alb-${n}-${i + 1}`;
    const targets = (k: number) => targetsFor(v, v.web, 'web', albGroup, k, rng);
    const tgA = `tg-${n}-${i + 1}-web`;
    const tgB = `tg-${n}-${i + 1}-api`;
    const withApi = rng.chance(0.5);
    b.alb(rid, {
      name: `${v.name}-public-${i + 1}`,
      subnets: group.subnets,
      groups: [albGroup],
      scheme: 'internet-facing',
      targetGroups: [
        { id: tgA, port: 80, targets: targets(rng.int(2, 6)) },
        ...(withApi ? [{ id: tgB, port: 8080, protocol: 'HTTP' as const, healthCheckPort: 8080, targets: targets(rng.int(1, 4)) }] : []),
      ],
      listeners: [
        { port: 443, protocol: 'HTTPS', targetGroup: tgA },
        { port: 80, protocol: 'HTTP', targetGroup: tgA },
        ...(withApi ? [{ port: 8443, protocol: 'HTTPS' as const, targetGroup: tgB }] : []),
      ],
    });
  }

  // App tier: internal ALBs at scale, Lambda functions, app servers (groups and single instances).
  const internalAlbs = Math.floor(v.enis / 600);
  let appBudget = app - 3 * internalAlbs;
  let lambdaBudget = Math.round(appBudget * 0.08);
  appBudget -= lambdaBudget;
  while (lambdaBudget > 0) {
    const k = Math.min(lambdaBudget, rng.int(2, 3));
    const groups = groupsFor(v, 'lambda', rng);
    const group = takeGroup(v, 'app', k, groups);
    const subnets = group.subnets.slice(0, k);
    charge(v, subnets);
    const rid = id('fn');
    b.lambda(rid, { name: `${v.name}-${rid}`, subnets, groups });
    lambdaBudget -= k;
  }
  while (appBudget > 0) {
    if (appBudget >= 3 && rng.chance(0.4)) {
      const groups = groupsFor(v, 'app', rng);
      const group = takeGroup(v, 'app', 3, groups);
      charge(v, group.subnets);
      const rid = id('asg-app');
      b.instanceGroup(rid, { name: `${v.name}-${rid}`, role: 'app', subnets: group.subnets, groups, count: rng.int(2, 12), platform: platform() });
      v.app.push({ id: rid, group: groups[0]! });
      appBudget -= 3;
    } else {
      const rid = id('i-app');
      const groups = groupsFor(v, 'app', rng);
      b.instance(rid, { name: `${v.name}-${rid}`, role: 'app', subnet: takeSubnet(v, 'app', groups), groups, platform: platform() });
      v.app.push({ id: rid, group: groups[0]! });
      appBudget -= 1;
    }
  }
  for (let i = 0; i < internalAlbs; i++) {
    const albGroup = nextGroup(v, 'alb-internal');
    const group = takeGroup(v, 'app', 3, [albGroup]);
    charge(v, group.subnets);
    const rid = `alb-${n}-internal-${i + 1}`;
    const tg = `tg-${n}-internal-${i + 1}`;
    const targets = targetsFor(v, v.app, 'app', albGroup, rng.int(2, 6), rng);
    b.alb(rid, {
      name: `${v.name}-internal-${i + 1}`,
      subnets: group.subnets,
      groups: [albGroup],
      scheme: 'internal',
      targetGroups: [{ id: tg, port: 8080, targets }],
      listeners: [{ port: 443, protocol: 'HTTPS', targetGroup: tg }],
    });
  }

  // Db tier: RDS (single- or multi-AZ) and self-managed data stores.
  let dbBudget = db;
  while (dbBudget > 0) {
    const x = rng.next();
    if (x < 0.6) {
      const multiAz = dbBudget >= 2 && rng.chance(0.5);
      const groups = groupsFor(v, 'db', rng);
      const group = takeGroup(v, 'db', multiAz ? 2 : 1, groups);
      const eniSubnets = multiAz ? group.subnets.slice(0, 2) : [group.subnets[rng.int(0, 2)]!];
      charge(v, eniSubnets);
      const engine = rng.pick(['postgres', 'postgres', 'mysql', 'mariadb']);
      const rid = id('rds');
      b.rds(rid, { name: `${v.name}-${rid}`, engine, subnets: group.subnets, eniSubnets, groups, publiclyAccessible: false });
      dbBudget -= eniSubnets.length;
    } else if (x < 0.7 && dbBudget >= 3) {
      const groups = groupsFor(v, 'db', rng);
      const group = takeGroup(v, 'db', 3, groups);
      charge(v, group.subnets);
      const rid = id('asg-data');
      b.instanceGroup(rid, { name: `${v.name}-${rid}-kafka`, role: 'other', subnets: group.subnets, groups, count: 3 });
      dbBudget -= 3;
    } else {
      const rid = id('i-data');
      const store = rng.pick(['redis', 'elasticsearch', 'mongodb', 'cassandra']);
      const groups = groupsFor(v, 'db', rng);
      b.instance(rid, { name: `${v.name}-${rid}-${store}`, role: 'other', subnet: takeSubnet(v, 'db', groups), groups });
      dbBudget -= 1;
    }
  }
}

/** Resource ids in a stable order: the bench's random queries pick from this. */
export function resourceIds(d: Design): string[] {
  return Object.values(d.resources)
    .filter((r: Resource) => r.enis.length > 0)
    .map((r) => r.id);
}
