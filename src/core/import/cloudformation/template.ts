/**
 * One template's sections, checked for shape: Parameters, Mappings, Conditions, Resources and
 * Outputs, each read through a Cursor so a wrong shape names the file and the template path.
 * Logical ids that cannot be design ids (not letters and digits, or JavaScript's reserved keys)
 * are left out with a warning.
 */
import { Cursor, describeValue } from '../aws/cursor.ts';
import { recogniseJson } from '../aws/recognise.ts';
import type { ParsedTemplate } from './parse.ts';

/** A resource of the template, under its logical id. */
export interface TemplateResource {
  logicalId: string;
  type: string;
  /** `Resources.<logicalId>`. */
  at: Cursor;
  /** The resource's Condition, when it has one. */
  condition?: string;
}

const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const HINTS: Record<string, string> = {
  'describe-bundle': ' It looks like AWS describe output: import it as an AWS describe bundle.',
  design: ' It is a Tierwise design file: open it as a design.',
  'terraform-state': ' It looks like Terraform state: import it as Terraform.',
  'terraform-plan': ' It looks like `terraform show -json` output: import it as Terraform.',
};

export type WarnFn = (code: string, message: string, at?: Cursor, subject?: string) => void;

export class Template {
  readonly root: Cursor;
  readonly parameters = new Map<string, Cursor>();
  readonly mappings = new Map<string, Cursor>();
  readonly conditions = new Map<string, Cursor>();
  readonly resources = new Map<string, TemplateResource>();
  /** Logical ids left out of the import, with the reason (for references to them). */
  readonly leftOut = new Map<string, string>();
  readonly outputs: Cursor[] = [];
  /** Logical ids another template declares too: their design ids carry this template's stem. */
  readonly clashing = new Set<string>();

  constructor(
    readonly file: string,
    /** The file name without folders and extension: AWS::StackName, and the prefix of clashing ids. */
    readonly stem: string,
    parsed: ParsedTemplate,
    warn: WarnFn,
  ) {
    this.root = new Cursor(parsed.root, file);
    const root = this.root;
    const kind = recogniseJson(root.value).kind;
    if (typeof root.value !== 'object' || root.value === null || Array.isArray(root.value)) {
      root.fail(`should be a CloudFormation template (a mapping with a Resources section), but it is ${describeValue(root.value)}.`, 'import/cfn-shape');
    }
    const resources = root.obj('Resources');
    if (!resources) {
      root.fail(`has no Resources section, so it is not a CloudFormation template.${HINTS[kind] ?? ''}`, 'import/cfn-shape');
    }
    for (const [section, into] of [
      ['Parameters', this.parameters],
      ['Mappings', this.mappings],
      ['Conditions', this.conditions],
    ] as const) {
      const c = root.obj(section);
      for (const key of c?.keys() ?? []) into.set(key, c!.at(key));
    }
    for (const [, p] of this.parameters) {
      if (!p.missing && (typeof p.value !== 'object' || Array.isArray(p.value))) p.fail(`should be a parameter declaration (a mapping with Type), but it is ${describeValue(p.value)}.`, 'import/cfn-shape');
    }
    const outputs = root.obj('Outputs');
    for (const key of outputs?.keys() ?? []) this.outputs.push(outputs!.at(key));
    const transform = root.at('Transform');
    if (!transform.missing) {
      warn('import/cfn-transform', `the template uses the transform ${JSON.stringify(transform.value)}, which the importer does not expand; what it would add is missing.`, transform);
    }

    const ids = resources!.keys();
    if (ids.length === 0) warn('import/cfn-no-resources', 'the template declares no resources; nothing was imported from it.', resources);
    for (const logicalId of ids) {
      const at = resources!.at(logicalId);
      if (RESERVED.has(logicalId) || !LOGICAL_ID.test(logicalId)) {
        const why = RESERVED.has(logicalId) ? 'a name JavaScript reserves' : 'not letters and digits only, as CloudFormation requires';
        this.leftOut.set(logicalId, `the logical id ${JSON.stringify(logicalId)} is ${why}`);
        warn('import/cfn-logical-id', `the logical id ${JSON.stringify(logicalId)} is ${why}; the resource was left out.`, at);
        continue;
      }
      if (at.missing || typeof at.value !== 'object' || Array.isArray(at.value)) {
        at.fail(`should be a resource (a mapping with Type and Properties), but it is ${describeValue(at.value)}.`, 'import/cfn-shape');
      }
      const type = at.str('Type')?.trim();
      if (!type) at.at('Type').fail('is missing: every resource has a Type such as AWS::EC2::VPC.', 'import/cfn-shape');
      at.obj('Properties'); // a wrong shape fails here, with its path
      const condition = at.str('Condition')?.trim();
      this.resources.set(logicalId, { logicalId, type: type!, at, ...(condition ? { condition } : {}) });
    }
  }

  /** The design id of a logical id of this template. */
  idOf(logicalId: string): string {
    return this.clashing.has(logicalId) ? `${this.stem}/${logicalId}` : logicalId;
  }
}

/** The stem of a file name: `templates/vpc.yaml` gives `vpc`. */
export function stemOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(ya?ml|json|template|cfn|txt)$/i, '').replace(/\.(ya?ml|json)$/i, '');
  const clean = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return clean === '' || RESERVED.has(clean) ? 'template' : clean.slice(0, 100);
}
