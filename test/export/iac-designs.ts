/** Designs the Terraform and CloudFormation exports are proven on, besides the templates and topology T. */
import { allTraffic, design, icmp, icmpv6, pl, sg, tcp, udp } from '../../src/core/model/builder.ts';
import { topologyT } from '../../src/core/model/fixtures/topology-t.ts';
import type { Design } from '../../src/core/model/types.ts';
import { TEMPLATES } from '../../src/core/templates/index.ts';

/** IPv6 (VPC, subnets, routes, rules), a custom NACL, a changed default ACL, a secondary CIDR, a prefix list, an ASG and a two-interface instance. */
export function ipv6NaclDesign(): Design {
  return design('IPv6 and NACL')
    .vpc('v6', '10.5.0.0/16', { name: 'six', ipv6Cidr: '2600:1f18:aa00::/56', secondaryCidrs: ['10.6.0.0/16'] })
    .igw('v6-igw', { name: 'six-igw' })
    .subnet('web', '10.5.1.0/24', 'us-east-1a', { name: 'web', ipv6Cidr: '2600:1f18:aa00:1::/64' })
    .subnet('web-b', '10.5.11.0/24', 'us-east-1b', { name: 'web-b', ipv6Cidr: '2600:1f18:aa00:2a::/64' })
    .subnet('data', '10.6.2.0/24', 'us-east-1b', { name: 'data' })
    .routeTable('rt-web', { name: 'web-routes', routes: [['0.0.0.0/0', 'v6-igw'], ['::/0', 'v6-igw']], subnets: ['web', 'web-b'] })
    .route('v6-main-rt', '10.99.0.0/16', 'tgw-0123456789abcdef0')
    .prefixList('pl-corp', ['203.0.113.0/24', '198.51.100.0/24'], { name: 'corp-ranges', maxEntries: 5 })
    .nacl('acl-data', {
      name: 'data-acl',
      subnets: ['data'],
      inbound: [
        [100, 'allow', tcp(5432, '10.5.1.0/24')],
        [110, 'deny', icmp(8, -1, '0.0.0.0/0')],
        [120, 'allow', tcp([1024, 65535], '::/0')],
        [130, 'allow', udp([1024, 65535], '0.0.0.0/0')],
        [140, 'allow', icmpv6('::/0', 128, 0)],
      ],
      outbound: [
        [100, 'allow', tcp([1024, 65535], '10.5.1.0/24')],
        [200, 'allow', allTraffic('::/0')],
      ],
    })
    .edit((d) => {
      const acl = d.networkAcls['v6-default-acl']!;
      acl.entries = [{ ruleNumber: 90, egress: false, action: 'deny', cidr: '0.0.0.0/0', match: { protocol: 'udp', ports: { from: 53, to: 53 } } }, ...acl.entries];
    })
    .sg('g-web', { name: 'web', description: 'web tier', ingress: [tcp(443, '::/0'), tcp(443, '0.0.0.0/0'), icmpv6('::/0'), tcp(22, pl('pl-corp'), 'ssh from corp')] })
    .sg('g-db', { name: 'db', description: 'database tier', ingress: [tcp(5432, sg('g-web')), tcp(5432, sg('g-db'))], egress: [] })
    .sg('g-out', { name: 'out-only-groups', description: 'egress to groups only', egress: [tcp(5432, sg('g-db')), udp(53, pl('pl-0aws-managed'))] })
    .ingress('v6-default-sg', tcp(80, '10.5.0.0/16', 'extra rule on the default group'))
    .setEgress('v6-default-sg', [])
    .instance('web-1', { name: 'web-1', subnet: 'web', groups: ['g-web'], publicIp: true, ipv6: true })
    .instance('db-1', {
      name: 'db-1',
      enis: [
        { subnet: 'data', groups: ['g-db'] },
        { subnet: 'data', groups: ['g-out', 'v6-default-sg'] },
      ],
    })
    .instanceGroup('asg', { name: 'web-fleet', subnets: ['web', 'web-b'], groups: ['g-web'], count: 3 })
    .alb('alb', {
      name: 'six-alb',
      subnets: ['web', 'web-b'],
      groups: ['g-web'],
      listeners: [{ port: 80, protocol: 'HTTP', targetGroup: 'tg' }],
      targetGroups: [{ id: 'tg', name: 'fleet', port: 8080, targets: ['asg', 'web-1'] }],
    })
    .build();
}

const SUBST = '$(touch /tmp/pwned) `id` ${HOME} %{if true}x%{endif}';

/** Names, descriptions and tags that must stay literal strings (quotes, backslashes, templates, unicode, newlines). */
export function trickyDesign(): Design {
  const tags = {
    quotes: `it's "quoted" \\ back\\slash \\\\n`,
    subst: SUBST,
    escaped: '$${already} %%{escaped} $$ %% ${',
    lines: 'one\ntwo\r\nthree\ttab',
    unicode: 'Zürich → 東京 🚀',
    'key "with" ${x}': 'key needs quoting',
  };
  return design(`Tricky "design" \\ ${SUBST}\nline two`)
    .vpc('vt', '10.30.0.0/16', { name: `vpc "${SUBST}" \\ ünïcødé` })
    .edit((d) => (d.vpcs.vt!.tags = tags))
    .subnet('st', '10.30.1.0/24', 'us-east-1a', { name: `subnet \`${SUBST}\`\nnext` })
    .subnet('st2', '10.30.2.0/24', 'us-east-1b', { name: '東京 subnet' })
    // Group names and descriptions keep to AWS's charset (no quotes, backslashes, backticks or %).
    .sg('g1', { name: 'web ${HOME} $(id) & {y}; !*', description: 'desc ${a} $${b} $(c) [d]+=@#,.:/ !*' })
    .sg('g2', { name: '--dry-run', description: '-x $HOME $(id) ${PATH}', ingress: [tcp(22, '10.0.0.0/8', 'desc ${x} $(y) {z};!*')] })
    .ingress('g1', tcp(443, sg('g2'), 'from g2 $(id) ${x}'))
    .instance('i1', { name: `inst 'a' "b" ${SUBST}\n\`uname\``, subnet: 'st', groups: ['g1', 'g2'] })
    .edit((d) => (d.resources.i1!.tags = tags))
    .rds('db', { name: 'Orders DB ${x} "q"', subnets: ['st', 'st2'], groups: ['g2'], engine: 'mysql' })
    .lambda('fn', { name: 'fn ${x} `y`', subnets: ['st'], groups: ['g1'] })
    .build();
}

/** Every design of the corpus: the registry, topology T (both ways), and the two above. */
export function corpus(): Array<{ id: string; design: Design }> {
  return [
    ...TEMPLATES.map((t) => ({ id: `template:${t.id}`, design: t.build() })),
    { id: 'topology-t', design: topologyT().build() },
    { id: 'topology-t-ipv6', design: topologyT({ ipv6: true }).build() },
    { id: 'ipv6-nacl', design: ipv6NaclDesign() },
    { id: 'tricky', design: trickyDesign() },
  ];
}

export const TRICKY_TAGS_KEYS = ['quotes', 'subst', 'escaped', 'lines', 'unicode'] as const;
