/**
 * A fluent builder for designs: tests, templates and benchmarks describe a network in a few
 * readable lines instead of records. It follows AWS's defaults (network-semantics.md §1-2): every
 * VPC gets a main route table, a default network ACL (allow all) and a default security group
 * (members talk freely); a new group gets allow-all egress unless `egress` is given; a resource
 * without groups joins its VPC's default group; private addresses come from the subnet in order
 * (the first four are reserved, as in AWS).
 *
 * References between entities are plain ids and are resolved in `build()`, so order does not
 * matter except that a resource's subnets must exist before it (its addresses come from them).
 * The builder throws on impossible input: it is a tool for code, not for user data.
 */
import type { Design, Eni, Listener, NetworkAcl, NetworkAclEntry, PeeringSide, Resource, Route, RouteTarget, SecurityGroupRule, TargetGroup } from './types.ts';
import { emptyDesign } from './types.ts';
import { defaultAclEntries, defaultEgress, defaultSecurityGroup } from './defaults.ts';
import { formatAddress, parseCidr, type Cidr } from '../net/index.ts';
import { toPeer, type NaclEntrySpec, type RuleSpec } from './builder-rules.ts';
import type {
  DatabaseOptions,
  EniSpec,
  GroupOptions,
  InstanceGroupOptions,
  InstanceOptions,
  LambdaOptions,
  LoadBalancerOptions,
  NatOptions,
  PeeringOptions,
  PeerVpcSpec,
  RouteSpec,
  SubnetOptions,
  VpcOptions,
} from './builder-options.ts';

export * from './builder-rules.ts';
export type * from './builder-options.ts';

const DEFAULT_REGION = 'us-east-1';
const DB_PORTS: Record<string, number> = { postgres: 5432, mysql: 3306, mariadb: 3306, sqlserver: 1433, oracle: 1521 };

function mustCidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`builder: ${r.error.message}`);
  return r.value;
}

/** Designs are plain JSON, so a JSON round trip is a faithful deep copy (and needs no DOM or Node API). */
function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Deferred pieces resolved in build(): route targets are written as bare ids. */
interface PendingRoute {
  tableId: string;
  spec: RouteSpec;
}

/** Builds a design; every method returns the builder. */
export class DesignBuilder {
  private readonly d: Design;
  private currentVpc: string | undefined;
  private readonly routes: PendingRoute[] = [];
  /** Next host offset per subnet id (IPv4 and IPv6 separately). */
  private readonly nextHost = new Map<string, bigint>();
  private readonly usedIps = new Set<string>();
  private publicCounter = 0;

  constructor(name = 'Test design', from?: { design: Design; routes: PendingRoute[]; state: BuilderState }) {
    this.d = from ? clone(from.design) : emptyDesign(name);
    if (from) {
      this.routes = from.routes.map((r) => ({ ...r }));
      this.currentVpc = from.state.currentVpc;
      for (const [k, v] of from.state.nextHost) this.nextHost.set(k, v);
      for (const ip of from.state.usedIps) this.usedIps.add(ip);
      this.publicCounter = from.state.publicCounter;
    }
  }

  /** An independent copy: templates hand out a base that scenarios change. */
  copy(): DesignBuilder {
    return new DesignBuilder(this.d.name, {
      design: this.d,
      routes: this.routes,
      state: { currentVpc: this.currentVpc, nextHost: this.nextHost, usedIps: this.usedIps, publicCounter: this.publicCounter },
    });
  }

  // --- VPC-level --------------------------------------------------------------------------------

  /** A VPC with its main route table (`<id>-main-rt`), default ACL (`<id>-default-acl`) and default group (`<id>-default-sg`). */
  vpc(id: string, cidrBlock: string, opts: VpcOptions = {}): this {
    const cidrs = [mustCidr(cidrBlock).text, ...(opts.secondaryCidrs ?? []).map((c) => mustCidr(c).text)];
    const ipv6Cidrs = opts.ipv6Cidr ? [mustCidr(opts.ipv6Cidr).text] : [];
    const vpc = {
      id,
      name: opts.name ?? id,
      region: opts.region ?? DEFAULT_REGION,
      cidrs,
      ipv6Cidrs,
      mainRouteTableId: `${id}-main-rt`,
      defaultNetworkAclId: `${id}-default-acl`,
      ...(opts.ownerId ? { ownerId: opts.ownerId } : {}),
    };
    this.d.vpcs[id] = vpc;
    this.d.routeTables[vpc.mainRouteTableId] = { id: vpc.mainRouteTableId, name: `${vpc.name} main`, vpcId: id, routes: [] };
    this.d.networkAcls[vpc.defaultNetworkAclId] = {
      id: vpc.defaultNetworkAclId,
      name: `${vpc.name} default`,
      vpcId: id,
      isDefault: true,
      entries: defaultAclEntries(ipv6Cidrs.length > 0),
    };
    const def = defaultSecurityGroup(vpc, `${id}-default-sg`);
    this.d.securityGroups[def.id] = def;
    this.currentVpc = id;
    return this;
  }

  /** Makes a VPC the one later entities belong to by default. */
  inVpc(id: string): this {
    this.need('vpcs', id);
    this.currentVpc = id;
    return this;
  }

  /** The id of a VPC's default security group. */
  defaultGroupOf(vpcId: string): string {
    return this.need('vpcs', vpcId).id + '-default-sg';
  }

  /** An internet gateway, attached to the current VPC unless `attached: false` or another `vpc`. */
  igw(id: string, opts: { name?: string; vpc?: string; attached?: boolean } = {}): this {
    const vpcId = opts.attached === false ? undefined : (opts.vpc ?? this.vpcOrThrow());
    this.d.internetGateways[id] = { id, name: opts.name ?? id, ...(vpcId ? { vpcId } : {}) };
    return this;
  }

  subnet(id: string, cidrBlock: string, az: string, opts: SubnetOptions = {}): this {
    const block = mustCidr(cidrBlock);
    const vpcId = opts.vpc ?? this.vpcHolding(block) ?? this.vpcOrThrow();
    this.need('vpcs', vpcId);
    this.d.subnets[id] = {
      id,
      name: opts.name ?? id,
      vpcId,
      availabilityZone: az,
      cidr: block.text,
      ...(opts.ipv6Cidr ? { ipv6Cidr: mustCidr(opts.ipv6Cidr).text } : {}),
      ...(opts.routeTable ? { routeTableId: opts.routeTable } : {}),
      ...(opts.nacl ? { networkAclId: opts.nacl } : {}),
    };
    if (opts.routes) this.routeTable(`rt-${id}`, { vpc: vpcId, routes: opts.routes, subnets: [id] });
    return this;
  }

  /** A route table; `subnets` are associated with it, `main: true` makes it the VPC's main table. */
  routeTable(id: string, opts: { name?: string; vpc?: string; routes?: RouteSpec[]; subnets?: string[]; main?: boolean } = {}): this {
    const vpcId = opts.vpc ?? (opts.subnets?.[0] ? this.need('subnets', opts.subnets[0]).vpcId : this.vpcOrThrow());
    this.d.routeTables[id] = { id, name: opts.name ?? id, vpcId, routes: [] };
    for (const r of opts.routes ?? []) this.routes.push({ tableId: id, spec: r });
    for (const s of opts.subnets ?? []) this.need('subnets', s).routeTableId = id;
    if (opts.main) this.need('vpcs', vpcId).mainRouteTableId = id;
    return this;
  }

  /** Adds a route to a table, or to a subnet's own table (created from the main one if the subnet has none). */
  route(tableOrSubnet: string, destination: string, target: string, state: 'active' | 'blackhole' = 'active'): this {
    this.routes.push({ tableId: this.ownTable(tableOrSubnet), spec: [destination, target, state] });
    return this;
  }

  /** Removes the routes to a destination from a table or a subnet's table. */
  removeRoute(tableOrSubnet: string, destination: string): this {
    const table = this.tableOf(tableOrSubnet);
    const t = this.need('routeTables', table);
    t.routes = t.routes.filter((r) => destText(r.destination) !== destination);
    for (let i = this.routes.length - 1; i >= 0; i--) {
      const p = this.routes[i]!;
      if (p.tableId === table && specDestination(p.spec) === destination) this.routes.splice(i, 1);
    }
    return this;
  }

  nat(id: string, subnet: string, opts: NatOptions = {}): this {
    this.need('subnets', subnet);
    const connectivity = opts.connectivity ?? 'public';
    const publicIp = opts.publicIp === false || connectivity === 'private' ? undefined : (opts.publicIp ?? this.nextPublicIp());
    this.d.natGateways[id] = {
      id,
      name: opts.name ?? id,
      subnetId: subnet,
      connectivity,
      privateIp: this.allocate(subnet, opts.ip),
      state: opts.state ?? 'available',
      ...(publicIp ? { publicIp } : {}),
    };
    return this;
  }

  /** A peering between two VPCs of the design (or one outside it, given as a PeeringSide). */
  peering(id: string, requester: PeerVpcSpec, accepter: PeerVpcSpec, opts: PeeringOptions = {}): this {
    this.d.peerings[id] = {
      id,
      name: opts.name ?? id,
      requester: this.side(requester),
      accepter: this.side(accepter),
      status: opts.status ?? 'active',
    };
    return this;
  }

  /** A network ACL (custom: denies everything until entries are given), associated with `subnets`. */
  nacl(id: string, opts: { name?: string; vpc?: string; subnets?: string[]; inbound?: NaclEntrySpec[]; outbound?: NaclEntrySpec[] } = {}): this {
    const vpcId = opts.vpc ?? (opts.subnets?.[0] ? this.need('subnets', opts.subnets[0]).vpcId : this.vpcOrThrow());
    const acl: NetworkAcl = { id, name: opts.name ?? id, vpcId, isDefault: false, entries: [] };
    acl.entries = [...naclEntries(opts.inbound ?? [], false), ...naclEntries(opts.outbound ?? [], true)];
    this.d.networkAcls[id] = acl;
    for (const s of opts.subnets ?? []) this.need('subnets', s).networkAclId = id;
    return this;
  }

  /** Replaces the inbound entries of an ACL, or of a subnet's ACL (a subnet on the default ACL gets its own copy first). */
  naclInbound(aclOrSubnet: string, entries: NaclEntrySpec[]): this {
    const acl = this.need('networkAcls', this.ownAcl(aclOrSubnet));
    acl.entries = [...naclEntries(entries, false), ...acl.entries.filter((e) => e.egress)];
    return this;
  }

  /** Replaces the outbound entries of an ACL, or of a subnet's ACL (copied from the default first). */
  naclOutbound(aclOrSubnet: string, entries: NaclEntrySpec[]): this {
    const acl = this.need('networkAcls', this.ownAcl(aclOrSubnet));
    acl.entries = [...acl.entries.filter((e) => !e.egress), ...naclEntries(entries, true)];
    return this;
  }

  prefixList(id: string, cidrs: string[], opts: { name?: string; maxEntries?: number } = {}): this {
    const blocks = cidrs.map(mustCidr);
    this.d.prefixLists[id] = {
      id,
      name: opts.name ?? id,
      addressFamily: blocks[0]?.family === 6 ? 'IPv6' : 'IPv4',
      maxEntries: opts.maxEntries ?? Math.max(1, cidrs.length),
      entries: blocks.map((b) => ({ cidr: b.text })),
    };
    return this;
  }

  /** A named external network (corporate, vendor…); `internet()` adds the Internet itself. */
  external(id: string, cidrs: string[], opts: { name?: string } = {}): this {
    this.d.externalNetworks[id] = { id, name: opts.name ?? id, kind: 'cidr', cidrs: cidrs.map((c) => mustCidr(c).text) };
    return this;
  }

  internet(id = 'internet'): this {
    this.d.externalNetworks[id] = { id, name: 'Internet', kind: 'internet', cidrs: [] };
    return this;
  }

  // --- Security groups ----------------------------------------------------------------------------

  /** A security group; egress defaults to AWS's allow-all for a new group. */
  sg(id: string, opts: GroupOptions = {}): this {
    const vpcId = opts.vpc ?? this.vpcOrThrow();
    const vpc = this.need('vpcs', vpcId);
    this.d.securityGroups[id] = {
      id,
      name: opts.name ?? id,
      description: opts.description ?? opts.name ?? id,
      vpcId,
      isDefault: false,
      ingress: rules(id, 'in', opts.ingress ?? []),
      egress: opts.egress ? rules(id, 'out', opts.egress) : defaultEgress(id, vpc.ipv6Cidrs.length > 0),
      ...(opts.ownerId ? { ownerId: opts.ownerId } : {}),
    };
    return this;
  }

  /** Adds ingress rules to a group. */
  ingress(groupId: string, ...specs: RuleSpec[]): this {
    const g = this.need('securityGroups', groupId);
    g.ingress = [...g.ingress, ...rules(groupId, 'in', specs, g.ingress.length)];
    return this;
  }

  /** Adds egress rules to a group. */
  egress(groupId: string, ...specs: RuleSpec[]): this {
    const g = this.need('securityGroups', groupId);
    g.egress = [...g.egress, ...rules(groupId, 'out', specs, g.egress.length)];
    return this;
  }

  /** Replaces every ingress rule of a group. */
  setIngress(groupId: string, specs: RuleSpec[]): this {
    this.need('securityGroups', groupId).ingress = rules(groupId, 'in', specs);
    return this;
  }

  /** Replaces every egress rule of a group (`[]`: nothing may leave). */
  setEgress(groupId: string, specs: RuleSpec[]): this {
    this.need('securityGroups', groupId).egress = rules(groupId, 'out', specs);
    return this;
  }

  // --- Resources --------------------------------------------------------------------------------------

  instance(id: string, opts: InstanceOptions = {}): this {
    const specs = opts.enis ?? [{ ...opts, subnet: opts.subnet ?? this.fail(`instance ${id} needs a subnet`) } as EniSpec];
    const enis = specs.map((s, i) => this.makeEni(i === 0 ? `eni-${id}` : `eni-${id}-${i + 1}`, s));
    this.putResource({ id, kind: 'instance', name: opts.name ?? id, role: opts.role ?? 'other', platform: opts.platform ?? 'linux', enis });
    return this;
  }

  /** An auto scaling group: one representative interface per subnet. */
  instanceGroup(id: string, opts: InstanceGroupOptions): this {
    const enis = opts.subnets.map((s) =>
      this.makeEni(`eni-${id}-${s}`, { subnet: s, groups: opts.groups, publicIp: opts.publicIp, ipv6: opts.ipv6 } as EniSpec),
    );
    this.putResource({
      id,
      kind: 'instance-group',
      name: opts.name ?? id,
      role: opts.role ?? 'other',
      platform: opts.platform ?? 'linux',
      count: opts.count ?? 2,
      enis,
    });
    return this;
  }

  /** An application load balancer with one interface per subnet; internet-facing nodes get public addresses. */
  alb(id: string, opts: LoadBalancerOptions): this {
    const scheme = opts.scheme ?? 'internet-facing';
    const enis = opts.subnets.map((s) =>
      this.makeEni(`eni-${id}-${s}`, { subnet: s, groups: opts.groups, publicIp: scheme === 'internet-facing', ipv6: opts.ipv6 } as EniSpec),
    );
    const targetGroups: TargetGroup[] = (opts.targetGroups ?? []).map((t) => ({
      id: t.id,
      name: t.name ?? t.id,
      protocol: t.protocol ?? 'HTTP',
      port: t.port,
      healthCheckPort: t.healthCheckPort ?? 'traffic-port',
      targets: t.targets.map((x) => (typeof x === 'string' ? { resourceId: x } : { resourceId: x.resource, ...(x.port ? { port: x.port } : {}) })),
    }));
    const listeners: Listener[] = (opts.listeners ?? []).map((l) => ({
      id: l.id ?? `${id}-listener-${l.port}`,
      protocol: l.protocol ?? (l.port === 443 ? 'HTTPS' : 'HTTP'),
      port: l.port,
      targetGroupId: l.targetGroup,
    }));
    this.putResource({ id, kind: 'load-balancer', name: opts.name ?? id, scheme, listeners, targetGroups, enis });
    return this;
  }

  /** An RDS database; a publicly accessible one gets a public address on its interface. */
  rds(id: string, opts: DatabaseOptions): this {
    const engine = opts.engine ?? 'postgres';
    const publiclyAccessible = opts.publiclyAccessible ?? false;
    const enis = (opts.eniSubnets ?? opts.subnets.slice(0, 1)).map((s, i) =>
      this.makeEni(i === 0 ? `eni-${id}` : `eni-${id}-${i + 1}`, { subnet: s, groups: opts.groups, publicIp: publiclyAccessible } as EniSpec),
    );
    this.putResource({
      id,
      kind: 'database',
      name: opts.name ?? id,
      engine,
      port: opts.port ?? DB_PORTS[engine] ?? 5432,
      publiclyAccessible,
      subnetIds: [...opts.subnets],
      enis,
    });
    return this;
  }

  /** A Lambda function attached to subnets; its interfaces never have public addresses. */
  lambda(id: string, opts: LambdaOptions): this {
    const enis = opts.subnets.map((s) => this.makeEni(`eni-${id}-${s}`, { subnet: s, groups: opts.groups } as EniSpec));
    this.putResource({ id, kind: 'lambda', name: opts.name ?? id, enis });
    return this;
  }

  /** Changes a resource's interface (index 0 by default): `publicIp: true` gives an automatic one, `false` removes it. */
  eni(resourceId: string, patch: { publicIp?: string | boolean; groups?: string[]; ipv6?: string | boolean }, index = 0): this {
    const r = this.need('resources', resourceId);
    const e = r.enis[index] ?? this.fail(`${resourceId} has no interface ${index}`);
    if (patch.publicIp !== undefined) {
      if (patch.publicIp === false) delete e.publicIp;
      else e.publicIp = patch.publicIp === true ? this.nextPublicIp() : patch.publicIp;
    }
    if (patch.groups) e.securityGroupIds = [...patch.groups];
    if (patch.ipv6 !== undefined) e.ipv6Ips = patch.ipv6 === false ? [] : [this.ipv6For(e.subnetId, patch.ipv6)];
    return this;
  }

  /** Removes an entity from any collection (resources by default). */
  remove(id: string, collection: keyof Omit<Design, 'schemaVersion' | 'name' | 'layout'> = 'resources'): this {
    delete (this.d[collection] as Record<string, unknown>)[id];
    return this;
  }

  /** Escape hatch: edit the draft directly (route specs added with `routes`/`route` are still resolved at build). */
  edit(fn: (draft: Design) => void): this {
    fn(this.d);
    return this;
  }

  /** The finished design: route targets resolved, cross-VPC group references tied to their peering. */
  build(): Design {
    const out = clone(this.d);
    for (const t of Object.values(out.routeTables)) t.routes = [...t.routes];
    for (const p of this.routes) {
      const table = out.routeTables[p.tableId];
      if (!table) throw new Error(`builder: route table ${p.tableId} does not exist`);
      table.routes.push(resolveRoute(out, p.spec));
    }
    for (const g of Object.values(out.securityGroups)) {
      for (const rule of [...g.ingress, ...g.egress]) {
        const peer = rule.peer;
        if (peer.kind !== 'security-group' || peer.peeringId) continue;
        const other = out.securityGroups[peer.groupId];
        if (!other || other.vpcId === g.vpcId) continue;
        const pcx = Object.values(out.peerings).find(
          (x) => (x.requester.vpcId === g.vpcId && x.accepter.vpcId === other.vpcId) || (x.accepter.vpcId === g.vpcId && x.requester.vpcId === other.vpcId),
        );
        if (pcx) peer.peeringId = pcx.id;
      }
    }
    return out;
  }

  // --- internals ---------------------------------------------------------------------------------------

  private putResource(r: Resource): void {
    this.d.resources[r.id] = r;
  }

  private makeEni(id: string, spec: EniSpec): Eni {
    const subnet = this.need('subnets', spec.subnet);
    const groups = spec.groups && spec.groups.length > 0 ? [...spec.groups] : [`${subnet.vpcId}-default-sg`];
    const eni: Eni = {
      id,
      subnetId: subnet.id,
      privateIps: [this.allocate(subnet.id, spec.ip)],
      ipv6Ips: spec.ipv6 ? [this.ipv6For(subnet.id, spec.ipv6)] : [],
      securityGroupIds: groups,
    };
    if (spec.publicIp) eni.publicIp = spec.publicIp === true ? this.nextPublicIp() : spec.publicIp;
    return eni;
  }

  /** The given address, or the next free one of the subnet after AWS's four reserved ones. */
  private allocate(subnetId: string, given?: string): string {
    if (given) {
      this.usedIps.add(given);
      return given;
    }
    const block = mustCidr(this.need('subnets', subnetId).cidr);
    let offset = this.nextHost.get(subnetId) ?? 4n;
    for (;;) {
      const value = block.first + offset;
      if (value >= block.last) throw new Error(`builder: subnet ${subnetId} is full`);
      offset += 1n;
      const text = formatAddress(4, value);
      if (!this.usedIps.has(text)) {
        this.nextHost.set(subnetId, offset);
        this.usedIps.add(text);
        return text;
      }
    }
  }

  private ipv6For(subnetId: string, given: string | true): string {
    if (typeof given === 'string') return given;
    const subnet = this.need('subnets', subnetId);
    if (!subnet.ipv6Cidr) throw new Error(`builder: subnet ${subnetId} has no IPv6 CIDR`);
    const block = mustCidr(subnet.ipv6Cidr);
    const key = `${subnetId}#6`;
    const offset = this.nextHost.get(key) ?? 4n;
    this.nextHost.set(key, offset + 1n);
    return formatAddress(6, block.first + offset);
  }

  /** Public addresses from TEST-NET-1 (192.0.2.10-254), then 52.0.0.0/8 for large generated designs. */
  private nextPublicIp(): string {
    const n = this.publicCounter++;
    if (n < 245) return `192.0.2.${10 + n}`;
    const v = 0x34000000 + (n - 245) + 1;
    return formatAddress(4, BigInt(v));
  }

  private side(spec: PeerVpcSpec): PeeringSide {
    if (typeof spec !== 'string') return { ...spec };
    const v = this.need('vpcs', spec);
    return { vpcId: v.id, region: v.region, cidrs: [...v.cidrs], ipv6Cidrs: [...v.ipv6Cidrs], ...(v.ownerId ? { ownerId: v.ownerId } : {}) };
  }

  private tableOf(tableOrSubnet: string): string {
    const s = this.d.subnets[tableOrSubnet];
    if (!s) return tableOrSubnet;
    return s.routeTableId ?? this.need('vpcs', s.vpcId).mainRouteTableId ?? this.fail(`no route table for ${tableOrSubnet}`);
  }

  /** A subnet's own route table: one on the main table gets a copy of it first. */
  private ownTable(tableOrSubnet: string): string {
    const s = this.d.subnets[tableOrSubnet];
    if (!s || s.routeTableId) return this.tableOf(tableOrSubnet);
    const main = this.tableOf(tableOrSubnet);
    const id = `rt-${s.id}`;
    this.d.routeTables[id] = { ...clone(this.need('routeTables', main)), id, name: id };
    for (const p of this.routes.filter((r) => r.tableId === main)) this.routes.push({ tableId: id, spec: p.spec });
    s.routeTableId = id;
    return id;
  }

  /** A subnet's own ACL: one on the VPC's default ACL gets a copy of it first. */
  private ownAcl(aclOrSubnet: string): string {
    const s = this.d.subnets[aclOrSubnet];
    if (!s) return aclOrSubnet;
    if (s.networkAclId && !this.need('networkAcls', s.networkAclId).isDefault) return s.networkAclId;
    const vpc = this.need('vpcs', s.vpcId);
    const source = this.need('networkAcls', s.networkAclId ?? vpc.defaultNetworkAclId ?? this.fail(`no ACL for ${s.id}`));
    const id = `acl-${s.id}`;
    this.d.networkAcls[id] = { ...clone(source), id, name: id, isDefault: false };
    s.networkAclId = id;
    return id;
  }

  private vpcHolding(block: Cidr): string | undefined {
    for (const v of Object.values(this.d.vpcs)) {
      for (const c of [...v.cidrs, ...v.ipv6Cidrs]) {
        const outer = mustCidr(c);
        if (outer.family === block.family && outer.first <= block.first && block.last <= outer.last) return v.id;
      }
    }
    return undefined;
  }

  private vpcOrThrow(): string {
    return this.currentVpc ?? this.fail('add a VPC first');
  }

  private need<C extends 'vpcs' | 'subnets' | 'routeTables' | 'networkAcls' | 'securityGroups' | 'resources'>(collection: C, id: string): Design[C][string] {
    const found = (this.d[collection] as Record<string, Design[C][string]>)[id];
    return found ?? this.fail(`${collection} ${id} does not exist`);
  }

  private fail(message: string): never {
    throw new Error(`builder: ${message}`);
  }
}

interface BuilderState {
  currentVpc: string | undefined;
  nextHost: Map<string, bigint>;
  usedIps: Set<string>;
  publicCounter: number;
}

/** Starts a design. */
export function design(name?: string): DesignBuilder {
  return new DesignBuilder(name);
}

function rules(groupId: string, dir: 'in' | 'out', specs: RuleSpec[], start = 0): SecurityGroupRule[] {
  return specs.map((s, i) => ({
    id: `${groupId}-${dir}-${start + i + 1}`,
    match: { ...s.match },
    peer: toPeer(s.peer),
    ...(s.description ? { description: s.description } : {}),
  }));
}

function naclEntries(specs: NaclEntrySpec[], egress: boolean): NetworkAclEntry[] {
  return specs.map(([ruleNumber, action, rule]) => {
    const peer = toPeer(rule.peer);
    if (peer.kind !== 'cidr') throw new Error(`builder: NACL rule ${ruleNumber} must name a CIDR`);
    return { ruleNumber, egress, action, cidr: mustCidr(peer.cidr).text, match: { ...rule.match } };
  });
}

function destText(d: Route['destination']): string {
  return 'cidr' in d ? d.cidr : d.prefixListId;
}

function specDestination(spec: RouteSpec): string {
  return Array.isArray(spec) ? (spec[0] as string) : destText((spec as Route).destination);
}

function resolveRoute(d: Design, spec: RouteSpec): Route {
  if (!Array.isArray(spec)) return clone(spec as Route);
  const [dest, target, state] = spec as readonly [string, string, ('active' | 'blackhole')?];
  const destination = dest.startsWith('pl-') ? { prefixListId: dest } : { cidr: mustCidr(dest).text };
  return { destination, target: resolveTarget(d, target), state: state ?? 'active' };
}

function resolveTarget(d: Design, id: string): RouteTarget {
  if (id === 'local') return { kind: 'local' };
  if (d.internetGateways[id] || id.startsWith('igw')) return { kind: 'internet-gateway', id };
  if (d.natGateways[id] || id.startsWith('nat')) return { kind: 'nat-gateway', id };
  if (d.peerings[id] || id.startsWith('pcx')) return { kind: 'peering', id };
  return { kind: 'other', id };
}
