/**
 * Telling inputs apart by content, never by file name: an AWS describe bundle (by its top-level
 * keys), a Tierwise design file (schemaVersion), or something another importer reads.
 */

/** Top-level keys of the describe commands in formats.md, each naming the command that prints it. */
export const DESCRIBE_KEYS = {
  Vpcs: 'aws ec2 describe-vpcs',
  Subnets: 'aws ec2 describe-subnets',
  RouteTables: 'aws ec2 describe-route-tables',
  InternetGateways: 'aws ec2 describe-internet-gateways',
  NatGateways: 'aws ec2 describe-nat-gateways',
  VpcPeeringConnections: 'aws ec2 describe-vpc-peering-connections',
  NetworkAcls: 'aws ec2 describe-network-acls',
  SecurityGroups: 'aws ec2 describe-security-groups',
  SecurityGroupRules: 'aws ec2 describe-security-group-rules',
  Reservations: 'aws ec2 describe-instances',
  NetworkInterfaces: 'aws ec2 describe-network-interfaces',
  PrefixLists: 'aws ec2 describe-managed-prefix-lists',
  ManagedPrefixLists: 'aws ec2 describe-managed-prefix-lists',
  LoadBalancers: 'aws elbv2 describe-load-balancers',
  Listeners: 'aws elbv2 describe-listeners',
  TargetGroups: 'aws elbv2 describe-target-groups',
  TargetHealthDescriptions: 'aws elbv2 describe-target-health',
  TagDescriptions: 'aws elbv2 describe-tags',
  DBInstances: 'aws rds describe-db-instances',
  Functions: 'aws lambda list-functions',
} as const;

export type DescribeKey = keyof typeof DESCRIBE_KEYS;

/**
 * `Entries` is what get-managed-prefix-list-entries prints; it names no list, so it counts only
 * next to a top-level `PrefixListId` (the collector adds one).
 */
export const PREFIX_LIST_ENTRIES_KEY = 'Entries';

/**
 * `Tags` is what lambda list-tags prints: a map of key to value naming no function (the collector
 * adds a top-level `FunctionArn`). A top-level `Tags` counts beside `FunctionArn`, or alone when it
 * is that map; a `Tags` list alone is some other command's (ec2 describe-tags) and is not read.
 */
export const FUNCTION_TAGS_KEY = 'Tags';

export type InputKind =
  | 'describe-bundle'
  | 'design'
  | 'terraform-state'
  | 'terraform-plan'
  | 'terraform-hcl'
  | 'cloudformation'
  | 'unknown';

export interface Recognition {
  kind: InputKind;
  /** For a describe bundle: the describe keys found, in DESCRIBE_KEYS order (plus `Entries`, then `Tags`). */
  describeKeys: string[];
  /** Every top-level key of a JSON object (empty for other values), for messages about unknown input. */
  topLevelKeys: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The describe keys an object holds. */
export function describeKeysOf(json: Record<string, unknown>): string[] {
  const found: string[] = Object.keys(DESCRIBE_KEYS).filter((k) => Object.hasOwn(json, k));
  if (Object.hasOwn(json, PREFIX_LIST_ENTRIES_KEY) && Object.hasOwn(json, 'PrefixListId')) found.push(PREFIX_LIST_ENTRIES_KEY);
  if (Object.hasOwn(json, FUNCTION_TAGS_KEY) && (Object.hasOwn(json, 'FunctionArn') || isObject(json[FUNCTION_TAGS_KEY]))) found.push(FUNCTION_TAGS_KEY);
  return found;
}

/** Recognises parsed JSON: what kind of input it is, and the keys that say so. */
export function recogniseJson(json: unknown): Recognition {
  if (!isObject(json)) return { kind: 'unknown', describeKeys: [], topLevelKeys: [] };
  const topLevelKeys = Object.keys(json);
  const describeKeys = describeKeysOf(json);
  const kind: InputKind =
    Object.hasOwn(json, 'schemaVersion')
      ? 'design'
      : describeKeys.length > 0
        ? 'describe-bundle'
        : isTerraformState(json)
          ? 'terraform-state'
          : isTerraformPlan(json)
            ? 'terraform-plan'
            : isCloudFormation(json)
              ? 'cloudformation'
              : 'unknown';
  return { kind, describeKeys, topLevelKeys };
}

/** Recognises file text: JSON by content; otherwise CloudFormation YAML or Terraform HCL by their markers. */
export function recogniseText(text: string): Recognition {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return recogniseJson(JSON.parse(body));
  } catch {
    const none = { describeKeys: [], topLevelKeys: [] };
    if (/^AWSTemplateFormatVersion\s*:/m.test(body) || /^Resources\s*:\s*$/m.test(body) && /Type\s*:\s*['"]?AWS::/.test(body)) {
      return { kind: 'cloudformation', ...none };
    }
    if (/^\s*(resource|data|module|provider)\s+"[^"]+"/m.test(body)) return { kind: 'terraform-hcl', ...none };
    return { kind: 'unknown', ...none };
  }
}

function isTerraformState(json: Record<string, unknown>): boolean {
  return typeof json.version === 'number' && Array.isArray(json.resources) && Object.hasOwn(json, 'terraform_version');
}

function isTerraformPlan(json: Record<string, unknown>): boolean {
  return Object.hasOwn(json, 'format_version') && (isObject(json.values) || isObject(json.planned_values));
}

function isCloudFormation(json: Record<string, unknown>): boolean {
  if (Object.hasOwn(json, 'AWSTemplateFormatVersion')) return true;
  const resources = json.Resources;
  return isObject(resources) && Object.values(resources).some((r) => isObject(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::'));
}
