/** computePaths(): the Paths panel's answers and canvas marks, on the classic three-tier template. */
import { describe, expect, it } from 'vitest';
import { addRule, removeResources } from '../../../core/model/index.ts';
import { threeTier } from '../../../core/templates/three-tier.ts';
import { parseMark } from './canvas-marks.ts';
import { computePaths } from './view.ts';
import type { PathFilter, PathQuery } from './query.ts';

const d = threeTier.build();
const tcp = (port?: number): PathFilter => (port === undefined ? { protocol: 'tcp' } : { protocol: 'tcp', port });
const fromInternet = (filter: PathFilter = { protocol: 'all' }, target?: string): PathQuery => ({
  mode: 'from',
  source: { kind: 'internet' },
  ...(target ? { target: { kind: 'resource', id: target } } : {}),
  filter,
});
const edges = (q: PathQuery, design = d) => computePaths(design, q).canvas.edges.map((e) => `${e.source}>${e.target} ${e.tone}${e.label ? ` ${e.label}` : ''}`);

describe('reach from a source', () => {
  it('lists every reached resource with its ports and its ways in, names before ids', () => {
    const v = computePaths(d, fromInternet());
    expect(v.heading).toBe('Reach from the Internet');
    expect(v.subject).toBe('the Internet');
    expect(v.flowLabel).toBe('all traffic');
    expect(v.reachable!.map((r) => [r.name, r.kind, r.traffic, r.routes.map((x) => `${x.words}${x.sources ? ` · only from ${x.sources}` : ''}`)])).toEqual([
      ['web-1', 'EC2 instance', 'tcp 22, 80, 443, 3389', ['Internet → web-1 (tcp 80, 443)', 'Internet → web-1 (tcp 22, 80, 443, 3389) · only from CorpNet (203.0.113.0/24)']],
      ['web-2', 'EC2 instance', 'tcp 22, 80, 443, 3389', ['Internet → web-2 (tcp 80, 443)', 'Internet → web-2 (tcp 22, 80, 443, 3389) · only from CorpNet (203.0.113.0/24)']],
      ['app-1', 'EC2 instance', 'tcp 8080', ['Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080)']],
      ['app-2', 'EC2 instance', 'tcp 8080', ['Internet → web-1 (tcp 80, 443) → app-2 (tcp 8080)']],
      ['db-1', 'RDS database', 'tcp 5432', ['Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080) → db-1 (tcp 5432)']],
    ]);
  });

  it('lights the reached nodes with their ports, marks the source, dims the rest, and draws each first chain', () => {
    const { canvas } = computePaths(d, fromInternet());
    expect(canvas.dim).toBe(true);
    expect(canvas.marks).toEqual({
      internet: 'source|||',
      'web-1': 'reached|tcp 22, 80, 443, 3389||',
      'web-2': 'reached|tcp 22, 80, 443, 3389||',
      'app-1': 'reached|tcp 8080||',
      'app-2': 'reached|tcp 8080||',
      'db-1': 'reached|tcp 5432||',
    });
    expect(edges(fromInternet())).toEqual(['internet>web-1 reach tcp 80, 443', 'internet>web-2 reach tcp 80, 443', 'web-1>app-1 reach tcp 8080', 'web-1>app-2 reach tcp 8080', 'app-1>db-1 reach tcp 5432']);
  });

  it('narrows to the filter: tcp 5432 reaches only the database, udp reaches nothing', () => {
    const db = computePaths(d, fromInternet(tcp(5432)));
    expect(db.reachable!.map((r) => `${r.name} ${r.traffic}`)).toEqual(['db-1 tcp 5432']);
    // The hosts on the way are on the route, not reached on 5432 themselves.
    expect(db.canvas.marks).toEqual({ internet: 'source|||', 'db-1': 'reached|tcp 5432||', 'web-1': 'route|||', 'app-1': 'route|||' });
    const udp = computePaths(d, fromInternet({ protocol: 'udp' }));
    expect(udp.reachable).toEqual([]);
    expect(udp.canvas.marks).toEqual({ internet: 'source|||' });
  });

  it('says so when the source has been deleted', () => {
    const gone = removeResources(d, ['web-1']);
    if (!gone.ok) throw new Error(gone.error.message);
    const v = computePaths(gone.value, { mode: 'from', source: { kind: 'resource', id: 'web-1' }, filter: { protocol: 'all' } });
    expect(v.problem).toBe('web-1 is no longer in the design.');
    expect(v.canvas).toEqual({ marks: {}, chips: {}, edges: [], dim: false });
  });
});

describe('reach a target', () => {
  it('shows a reachable flow hop by hop and draws it through the internet gateway', () => {
    const v = computePaths(d, fromInternet(tcp(443), 'web-1'));
    expect(v.target).toMatchObject({ sourceName: 'the Internet', targetName: 'web-1', verdict: 'reachable', blockers: [], chains: [] });
    expect(v.target!.hops.map((h) => `${h.typeLabel}: ${h.name}${h.direction ? ` ${h.direction}` : ''}${h.detail ? ` (${h.detail})` : ''}`)).toEqual([
      'Internet: Internet',
      'Internet gateway: igw',
      'Network ACL: production default inbound (rule 100 allows tcp 443 from the Internet)',
      'Security group: WebSG ingress (WebSG (sg-web): tcp 443 from 0.0.0.0/0)',
      'Network interface: eni-web-1 (192.0.2.11)',
      'Resource: web-1',
    ]);
    expect(v.canvas.marks).toEqual({ internet: 'source|||', 'web-1': 'target|tcp 443||', 'igw-prod': 'route|||', 'subnet-web-a': 'route|||' });
    expect(edges(fromInternet(tcp(443), 'web-1'))).toEqual(['internet>igw-prod route', 'igw-prod>web-1 route tcp 443']);
  });

  it('shows a blocked flow with every blocker, its code and its place: Internet -> app-1 8080', () => {
    const v = computePaths(d, fromInternet(tcp(8080), 'app-1'));
    expect(v.target!.verdict).toBe('unreachable');
    expect(v.target!.blockers.map((b) => [b.code, b.typeLabel, b.componentName, b.path, b.first, b.focusId])).toEqual([
      ['IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', 'Internet gateway', 'igw', 'forward', true, 'igw-prod'],
      ['ENI_SG_RULES_MISMATCH', 'Security group', 'AppSG (sg-app)', 'forward', false, 'sg-app'],
      ['NO_ROUTE_TO_DESTINATION', 'Route table', 'app', 'return', false, 'subnet-app-a'],
    ]);
    expect(v.target!.blockers[0]!.message).toBe('app-1 has no public IPv4 address, so internet gateway igw cannot deliver traffic from the Internet to it.');
    expect(v.target!.hops.map((h) => [h.name, h.blocked])).toEqual([
      ['Internet', false],
      ['igw', true],
    ]);
    // The direct flow is blocked, but the Internet still gets to app-1 through web-1.
    expect(v.target!.chains.map((c) => c.words)).toEqual(['Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080)']);
    const marks = Object.fromEntries(Object.entries(v.canvas.marks).map(([id, m]) => [id, parseMark(m)]));
    expect(marks).toEqual({
      internet: { role: 'source', label: '', blocked: '', first: false },
      'app-1': { role: 'target', label: 'tcp 8080', blocked: 'no rule admits it', first: false },
      'igw-prod': { role: 'route', label: '', blocked: 'no public IP', first: true },
      'subnet-app-a': { role: '', label: '', blocked: 'no route', first: false },
      'web-1': { role: 'route', label: '', blocked: '', first: false },
    });
    expect(v.canvas.chips).toEqual({ 'app-1': 'sg-app' });
    expect(edges(fromInternet(tcp(8080), 'app-1'))).toEqual(['internet>igw-prod blocked tcp 8080', 'internet>web-1 reach tcp 80, 443', 'web-1>app-1 reach tcp 8080']);
  });

  it('goes out through the NAT gateway: app-1 -> the Internet 443', () => {
    const q: PathQuery = { mode: 'from', source: { kind: 'resource', id: 'app-1' }, target: { kind: 'internet' }, filter: tcp(443) };
    const v = computePaths(d, q);
    expect(v.heading).toBe('From app-1 to the Internet');
    expect(v.target!.verdict).toBe('reachable');
    expect(edges(q)).toEqual(['app-1>nat-a route', 'nat-a>igw-prod route', 'igw-prod>internet route tcp 443']);
  });
});

describe('who can reach a resource', () => {
  it('answers for db-1 on 5432: the app tier directly, everyone else through web and app', () => {
    const v = computePaths(d, { mode: 'to', target: 'db-1', filter: tcp(5432) });
    expect(v.heading).toBe('Who can reach db-1?');
    expect(v.subject).toBe('db-1');
    expect(v.reachers!.map((r) => [r.sourceName, r.kind, r.traffic, r.routes.map((x) => x.words)])).toEqual([
      ['Internet', 'internet', 'tcp 5432', ['Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080) → db-1 (tcp 5432)']],
      ['CorpNet', 'external', 'tcp 5432', ['CorpNet → web-1 (tcp 22, 80, 443, 3389) → app-1 (tcp 8080) → db-1 (tcp 5432)']],
      ['VendorNet', 'external', 'tcp 5432', ['VendorNet → web-1 (tcp 80, 443) → app-1 (tcp 8080) → db-1 (tcp 5432)']],
      ['web-1', 'resource', 'tcp 5432', ['web-1 → app-1 (tcp 8080) → db-1 (tcp 5432)']],
      ['web-2', 'resource', 'tcp 5432', ['web-2 → app-1 (tcp 8080) → db-1 (tcp 5432)']],
      ['app-1', 'resource', 'tcp 5432', ['app-1 → db-1 (tcp 5432)']],
      ['app-2', 'resource', 'tcp 5432', ['app-2 → db-1 (tcp 5432)']],
    ]);
    expect(v.canvas.marks['db-1']).toBe('target|7 sources||');
    expect(v.canvas.marks['internet']).toBe('reacher|tcp 5432||');
  });

  it('follows the network: SSH from anywhere on DBSG opens a new chain from the Internet through web-1', () => {
    const ssh = addRule(d, 'sg-db', 'ingress', { match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '0.0.0.0/0' } });
    if (!ssh.ok) throw new Error(ssh.error.message);
    expect(computePaths(d, { mode: 'to', target: 'db-1', filter: tcp(22) }).reachers).toEqual([]);
    const after = computePaths(ssh.value, { mode: 'to', target: 'db-1', filter: tcp(22) });
    expect(after.reachers!.find((r) => r.sourceId === 'internet')!.routes.map((x) => x.words)).toEqual([
      'Internet → web-1 (tcp 80, 443) → db-1 (tcp 22)',
      // The last hop says what arrives within the filter (app-1 itself may open 22 and 5432).
      'Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080) → db-1 (tcp 22)',
    ]);
    expect(edges(fromInternet(tcp(22)), ssh.value)).toContain('web-1>db-1 reach tcp 22');
  });
});
