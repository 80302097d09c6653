/**
 * What the export dialog offers, as data, and the text exports themselves: each one is the core
 * exporter's output unchanged, plus the notes the exporter returns (what the file leaves out).
 * Pure: the export worker and the tests call `generateText` exactly as the dialog's fallback does.
 */
import { exportAwsCli } from '../../../core/export/aws-cli.ts';
import { exportCloudFormationWithNotes } from '../../../core/export/cloudformation/index.ts';
import { exportTerraformWithNotes } from '../../../core/export/terraform/index.ts';
import type { Design, Vpc } from '../../../core/model/index.ts';

export type TextFormatId = 'json' | 'aws-cli' | 'terraform' | 'cloudformation';
export type ImageFormatId = 'png' | 'svg';
export type FormatId = TextFormatId | ImageFormatId;

export interface FormatInfo {
  id: FormatId;
  /** The radio's accessible name. */
  label: string;
  /** One line under the label. */
  summary: string;
  extension: string;
  mime: string;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'json', label: 'Tierwise design (JSON)', summary: 'The design file: opens again with Import', extension: 'json', mime: 'application/json' },
  { id: 'aws-cli', label: 'AWS CLI v2 script', summary: 'A bash script that creates it with aws', extension: 'sh', mime: 'text/x-shellscript' },
  { id: 'terraform', label: 'Terraform', summary: 'One .tf file for the AWS provider', extension: 'tf', mime: 'text/plain' },
  { id: 'cloudformation', label: 'CloudFormation (YAML)', summary: 'One template for a stack', extension: 'yaml', mime: 'application/yaml' },
  { id: 'png', label: 'PNG image', summary: 'The whole diagram at 2x, for slides', extension: 'png', mime: 'image/png' },
  { id: 'svg', label: 'SVG image', summary: 'The whole diagram, scalable', extension: 'svg', mime: 'image/svg+xml' },
];

export const formatInfo = (id: FormatId): FormatInfo => FORMATS.find((f) => f.id === id)!;
export const isTextFormat = (id: FormatId): id is TextFormatId => id !== 'png' && id !== 'svg';

/** One text export: the format, and for the AWS CLI script whether only the groups go out. */
export interface TextRequest {
  format: TextFormatId;
  /** aws-cli: only the security groups and their rules, into an existing VPC (`VPC_ID`). */
  groupsOnly?: boolean;
  /** aws-cli with groupsOnly: the design VPC whose groups are written. */
  vpcId?: string;
}

export type Generated = { ok: true; text: string; notes: string[] } | { ok: false; message: string };

/** A stable key for a request, for caching generated text per design. */
export function requestKey(r: TextRequest): string {
  return r.format === 'aws-cli' && r.groupsOnly ? `aws-cli:groups:${r.vpcId ?? ''}` : r.format;
}

/** The VPC a groups-only script writes: the one asked for, else the exporter's own default. */
export function groupsOnlyVpc(design: Design, vpcId?: string): Vpc | undefined {
  if (vpcId && design.vpcs[vpcId]) return design.vpcs[vpcId];
  const groups = Object.values(design.securityGroups);
  return design.vpcs[groups.find((g) => !g.isDefault)?.vpcId ?? ''] ?? Object.values(design.vpcs)[0];
}

/** The design file's text: the same as `tierwise export --format json` writes. */
export function designFileText(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}

function groupsOnlyNotes(design: Design, vpc: Vpc | undefined): string[] {
  if (!vpc) return ['The design has no VPC, so the script only stops with a message.'];
  const elsewhere = [...new Set(Object.values(design.securityGroups).filter((g) => g.vpcId !== vpc.id).map((g) => design.vpcs[g.vpcId]?.name ?? g.vpcId))];
  if (elsewhere.length === 0) return [];
  return [`Only the security groups of VPC ${vpc.name} are written; those of ${elsewhere.join(', ')} are not, and rules that reference them keep their design ids.`];
}

/** Runs the exporter for one request; an exporter that throws becomes a message, never a crash. */
export function generateText(design: Design, request: TextRequest): Generated {
  try {
    switch (request.format) {
      case 'json':
        return { ok: true, text: designFileText(design), notes: [] };
      case 'aws-cli': {
        if (!request.groupsOnly) return { ok: true, text: exportAwsCli(design), notes: [] };
        const vpc = groupsOnlyVpc(design, request.vpcId);
        return { ok: true, text: exportAwsCli(design, { groupsOnly: true, ...(vpc ? { vpcId: vpc.id } : {}) }), notes: groupsOnlyNotes(design, vpc) };
      }
      case 'terraform': {
        const out = exportTerraformWithNotes(design);
        return { ok: true, text: out.text, notes: out.notExported };
      }
      case 'cloudformation': {
        const out = exportCloudFormationWithNotes(design);
        return { ok: true, text: out.text, notes: out.notExported };
      }
    }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
