/** Designs the AWS CLI export is proven on: hand-built ones and a small random-design arbitrary. */
import fc from 'fast-check';
import { allTraffic, design, icmp, icmpv6, sg, tcp, udp, type DesignBuilder, type RuleSpec } from '../../src/core/model/builder.ts';
import type { Design } from '../../src/core/model/types.ts';

/** A custom NACL, a changed default NACL and IPv6 (VPC, subnet, routes, rules, an instance address). */
export function naclIpv6Design(): Design {
  return design('NACL and IPv6')
    .vpc('v6', '10.5.0.0/16', { name: 'six', ipv6Cidr: '2600:1f18:aa00::/56' })
    .igw('v6-igw', { name: 'six-igw' })
    .subnet('web', '10.5.1.0/24', 'us-east-1a', { name: 'web', ipv6Cidr: '2600:1f18:aa00:1::/64' })
    .subnet('data', '10.5.2.0/24', 'us-east-1b', { name: 'data' })
    .routeTable('rt-web', { name: 'web-routes', routes: [['0.0.0.0/0', 'v6-igw'], ['::/0', 'v6-igw']], subnets: ['web'] })
    .nacl('acl-data', {
      name: 'data-acl',
      subnets: ['data'],
      inbound: [
        [100, 'allow', tcp(5432, '10.5.1.0/24')],
        [110, 'deny', icmp(8, -1, '0.0.0.0/0')],
        [120, 'allow', tcp([1024, 65535], '::/0')],
        [130, 'allow', udp([1024, 65535], '0.0.0.0/0')],
      ],
      outbound: [
        [100, 'allow', tcp([1024, 65535], '10.5.1.0/24')],
        [200, 'allow', allTraffic('::/0')],
      ],
    })
    .naclInbound('v6-default-acl', [
      [90, 'deny', udp(53, '0.0.0.0/0')],
      [100, 'allow', allTraffic('0.0.0.0/0')],
      [101, 'allow', allTraffic('::/0')],
    ])
    .sg('g-web', { name: 'web', description: 'web tier', ingress: [tcp(443, '::/0'), tcp(443, '0.0.0.0/0'), icmpv6('::/0')] })
    .sg('g-db', { name: 'db', description: 'database tier', ingress: [tcp(5432, sg('g-web'))], egress: [] })
    .instance('web-1', { name: 'web-1', subnet: 'web', groups: ['g-web'], publicIp: true, ipv6: true })
    .instance('db-1', { name: 'db-1', subnet: 'data', groups: ['g-db'] })
    .build();
}

/** Two VPCs peered both ways, with a group in each that references the other across the peering. */
export function peeredDesign(): Design {
  return design('Peered')
    .vpc('va', '10.10.0.0/16', { name: 'alpha' })
    .subnet('sa', '10.10.1.0/24', 'us-east-1a', { name: 'alpha-app' })
    .vpc('vb', '10.20.0.0/16', { name: 'beta' })
    .subnet('sb', '10.20.1.0/24', 'us-east-1a', { name: 'beta-db' })
    .peering('pcx-ab', 'va', 'vb', { name: 'alpha-beta' })
    .routeTable('rt-a', { name: 'alpha-rt', routes: [['10.20.0.0/16', 'pcx-ab']], subnets: ['sa'] })
    .routeTable('rt-b', { name: 'beta-rt', routes: [['10.20.0.0/16', 'local'], ['10.10.1.0/24', 'pcx-ab']], subnets: ['sb'] })
    .route('va-main-rt', '192.168.0.0/16', 'pcx-ab')
    .sg('g-app', { vpc: 'va', name: 'app', description: 'app in alpha', egress: [tcp(5432, sg('g-db')), tcp(443, '0.0.0.0/0')] })
    .sg('g-db', { vpc: 'vb', name: 'db', description: 'db in beta', ingress: [tcp(5432, sg('g-app')), tcp(22, '10.10.0.0/16', 'ssh from alpha')], egress: [] })
    .instance('app-1', { name: 'app-1', subnet: 'sa', groups: ['g-app'] })
    .instance('db-1', { name: 'db-1', subnet: 'sb', groups: ['g-db'] })
    .build();
}

/** A run's marker file: a command substitution that must never run. */
export const PWNED = `/tmp/pwned-tierwise-${process.pid}`;

/** Names, descriptions and tags that would break out of a careless script. */
export function hostileDesign(): Design {
  const evil = `$(touch ${PWNED})`;
  const tags = {
    quotes: `it's "quoted" \\ back\\slash`,
    subst: `${evil} and \`touch ${PWNED}\` and \${HOME}`,
    // (no CR: AWS's XML answers normalise CR LF to LF)
    lines: 'one\ntwo\n\nthree\ttab',
    unicode: 'Zürich → 東京 🚀',
    ';rm -rf x': 'key with shell',
  };
  return design('Hostile')
    .vpc('vh', '10.30.0.0/16', { name: `vpc '${evil}' "x" \`id\`\nnext` })
    .edit((d) => (d.vpcs.vh!.tags = tags))
    .subnet('sh', '10.30.1.0/24', 'us-east-1a', { name: `subnet ${evil} ünïcødé` })
    .sg('g1', { name: `web ${evil} & {x}; !*`, description: `file:///etc/hostname ${evil} [a]+=@#,.:/` })
    .sg('g2', { name: '--dry-run', description: '-x $HOME $(id) ${PATH}', ingress: [tcp(22, '10.0.0.0/8', `desc ${evil} $HOME;{}!*`)] })
    .ingress('g1', tcp(443, sg('g2'), 'from g2 $(id)'))
    .instance('i1', { name: `inst 'a' "b" ${evil}\n\`uname\``, subnet: 'sh', groups: ['g1', 'g2'] })
    .edit((d) => (d.resources.i1!.tags = tags))
    .build();
}

// --- random designs ----------------------------------------------------------------------------

const PORTS = [22, 80, 443, 5432, [1024, 65535], [8000, 8099]] as const;
const CIDRS = ['0.0.0.0/0', '10.0.0.0/8', '192.168.1.0/24', '203.0.113.7/32'] as const;

interface RuleRecipe {
  kind: 'tcp' | 'udp' | 'icmp' | 'all';
  port: number;
  peer: number;
  desc: boolean;
}
interface VpcRecipe {
  subnets: number;
  igw: boolean;
  nacl: Array<{ n: number; egress: boolean; deny: boolean; rule: RuleRecipe }>;
  groups: Array<{ ingress: RuleRecipe[]; egress: RuleRecipe[] | null }>;
  instances: Array<{ subnet: number; groups: number[]; publicIp: boolean }>;
}

const ruleRecipe = fc.record({ kind: fc.constantFrom('tcp', 'udp', 'icmp', 'all' as const), port: fc.nat(PORTS.length - 1), peer: fc.nat(20), desc: fc.boolean() });

export const vpcRecipe: fc.Arbitrary<VpcRecipe> = fc.record({
  subnets: fc.integer({ min: 1, max: 2 }),
  igw: fc.boolean(),
  nacl: fc.array(fc.record({ n: fc.integer({ min: 1, max: 5 }), egress: fc.boolean(), deny: fc.boolean(), rule: ruleRecipe }), { maxLength: 3 }),
  groups: fc.array(fc.record({ ingress: fc.array(ruleRecipe, { maxLength: 3 }), egress: fc.option(fc.array(ruleRecipe, { maxLength: 2 }), { nil: null }) }), { minLength: 1, maxLength: 3 }),
  instances: fc.array(fc.record({ subnet: fc.nat(1), groups: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 2 }), publicIp: fc.boolean() }), { minLength: 2, maxLength: 3 }),
});

function toRule(r: RuleRecipe, groupIds: string[], label: string): RuleSpec {
  const peer = r.peer < groupIds.length * 2 ? sg(groupIds[r.peer % groupIds.length]!) : CIDRS[r.peer % CIDRS.length]!;
  const p = PORTS[r.port]!;
  const ports = typeof p === 'number' ? p : ([p[0], p[1]] as const);
  const description = r.desc ? `rule ${label} (${r.kind})` : undefined;
  const rule = r.kind === 'tcp' ? tcp(ports, peer) : r.kind === 'udp' ? udp(ports, peer) : r.kind === 'icmp' ? icmp(8, -1, peer) : allTraffic(peer);
  return description ? { ...rule, description } : rule;
}

/** Several independent VPCs in one design (each `r<k>`), deployed in one Region per run. */
export function randomDesign(recipes: VpcRecipe[]): Design {
  let b: DesignBuilder = design('Random');
  recipes.forEach((rc, k) => {
    const v = `r${k}`;
    b = b.vpc(v, `10.${k}.0.0/16`, { name: v });
    const subnets = Array.from({ length: rc.subnets }, (_, i) => `${v}-s${i}`);
    subnets.forEach((s, i) => (b = b.subnet(s, `10.${k}.${i + 1}.0/24`, i === 0 ? 'us-east-1a' : 'us-east-1b', { name: s })));
    if (rc.igw) {
      b = b.igw(`${v}-igw`, { name: `${v}-igw` }).routeTable(`${v}-rt`, { name: `${v}-public`, routes: [['0.0.0.0/0', `${v}-igw`]], subnets: [subnets[0]!] });
    }
    if (rc.nacl.length > 0) {
      const seen = new Set<string>();
      const entries = rc.nacl.filter((e) => !seen.has(`${e.n}${e.egress}`) && seen.add(`${e.n}${e.egress}`));
      const spec = (egress: boolean) =>
        entries.filter((e) => e.egress === egress).map((e) => {
          const rule = toRule({ ...e.rule, peer: 99, desc: false }, [], '');
          return [e.n * 10, e.deny ? 'deny' : 'allow', { ...rule, peer: CIDRS[e.rule.peer % CIDRS.length]! }] as const;
        });
      b = b.nacl(`${v}-acl`, { name: `${v}-acl`, subnets: [subnets[subnets.length - 1]!], inbound: spec(false), outbound: spec(true) });
    }
    const groupIds = rc.groups.map((_, i) => `${v}-g${i}`);
    rc.groups.forEach((g, i) => {
      const dedupe = (list: RuleSpec[]) => [...new Map(list.map((r) => [JSON.stringify([r.match, r.peer]), r])).values()];
      const ingress = dedupe(g.ingress.map((r, j) => toRule(r, groupIds, `${i}.${j}`)));
      const egress = g.egress ? dedupe(g.egress.map((r, j) => toRule(r, groupIds, `${i}.e${j}`))) : undefined;
      b = b.sg(groupIds[i]!, { name: `${v}-group-${i}`, description: `group ${i} of ${v}`, ingress, ...(egress ? { egress } : {}) });
    });
    const allGroups = [...groupIds, `${v}-default-sg`];
    rc.instances.forEach((inst, i) => {
      const groups = [...new Set(inst.groups.map((g) => allGroups[g % allGroups.length]!))];
      b = b.instance(`${v}-i${i}`, { name: `${v}-i${i}`, subnet: subnets[inst.subnet % subnets.length]!, groups, publicIp: inst.publicIp && rc.igw });
    });
  });
  return b.build();
}
