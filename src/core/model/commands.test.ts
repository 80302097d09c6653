import { describe, expect, it } from 'vitest';
import type { Design } from './types.ts';
import { emptyDesign } from './types.ts';
import { unwrap } from './result.ts';
import {
  addExternalNetwork,
  addInternetGateway,
  addNatGateway,
  addNetworkAcl,
  addPeering,
  addResource,
  addRule,
  addSecurityGroup,
  addSubnet,
  addVpc,
  attachGroup,
  detachGroup,
  moveResource,
  removeResources,
  removeSecurityGroup,
  removeSubnet,
  removeVpc,
  setLayout,
  setNetworkAclEntry,
  setPublicAddress,
  setRoute,
  updateRule,
} from './commands/index.ts';
import { isPublicSubnet, networkAclOf, routeTableOf } from './queries.ts';
import { validateDesign } from './schema.ts';

/** A VPC with a public and a private subnet, an IGW, and one group: the smallest useful design. */
function base(): Design {
  let d = unwrap(addVpc(emptyDesign('t'), { id: 'vpc-1', name: 'main', cidr: '10.0.0.0/16' }));
  d = unwrap(addInternetGateway(d, { id: 'igw-1', vpcId: 'vpc-1' }));
  d = unwrap(addSubnet(d, { id: 'sub-pub', vpcId: 'vpc-1', name: 'public-a', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a' }));
  d = unwrap(addSubnet(d, { id: 'sub-app', vpcId: 'vpc-1', name: 'app-a', cidr: '10.0.2.0/24', availabilityZone: 'us-east-1a' }));
  d = unwrap(addSecurityGroup(d, { id: 'sg-web', vpcId: 'vpc-1', name: 'web', description: 'web tier' }));
  return d;
}

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('addVpc', () => {
  it('creates the main route table, the default ACL allowing all, and the default group as AWS does', () => {
    const d = base();
    const vpc = d.vpcs['vpc-1']!;
    expect(d.routeTables[vpc.mainRouteTableId!]).toMatchObject({ vpcId: 'vpc-1', routes: [] });
    const acl = d.networkAcls[vpc.defaultNetworkAclId!]!;
    expect(acl.isDefault).toBe(true);
    expect(acl.entries).toEqual([
      { ruleNumber: 100, egress: false, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'all' } },
      { ruleNumber: 100, egress: true, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'all' } },
    ]);
    const def = Object.values(d.securityGroups).find((g) => g.isDefault)!;
    expect(def.ingress).toEqual([{ id: `${def.id}-ingress-self`, match: { protocol: 'all' }, peer: { kind: 'security-group', groupId: def.id } }]);
    expect(def.egress.map((r) => r.peer)).toEqual([{ kind: 'cidr', cidr: '0.0.0.0/0' }]);
  });

  it('adds ::/0 entries and egress when the VPC has IPv6', () => {
    const d = unwrap(addVpc(emptyDesign(), { id: 'v6', name: 'dual', cidr: '10.1.0.0/16', ipv6Cidr: '2600:1f18:abcd:1200::/56' }));
    expect(d.networkAcls[d.vpcs.v6!.defaultNetworkAclId!]!.entries.map((e) => `${e.ruleNumber} ${e.cidr}`)).toEqual(['100 0.0.0.0/0', '101 ::/0', '100 0.0.0.0/0', '101 ::/0']);
  });

  it('refuses a non-canonical CIDR and says which form AWS would store', () => {
    const r = addVpc(emptyDesign(), { name: 'x', cidr: '10.0.0.5/16' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('cidr/not-canonical');
      expect(r.error.message).toContain('10.0.0.0/16');
      expect(r.error.path).toBe('cidr');
    }
  });
});

describe('addSubnet', () => {
  it('refuses a subnet outside the VPC CIDR, overlapping a sibling, or of the wrong size', () => {
    const d = base();
    expect(codeOf(addSubnet(d, { vpcId: 'vpc-1', name: 'x', cidr: '10.1.0.0/24', availabilityZone: 'a' }))).toBe('subnets/outside-vpc');
    expect(codeOf(addSubnet(d, { vpcId: 'vpc-1', name: 'x', cidr: '10.0.1.128/25', availabilityZone: 'a' }))).toBe('subnets/overlap');
    expect(codeOf(addSubnet(d, { vpcId: 'vpc-1', name: 'x', cidr: '10.0.9.0/29', availabilityZone: 'a' }))).toBe('subnets/size');
    expect(codeOf(addSubnet(d, { vpcId: 'vpc-x', name: 'x', cidr: '10.0.9.0/24', availabilityZone: 'a' }))).toBe('vpcs/not-found');
  });

  it('is public exactly when its route table sends 0.0.0.0/0 to an attached internet gateway', () => {
    let d = base();
    const pub = d.subnets['sub-pub']!;
    expect(isPublicSubnet(d, pub)).toBe(false);
    const main = routeTableOf(d, pub)!.id;
    d = unwrap(setRoute(d, main, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: 'igw-1' } }));
    expect(isPublicSubnet(d, d.subnets['sub-pub']!)).toBe(true);
  });
});

describe('security groups', () => {
  it('gives a new group no inbound rules and allow-all outbound', () => {
    const g = base().securityGroups['sg-web']!;
    expect(g.ingress).toEqual([]);
    expect(g.egress).toEqual([{ id: 'sg-web-egress-all', match: { protocol: 'all' }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }]);
  });

  it('refuses names AWS refuses: sg- prefix, bad characters, over 255 characters, duplicates', () => {
    const d = base();
    expect(codeOf(addSecurityGroup(d, { vpcId: 'vpc-1', name: 'sg-web' }))).toBe('text/reserved-prefix');
    expect(codeOf(addSecurityGroup(d, { vpcId: 'vpc-1', name: 'web"tier' }))).toBe('text/characters');
    expect(codeOf(addSecurityGroup(d, { vpcId: 'vpc-1', name: 'a'.repeat(256) }))).toBe('text/too-long');
    expect(codeOf(addSecurityGroup(d, { vpcId: 'vpc-1', name: 'web' }))).toBe('securityGroups/duplicate-name');
  });

  it('holds an interface to five groups with a clear refusal for the sixth', () => {
    let d = base();
    for (let i = 1; i <= 5; i++) d = unwrap(addSecurityGroup(d, { id: `sg-${i}`, vpcId: 'vpc-1', name: `g${i}` }));
    d = unwrap(addResource(d, { id: 'web-1', kind: 'instance', name: 'web-1', subnetIds: ['sub-pub'], securityGroupIds: ['sg-1'] }));
    for (let i = 2; i <= 5; i++) d = unwrap(attachGroup(d, 'web-1', `sg-${i}`));
    const sixth = attachGroup(d, 'web-1', 'sg-web');
    expect(sixth.ok).toBe(false);
    if (!sixth.ok) {
      expect(sixth.error.code).toBe('eni/too-many-groups');
      expect(sixth.error.message).toBe('web-1 already has 5 security groups, the AWS limit per network interface; detach one before adding web.');
    }
  });

  it('keeps at least one group on an interface', () => {
    const d = unwrap(addResource(base(), { id: 'web-1', kind: 'instance', name: 'web-1', subnetIds: ['sub-pub'], securityGroupIds: ['sg-web'] }));
    expect(codeOf(detachGroup(d, 'web-1', 'sg-web'))).toBe('eni/needs-a-group');
  });

  it('refuses to delete a group in use unless forced, then detaches it and drops rules that reference it', () => {
    let d = base();
    d = unwrap(addSecurityGroup(d, { id: 'sg-app', vpcId: 'vpc-1', name: 'app' }));
    d = unwrap(addRule(d, 'sg-app', 'ingress', { match: { protocol: 'tcp', ports: { from: 8080, to: 8080 } }, peer: { kind: 'security-group', groupId: 'sg-web' } }));
    d = unwrap(addResource(d, { id: 'web-1', kind: 'instance', name: 'web-1', subnetIds: ['sub-pub'], securityGroupIds: ['sg-web', 'sg-app'] }));
    const refused = removeSecurityGroup(d, 'sg-web');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Security group web is attached to web-1 and referenced by app.');
    const forced = unwrap(removeSecurityGroup(d, 'sg-web', { force: true }));
    expect(forced.securityGroups['sg-web']).toBeUndefined();
    expect(forced.securityGroups['sg-app']!.ingress).toEqual([]);
    expect(forced.resources['web-1']!.enis[0]!.securityGroupIds).toEqual(['sg-app']);
  });
});

describe('rules', () => {
  const tcp = (from: number, to = from) => ({ protocol: 'tcp' as const, ports: { from, to } });

  it('stores a rule in canonical form and drops ports a protocol ignores', () => {
    let d = unwrap(addRule(base(), 'sg-web', 'ingress', { match: { protocol: 'all', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '10.0.0.0/16' } }));
    d = unwrap(addRule(d, 'sg-web', 'ingress', { match: { protocol: '6' as never, ports: { from: 443, to: 443 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' }, description: 'HTTPS' }));
    expect(d.securityGroups['sg-web']!.ingress.map((r) => [r.match, r.description])).toEqual([
      [{ protocol: 'all' }, undefined],
      [{ protocol: 'tcp', ports: { from: 443, to: 443 } }, 'HTTPS'],
    ]);
  });

  it('refuses what the EC2 API refuses, naming the field', () => {
    const d = base();
    const cases: Array<[Parameters<typeof addRule>[3], string, string | undefined]> = [
      [{ match: tcp(80, 22), peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }, 'match/port-order', 'match.ports'],
      [{ match: tcp(70000), peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }, 'match/port-range', 'match.ports.from'],
      [{ match: { protocol: 'tcp' }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }, 'match/ports-missing', 'match.ports'],
      [{ match: { protocol: 'icmp', icmp: { type: -1, code: 3 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }, 'match/icmp-wildcard', 'match.icmp.code'],
      [{ match: tcp(22), peer: { kind: 'cidr', cidr: '100.68.0.18/18' } }, 'cidr/not-canonical', 'peer.cidr'],
      [{ match: tcp(22), peer: { kind: 'cidr', cidr: '10.0.0.300/32' } }, 'cidr/syntax', 'peer.cidr'],
      [{ match: tcp(22), peer: { kind: 'security-group', groupId: 'sg-nope' } }, 'securityGroups/not-found', 'peer.groupId'],
      [{ match: tcp(22), peer: { kind: 'cidr', cidr: '10.0.0.0/8' }, description: 'line\nbreak' }, 'text/characters', 'description'],
    ];
    for (const [input, code, path] of cases) {
      const r = addRule(d, 'sg-web', 'ingress', input);
      expect(r.ok, code).toBe(false);
      if (!r.ok) expect([r.error.code, r.error.path]).toEqual([code, path]);
    }
  });

  it('refuses a duplicate rule and the 61st rule of a direction', () => {
    let d = base();
    const rule = { match: tcp(22), peer: { kind: 'cidr' as const, cidr: '10.0.0.0/8' } };
    d = unwrap(addRule(d, 'sg-web', 'ingress', rule));
    expect(codeOf(addRule(d, 'sg-web', 'ingress', rule))).toBe('rules/duplicate');
    for (let p = 1; p < 60; p++) d = unwrap(addRule(d, 'sg-web', 'ingress', { match: tcp(1000 + p), peer: { kind: 'cidr', cidr: '10.0.0.0/8' } }));
    expect(d.securityGroups['sg-web']!.ingress).toHaveLength(60);
    expect(codeOf(addRule(d, 'sg-web', 'ingress', { match: tcp(2), peer: { kind: 'cidr', cidr: '10.0.0.0/8' } }))).toBe('rules/quota');
    // IPv6 rules count apart from IPv4 ones.
    expect(codeOf(addRule(d, 'sg-web', 'ingress', { match: tcp(2), peer: { kind: 'cidr', cidr: '::/0' } }))).toBe('ok');
  });

  it('updates a rule in place, keeping its id', () => {
    let d = unwrap(addRule(base(), 'sg-web', 'ingress', { id: 'r1', match: tcp(80), peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }));
    d = unwrap(updateRule(d, 'sg-web', 'ingress', 'r1', { match: tcp(443), peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }));
    expect(d.securityGroups['sg-web']!.ingress).toEqual([{ id: 'r1', match: tcp(443), peer: { kind: 'cidr', cidr: '0.0.0.0/0' } }]);
  });
});

describe('resources', () => {
  it('gives each interface the next free address after the four AWS reserves', () => {
    let d = unwrap(addResource(base(), { id: 'a', kind: 'instance', name: 'a', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'] }));
    d = unwrap(addResource(d, { id: 'b', kind: 'instance', name: 'b', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'], publicIp: true }));
    expect(d.resources.a!.enis[0]!.privateIps).toEqual(['10.0.2.4']);
    expect(d.resources.b!.enis[0]).toMatchObject({ privateIps: ['10.0.2.5'], publicIp: '192.0.2.10' });
  });

  it('moves an instance to another subnet: its interface follows with a new address', () => {
    let d = unwrap(addResource(base(), { id: 'a', kind: 'instance', name: 'a', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'] }));
    d = unwrap(moveResource(d, 'a', 'sub-pub'));
    expect(d.resources.a!.enis[0]).toMatchObject({ subnetId: 'sub-pub', privateIps: ['10.0.1.4'] });
  });

  it('refuses a move into another VPC, since groups belong to one VPC', () => {
    let d = unwrap(addResource(base(), { id: 'a', kind: 'instance', name: 'a', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'] }));
    d = unwrap(addVpc(d, { id: 'vpc-2', name: 'other', cidr: '10.9.0.0/16' }));
    d = unwrap(addSubnet(d, { id: 'sub-x', vpcId: 'vpc-2', name: 'x', cidr: '10.9.1.0/24', availabilityZone: 'a' }));
    expect(codeOf(moveResource(d, 'a', 'sub-x'))).toBe('resources/move-across-vpcs');
  });

  it('needs two AZs for a load balancer and never gives a Lambda function a public address', () => {
    const d = base();
    expect(codeOf(addResource(d, { kind: 'load-balancer', name: 'alb', subnetIds: ['sub-pub', 'sub-app'], securityGroupIds: ['sg-web'] }))).toBe('resources/alb-azs');
    const withFn = unwrap(addResource(d, { id: 'fn', kind: 'lambda', name: 'fn', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'], publicIp: true }));
    expect(withFn.resources.fn!.enis[0]!.publicIp).toBeUndefined();
    expect(codeOf(setPublicAddress(withFn, 'fn', true))).toBe('resources/lambda-public');
  });

  it('removes a resource from the target groups that named it', () => {
    let d = base();
    d = unwrap(addSubnet(d, { id: 'sub-pub-b', vpcId: 'vpc-1', name: 'public-b', cidr: '10.0.11.0/24', availabilityZone: 'us-east-1b' }));
    d = unwrap(addResource(d, { id: 'app', kind: 'instance', name: 'app', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'] }));
    d = unwrap(
      addResource(d, {
        id: 'alb',
        kind: 'load-balancer',
        name: 'alb',
        subnetIds: ['sub-pub', 'sub-pub-b'],
        securityGroupIds: ['sg-web'],
        listeners: [{ id: 'l1', protocol: 'HTTP', port: 80, targetGroupId: 'tg' }],
        targetGroups: [{ id: 'tg', name: 'tg', protocol: 'HTTP', port: 8080, healthCheckPort: 'traffic-port', targets: [{ resourceId: 'app' }] }],
      }),
    );
    d = unwrap(removeResources(d, ['app']));
    const alb = d.resources.alb!;
    expect(alb.kind === 'load-balancer' && alb.targetGroups[0]!.targets).toEqual([]);
    expect(validateDesign(d).ok).toBe(true);
  });
});

describe('network ACLs, routes, gateways, peering', () => {
  it('keeps entries sorted by direction and number and replaces an entry with the same number', () => {
    let d = unwrap(addNetworkAcl(base(), { id: 'acl-x', vpcId: 'vpc-1', name: 'strict' }));
    d = unwrap(setNetworkAclEntry(d, 'acl-x', { ruleNumber: 200, egress: false, action: 'allow', cidr: '0.0.0.0/0', match: { protocol: 'all' } }));
    d = unwrap(setNetworkAclEntry(d, 'acl-x', { ruleNumber: 90, egress: false, action: 'deny', cidr: '0.0.0.0/0', match: { protocol: 'tcp', ports: { from: 22, to: 22 } } }));
    d = unwrap(setNetworkAclEntry(d, 'acl-x', { ruleNumber: 200, egress: false, action: 'deny', cidr: '0.0.0.0/0', match: { protocol: 'all' } }));
    expect(d.networkAcls['acl-x']!.entries.map((e) => `${e.ruleNumber} ${e.action}`)).toEqual(['90 deny', '200 deny']);
  });

  it('refuses a route to a NAT gateway of another VPC and a second internet gateway', () => {
    let d = base();
    d = unwrap(addVpc(d, { id: 'vpc-2', name: 'other', cidr: '10.9.0.0/16' }));
    d = unwrap(addSubnet(d, { id: 'sub-x', vpcId: 'vpc-2', name: 'x', cidr: '10.9.1.0/24', availabilityZone: 'a' }));
    d = unwrap(addNatGateway(d, { id: 'nat-x', subnetId: 'sub-x' }));
    const main = d.vpcs['vpc-1']!.mainRouteTableId!;
    expect(codeOf(setRoute(d, main, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'nat-x' } }))).toBe('routes/nat-vpc');
    expect(codeOf(addInternetGateway(d, { vpcId: 'vpc-1' }))).toBe('internetGateways/one-per-vpc');
  });

  it('refuses to peer overlapping VPCs', () => {
    let d = base();
    d = unwrap(addVpc(d, { id: 'vpc-2', name: 'overlap', cidr: '10.0.128.0/17' }));
    expect(codeOf(addPeering(d, { requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-2' }))).toBe('peerings/overlap');
  });

  it('uses the default ACL for a subnet without an association', () => {
    const d = base();
    expect(networkAclOf(d, d.subnets['sub-app']!)!.isDefault).toBe(true);
  });
});

describe('removal keeps the design valid', () => {
  it('removes a subnet with its resources, and a VPC with everything in it', () => {
    let d = unwrap(addResource(base(), { id: 'a', kind: 'instance', name: 'a', subnetIds: ['sub-app'], securityGroupIds: ['sg-web'] }));
    d = unwrap(addNatGateway(d, { id: 'nat', subnetId: 'sub-pub' }));
    d = unwrap(setLayout(d, { a: { x: 1, y: 2 }, 'sub-app': { x: 0, y: 0, width: 200, height: 100 } }));
    const noSubnet = unwrap(removeSubnet(d, 'sub-app'));
    expect(noSubnet.resources.a).toBeUndefined();
    expect(noSubnet.layout).toEqual({});
    expect(validateDesign(noSubnet).ok).toBe(true);
    const noVpc = unwrap(removeVpc(d, 'vpc-1'));
    expect([noVpc.vpcs, noVpc.subnets, noVpc.securityGroups, noVpc.routeTables, noVpc.networkAcls, noVpc.natGateways, noVpc.internetGateways, noVpc.resources]).toEqual([{}, {}, {}, {}, {}, {}, {}, {}]);
  });

  it('adds the Internet once and named networks with CIDRs', () => {
    let d = unwrap(addExternalNetwork(base(), { id: 'inet', name: 'Internet', kind: 'internet' }));
    expect(codeOf(addExternalNetwork(d, { name: 'Internet again', kind: 'internet' }))).toBe('externalNetworks/one-internet');
    d = unwrap(addExternalNetwork(d, { id: 'corp', name: 'CorpNet', kind: 'cidr', cidrs: ['198.51.100.0/24'] }));
    expect(d.externalNetworks.corp).toEqual({ id: 'corp', name: 'CorpNet', kind: 'cidr', cidrs: ['198.51.100.0/24'] });
  });
});
