/**
 * The Terraform export, parsed back with HashiCorp's own HCL parser (@cdktf/hcl2json, the Go
 * library compiled to WebAssembly, offline): every reference names a declared resource or
 * variable, resources form no dependency cycle, counts follow the design, strings stay literal.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { exportTerraform } from '../../src/core/export/terraform/index.ts';
import { hclString } from '../../src/core/export/terraform/hcl.ts';
import type { Design } from '../../src/core/model/types.ts';
import { corpus, trickyDesign, TRICKY_TAGS_KEYS } from './iac-designs.ts';

type Body = Record<string, unknown>;
type Parsed = { resource?: Record<string, Record<string, Body[]>>; variable?: Record<string, Body[]> };

/** The `${...}` interpolations of a string as hcl2json writes it (`$${` is a literal). */
function interpolations(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '$' && s[i + 2] === '{') {
      i += 2;
      continue;
    }
    if (s[i] === '$' && s[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < s.length && depth > 0; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}') depth--;
      }
      out.push(s.slice(i + 2, j - 1));
      i = j - 1;
    }
  }
  return out;
}

function strings(v: unknown, acc: string[] = []): string[] {
  if (typeof v === 'string') acc.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, acc));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, acc));
  return acc;
}

/** References `type.name` / `var.x` inside a resource body, ignoring string literals in expressions. */
function references(body: unknown): string[] {
  const refs: string[] = [];
  for (const s of strings(body)) {
    for (const e of interpolations(s)) {
      const code = e.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      for (const m of code.matchAll(/(?<![\w.])(aws_[a-z0-9_]+\.[A-Za-z_][\w-]*|var\.[A-Za-z_][\w-]*)/g)) refs.push(m[1]!);
    }
  }
  return refs;
}

const unescape = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');

async function load(design: Design): Promise<{ text: string; parsed: Parsed; resources: Map<string, Body> }> {
  const text = exportTerraform(design);
  const parsed = (await parse('main.tf', text)) as Parsed;
  const resources = new Map<string, Body>();
  for (const [type, byName] of Object.entries(parsed.resource ?? {})) {
    for (const [name, bodies] of Object.entries(byName)) {
      expect(bodies).toHaveLength(1);
      resources.set(`${type}.${name}`, bodies[0]!);
    }
  }
  return { text, parsed, resources };
}

const ofType = (resources: Map<string, Body>, type: string) => [...resources].filter(([k]) => k.startsWith(`${type}.`)).map(([, b]) => b);

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 2) return undefined;
    if (state.get(n) === 1) return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

describe.each(corpus())('Terraform export of $id', ({ design }) => {
  it('parses, and every reference points to a declared resource or variable', async () => {
    const { parsed, resources } = await load(design);
    const variables = new Set(Object.keys(parsed.variable ?? {}));
    for (const [address, body] of resources) {
      expect(address).toMatch(/^aws_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*$/);
      for (const r of references(body)) {
        if (r.startsWith('var.')) expect(variables, `${address} uses ${r}`).toContain(r.slice(4));
        else expect(resources.has(r), `${address} references ${r}`).toBe(true);
      }
    }
  });

  it('has no dependency cycle, and groups reference nothing but their VPC', async () => {
    const { resources } = await load(design);
    const graph = new Map([...resources].map(([a, b]) => [a, references(b).filter((r) => !r.startsWith('var.'))]));
    expect(findCycle(graph)).toBeUndefined();
    for (const [address, body] of resources) {
      if (!/^aws_(default_)?security_group\./.test(address)) continue;
      expect(body).not.toHaveProperty('ingress');
      expect(body).not.toHaveProperty('egress');
      expect(references(body).every((r) => r.startsWith('aws_vpc.'))).toBe(true);
    }
  });

  it('writes one resource per design entity and one rule resource per rule', async () => {
    const { resources } = await load(design);
    const groups = Object.values(design.securityGroups);
    const count = (type: string) => ofType(resources, type).length;
    expect(count('aws_vpc')).toBe(Object.keys(design.vpcs).length);
    expect(count('aws_subnet')).toBe(Object.keys(design.subnets).length);
    expect(count('aws_security_group')).toBe(groups.filter((g) => !g.isDefault).length);
    expect(count('aws_default_security_group')).toBe(groups.filter((g) => g.isDefault).length);
    expect(count('aws_vpc_security_group_ingress_rule')).toBe(groups.reduce((n, g) => n + g.ingress.length, 0));
    expect(count('aws_vpc_security_group_egress_rule')).toBe(groups.reduce((n, g) => n + g.egress.length, 0));
    expect(count('aws_route_table')).toBe(Object.keys(design.routeTables).length);
    const routes = Object.values(design.routeTables).flatMap((t) => t.routes.filter((r) => r.state === 'active' && r.target.kind !== 'local'));
    expect(count('aws_route')).toBe(routes.length);
    expect(count('aws_route_table_association')).toBe(Object.values(design.subnets).filter((s) => s.routeTableId).length);
    expect(count('aws_main_route_table_association')).toBe(Object.keys(design.vpcs).length);
    const acls = Object.values(design.networkAcls);
    expect(count('aws_default_network_acl')).toBe(acls.filter((a) => a.isDefault).length);
    expect(count('aws_network_acl')).toBe(acls.filter((a) => !a.isDefault).length);
    expect(count('aws_network_acl_rule')).toBe(acls.filter((a) => !a.isDefault).reduce((n, a) => n + a.entries.length, 0));
    expect(count('aws_internet_gateway')).toBe(Object.keys(design.internetGateways).length);
    expect(count('aws_nat_gateway')).toBe(Object.keys(design.natGateways).length);
    expect(count('aws_vpc_peering_connection')).toBe(Object.keys(design.peerings).length);
    const kinds = Object.values(design.resources);
    expect(count('aws_instance')).toBe(kinds.filter((r) => r.kind === 'instance').length);
    expect(count('aws_lb')).toBe(kinds.filter((r) => r.kind === 'load-balancer').length);
    expect(count('aws_db_instance')).toBe(kinds.filter((r) => r.kind === 'database').length);
    expect(count('aws_db_subnet_group')).toBe(kinds.filter((r) => r.kind === 'database').length);
    expect(count('aws_lambda_function')).toBe(kinds.filter((r) => r.kind === 'lambda').length);
    expect(count('aws_autoscaling_group')).toBe(kinds.filter((r) => r.kind === 'instance-group').length);
  });

  it('leaves ports unset for protocol -1 and writes ICMP type/code as from/to port', async () => {
    const { resources } = await load(design);
    const rules = [...ofType(resources, 'aws_vpc_security_group_ingress_rule'), ...ofType(resources, 'aws_vpc_security_group_egress_rule')];
    for (const r of rules) {
      const peers = ['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id', 'referenced_security_group_id'].filter((k) => k in r);
      expect(peers).toHaveLength(1);
      if (r.ip_protocol === '-1') {
        expect(r).not.toHaveProperty('from_port');
        expect(r).not.toHaveProperty('to_port');
      } else if (r.ip_protocol === 'tcp' || r.ip_protocol === 'udp' || r.ip_protocol === 'icmp' || r.ip_protocol === 'icmpv6') {
        expect(typeof r.from_port).toBe('number');
        expect(typeof r.to_port).toBe('number');
      }
    }
    const db = ofType(resources, 'aws_db_instance');
    for (const d of db) expect(d.password).toBe('${var.db_password}');
  });

  it('is deterministic', () => {
    expect(exportTerraform(design)).toBe(exportTerraform(design));
  });
});

describe('Terraform strings', () => {
  it('keep quotes, backslashes, template sequences, newlines and unicode literal', async () => {
    const d = trickyDesign();
    const { resources, parsed } = await load(d);
    const vpc = ofType(resources, 'aws_vpc')[0]!;
    const tags = vpc.tags as Record<string, string>;
    expect(unescape(tags.Name!)).toBe(d.vpcs.vt!.name);
    for (const k of TRICKY_TAGS_KEYS) expect(unescape(tags[k]!), k).toBe(d.vpcs.vt!.tags![k]);
    expect(unescape(tags['key "with" $${x}'] ?? tags['key "with" ${x}']!)).toBe('key needs quoting');
    const groups = ofType(resources, 'aws_security_group');
    expect(groups.map((g) => unescape(g.name as string)).sort()).toEqual(['--dry-run', 'web ${HOME} $(id) & {y}; !*']);
    const subnet = ofType(resources, 'aws_subnet').find((s) => (s.tags as Record<string, string>).Name!.startsWith('subnet'))!;
    expect(unescape((subnet.tags as Record<string, string>).Name!)).toBe(d.subnets.st!.name);
    // No interpolation survives in any literal: every ${ of the design is escaped.
    for (const body of resources.values()) for (const r of references(body)) expect(r).toMatch(/^(aws_|var\.)/);
    expect(Object.keys(parsed.variable ?? {})).toContain('db_password');
    expect((parsed.variable!.db_password![0] as Body).sensitive).toBe(true);
  });

  const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  const hasTerraform = terraform.status === 0;
  if (!hasTerraform) console.log('terraform is not installed: skipping the terraform fmt and console checks');

  it.skipIf(!hasTerraform)('evaluate to the original text in terraform console', () => {
    const d = trickyDesign();
    const values = [d.name, d.vpcs.vt!.name, d.subnets.st!.name, ...Object.values(d.vpcs.vt!.tags!), ...Object.keys(d.vpcs.vt!.tags!)];
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-tf-'));
    // One expression: the console reads its whole input as one.
    const input = `jsonencode([${values.map(hclString).join(', ')}])\n`;
    const out = execFileSync('terraform', ['console'], { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    expect(JSON.parse(JSON.parse(out.trim()) as string)).toEqual(values);
  }, 60_000);

  it.skipIf(!hasTerraform)('is already formatted as terraform fmt writes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-tf-'));
    for (const { id, design } of corpus()) writeFileSync(join(dir, `${id.replace(/[^a-z0-9-]/gi, '_')}.tf`), exportTerraform(design));
    const r = spawnSync('terraform', ['fmt', '-check', '-list=true', dir], { encoding: 'utf8' });
    expect(r.stdout.trim(), 'files terraform fmt would change').toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
