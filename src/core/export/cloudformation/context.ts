/** What the CloudFormation writers share: logical ids by design id, parameters, notes and intrinsic helpers. */
import type { Design, Tags } from '../../model/types.ts';
import { nameTags } from '../iac/common.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CfnResource {
  Type: string;
  Properties: { [key: string]: Json };
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface CfnParameter {
  Type: string;
  Description: string;
  Default?: string;
  NoEcho?: boolean;
  MinLength?: number;
}

export const ref = (id: string): Json => ({ Ref: id });
export const getAtt = (id: string, attribute: string): Json => ({ 'Fn::GetAtt': [id, attribute] });

/** Drops undefined properties so that optional fields simply do not appear. */
export function props(p: { [key: string]: Json | undefined }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

export class CfnContext {
  readonly resources = new Map<string, CfnResource>();
  readonly parameters = new Map<string, CfnParameter>();
  readonly notes: string[] = [];
  private readonly taken = new Set<string>(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Resources', 'Outputs', ...PARAMETER_NAMES]);
  private readonly named = new Map<string, string>();

  constructor(readonly design: Design) {}

  /** A unique alphanumeric logical id `<Prefix><Name>` for `key` within `kind`. */
  declare(kind: string, key: string, prefix: string, text: string): string {
    const words = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w !== '')
      .map((w) => w[0]!.toUpperCase() + w.slice(1));
    const base = (prefix + words.join('')).slice(0, 200);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}${n}`;
    this.taken.add(id);
    this.named.set(`${kind}|${key}`, id);
    return id;
  }

  id(kind: string, key: string): string | undefined {
    return this.named.get(`${kind}|${key}`);
  }

  add(id: string, resource: CfnResource): void {
    this.resources.set(id, resource);
  }

  parameter(name: string, spec: CfnParameter): Json {
    this.parameters.set(name, spec);
    this.taken.add(name);
    return ref(name);
  }

  tags(name: string, tags: Tags | undefined): Json {
    return nameTags(name, tags).map(([Key, Value]) => ({ Key, Value }));
  }
}

/** Reserves the parameter names first so that no logical id takes them. */
export const PARAMETER_NAMES = ['ImageId', 'InstanceType', 'CertificateArn', 'DbInstanceClass', 'DbUsername', 'DbPassword', 'LambdaRoleArn', 'LambdaCodeBucket', 'LambdaCodeKey'] as const;
