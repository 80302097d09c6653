/**
 * The design file's schema: shape (zod), then references between entities. Every reader of
 * outside data (design files, importers, share links, browser storage) ends here, so a design
 * that passes can be trusted by the engine and the exports.
 */
import { z } from 'zod';
import type { Design } from './types.ts';
import { PEERING_STATUSES, SCHEMA_VERSION } from './types.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { ModelError } from './errors.ts';
import { formatPath, modelError } from './errors.ts';
import { checkReferences } from './references.ts';
import { migrate } from './migrations.ts';

const name = z.string().max(255);
const id = z.string().min(1).max(255);
const tags = z.record(z.string(), z.string()).optional();
const port = z.number().int().min(0).max(65535);
const icmpValue = z.number().int().min(-1).max(255);

const protocol = z.union([
  z.enum(['all', 'tcp', 'udp', 'icmp', 'icmpv6']),
  z.number().int().min(0).max(255),
]);

const portRange = z
  .object({ from: port, to: port })
  .refine((r) => r.from <= r.to, { message: 'port range goes backwards: from must not exceed to' });

const trafficMatch = z.object({
  protocol,
  ports: portRange.optional(),
  icmp: z
    .object({ type: icmpValue, code: icmpValue })
    .refine((i) => i.type !== -1 || i.code === -1, { message: 'ICMP type -1 (any) requires code -1' })
    .optional(),
});

const vpc = z.object({
  id,
  name,
  region: z.string().min(1),
  cidrs: z.array(z.string()).min(1, 'a VPC needs at least one IPv4 CIDR'),
  ipv6Cidrs: z.array(z.string()).default([]),
  mainRouteTableId: id.optional(),
  defaultNetworkAclId: id.optional(),
  ownerId: z.string().optional(),
  tags,
});

const subnet = z.object({
  id,
  name,
  vpcId: id,
  availabilityZone: z.string().min(1),
  cidr: z.string(),
  ipv6Cidr: z.string().optional(),
  routeTableId: id.optional(),
  networkAclId: id.optional(),
  tags,
});

const route = z.object({
  destination: z.union([z.object({ cidr: z.string() }), z.object({ prefixListId: id })]),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local') }),
    z.object({ kind: z.literal('internet-gateway'), id }),
    z.object({ kind: z.literal('nat-gateway'), id }),
    z.object({ kind: z.literal('peering'), id }),
    z.object({ kind: z.literal('other'), id }),
  ]),
  state: z.enum(['active', 'blackhole']).default('active'),
});

const routeTable = z.object({ id, name, vpcId: id, routes: z.array(route), tags });

const internetGateway = z.object({ id, name, vpcId: id.optional(), tags });

const natGateway = z.object({
  id,
  name,
  subnetId: id,
  connectivity: z.enum(['public', 'private']).default('public'),
  publicIp: z.string().optional(),
  privateIp: z.string().optional(),
  state: z.enum(['available', 'pending', 'failed', 'deleting', 'deleted']).optional(),
  tags,
});

const peeringSide = z.object({
  vpcId: id,
  region: z.string().min(1),
  ownerId: z.string().optional(),
  cidrs: z.array(z.string()).optional(),
  ipv6Cidrs: z.array(z.string()).optional(),
});

const peering = z.object({
  id,
  name,
  requester: peeringSide,
  accepter: peeringSide,
  status: z.enum(PEERING_STATUSES),
  tags,
});

const networkAclEntry = z.object({
  ruleNumber: z.number().int().min(1).max(32766),
  egress: z.boolean(),
  action: z.enum(['allow', 'deny']),
  cidr: z.string(),
  match: trafficMatch,
});

const networkAcl = z.object({
  id,
  name,
  vpcId: id,
  isDefault: z.boolean().default(false),
  entries: z.array(networkAclEntry),
  tags,
});

const prefixList = z.object({
  id,
  name,
  addressFamily: z.enum(['IPv4', 'IPv6']),
  maxEntries: z.number().int().min(1).max(1000),
  entries: z.array(z.object({ cidr: z.string(), description: z.string().max(255).optional() })),
});

const rulePeer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cidr'), cidr: z.string() }),
  z.object({ kind: z.literal('prefix-list'), prefixListId: id }),
  z.object({
    kind: z.literal('security-group'),
    groupId: id,
    ownerId: z.string().optional(),
    peeringId: id.optional(),
    groupName: z.string().optional(),
  }),
]);

const securityGroupRule = z.object({
  id,
  match: trafficMatch,
  peer: rulePeer,
  description: z.string().max(255).optional(),
});

const securityGroup = z.object({
  id,
  name,
  description: z.string().max(255),
  vpcId: id,
  isDefault: z.boolean().default(false),
  ingress: z.array(securityGroupRule),
  egress: z.array(securityGroupRule),
  ownerId: z.string().optional(),
  tags,
});

/** AWS allows up to 16 groups per ENI once the quota is raised; edit commands hold to the default 5. */
export const MAX_GROUPS_PER_ENI_ADJUSTED = 16;

const eni = z.object({
  id,
  subnetId: id,
  privateIps: z.array(z.string()).min(1, 'a network interface needs a primary private IPv4 address'),
  publicIp: z.string().optional(),
  ipv6Ips: z.array(z.string()).default([]),
  securityGroupIds: z
    .array(id)
    .max(MAX_GROUPS_PER_ENI_ADJUSTED, `a network interface can carry at most ${MAX_GROUPS_PER_ENI_ADJUSTED} security groups`),
  description: z.string().optional(),
});

const resourceBase = { id, name, enis: z.array(eni), tags };
const role = z.enum(['web', 'app', 'bastion', 'other']);
const platform = z.enum(['linux', 'windows']).default('linux');

const listener = z.object({
  id,
  protocol: z.enum(['HTTP', 'HTTPS']),
  port: port.min(1),
  targetGroupId: id,
});

const targetGroup = z.object({
  id,
  name,
  protocol: z.enum(['HTTP', 'HTTPS']),
  port: port.min(1),
  healthCheckPort: z.union([port.min(1), z.literal('traffic-port')]),
  targets: z.array(z.object({ resourceId: id, port: port.min(1).optional() })),
});

const resource = z.discriminatedUnion('kind', [
  z.object({ ...resourceBase, kind: z.literal('instance'), role, platform }),
  z.object({ ...resourceBase, kind: z.literal('instance-group'), role, platform, count: z.number().int().min(1).max(10000) }),
  z.object({
    ...resourceBase,
    kind: z.literal('load-balancer'),
    arn: z.string().optional(),
    scheme: z.enum(['internet-facing', 'internal']),
    listeners: z.array(listener),
    targetGroups: z.array(targetGroup),
  }),
  z.object({
    ...resourceBase,
    kind: z.literal('database'),
    engine: z.string().min(1),
    port: port.min(1),
    publiclyAccessible: z.boolean(),
    subnetIds: z.array(id),
  }),
  z.object({ ...resourceBase, kind: z.literal('lambda') }),
]);

const externalNetwork = z.object({
  id,
  name,
  kind: z.enum(['internet', 'cidr']),
  cidrs: z.array(z.string()),
});

const nodeLayout = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive().optional(),
  height: z.number().finite().positive().optional(),
});

const designSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().max(255).default('Untitled design'),
  vpcs: z.record(z.string(), vpc).default({}),
  subnets: z.record(z.string(), subnet).default({}),
  routeTables: z.record(z.string(), routeTable).default({}),
  internetGateways: z.record(z.string(), internetGateway).default({}),
  natGateways: z.record(z.string(), natGateway).default({}),
  peerings: z.record(z.string(), peering).default({}),
  networkAcls: z.record(z.string(), networkAcl).default({}),
  prefixLists: z.record(z.string(), prefixList).default({}),
  securityGroups: z.record(z.string(), securityGroup).default({}),
  resources: z.record(z.string(), resource).default({}),
  externalNetworks: z.record(z.string(), externalNetwork).default({}),
  layout: z.record(z.string(), nodeLayout).default({}),
});

/** Keys that would reach Object.prototype if copied naively; never valid in a design. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds the first forbidden key anywhere in parsed JSON, with its path. */
export function findForbiddenKey(value: unknown, path: Array<string | number> = []): Array<string | number> | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Validates the shape and references of a design of the current schema version. */
export function validateDesign(input: unknown, file?: string): Result<Design, ModelError> {
  const forbidden = findForbiddenKey(input);
  if (forbidden) {
    return err(
      modelError('design/forbidden-key', `The key "${String(forbidden.at(-1))}" is not allowed in a design (at ${formatPath(forbidden)}).`, {
        path: formatPath(forbidden),
        file,
      }),
    );
  }
  const parsed = designSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(issue.path as Array<string | number>);
    return err(modelError('design/shape', `Invalid design at ${path}: ${issue.message}.`, { path, file }));
  }
  const design = parsed.data as Design;
  const refError = checkReferences(design);
  if (refError) return err({ ...refError, file });
  // Records must be keyed by their entity's id: the rest of the code relies on it.
  return ok(design);
}

/** Reads a design file's parsed JSON: migrates older schema versions, refuses newer ones, validates. */
export function readDesign(input: unknown, file?: string): Result<Design, ModelError> {
  const where = file ? ` in ${file}` : '';
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return err(modelError('design/not-object', `A design file must hold a JSON object${where}.`, { file, path: '(root)' }));
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(
      modelError('design/schema-version', `The design${where} has no valid schemaVersion (found ${JSON.stringify(version) ?? 'nothing'}).`, {
        file,
        path: 'schemaVersion',
      }),
    );
  }
  if (version > SCHEMA_VERSION) {
    return err(
      modelError(
        'design/schema-too-new',
        `The design${where} has schemaVersion ${version}, newer than this Tierwise understands (${SCHEMA_VERSION}). Update Tierwise to open it.`,
        { file, path: 'schemaVersion' },
      ),
    );
  }
  const migrated = migrate(input as Record<string, unknown>, version);
  if (!migrated.ok) return err({ ...migrated.error, file });
  return validateDesign(migrated.value, file);
}
