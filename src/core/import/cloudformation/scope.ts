/**
 * What the templates of one import share: their Region, design ids (logical ids, told apart by
 * file when two templates use the same one), exports for Fn::ImportValue, stand-in public
 * addresses, and the warnings raised before the describe importer takes over.
 */
import { formatAddress } from '../../net/index.ts';
import type { Cursor } from '../aws/cursor.ts';
import { isRegionName } from '../aws/region.ts';
import { WarningSink } from '../aws/warnings.ts';
import { Evaluator } from './evaluate.ts';
import { internetGatewayBundleId, listenerArn, loadBalancerArn, targetGroupArn } from './ids.ts';
import type { ParsedTemplate } from './parse.ts';
import { stemOf, Template } from './template.ts';
import { NO_VALUE, scalarText, Unresolved, type Resolved } from './values.ts';

/** The Region when no template names one in a Region parameter. */
export const DEFAULT_REGION = 'us-east-1';
const REGION_PARAMETER = /^(aws)?region$/i;

export class Scope {
  readonly warnings = new WarningSink();
  readonly templates: Template[] = [];
  private readonly evaluators = new Map<Template, Evaluator>();
  region = DEFAULT_REGION;
  private exports: Map<string, { template: Template; value: Cursor }> | undefined;
  private exportsBuilding = false;
  private readonly zonesWarned = new Set<Template>();
  private publicCount = 0;

  warn(code: string, message: string, at?: Cursor, subject?: string): void {
    this.warnings.add({
      code,
      message: at ? `${at.file}: ${at.where}: ${message}` : message,
      ...(at ? { file: at.file, path: at.where } : {}),
      ...(subject ? { subject } : {}),
    });
  }

  /** Reads the parsed templates: skips repeats, gives each a stem, tells clashing logical ids apart, finds the Region. */
  addTemplates(parsed: ParsedTemplate[]): void {
    const seen = new Map<string, string>();
    const stems = new Set<string>();
    for (const p of parsed) {
      const key = p.text ?? safeJson(p.root);
      const first = key === undefined ? undefined : seen.get(key);
      if (first !== undefined) {
        this.warn('import/cfn-repeated-template', `${p.file} is the same template as ${first}; it was read once.`);
        continue;
      }
      if (key !== undefined) seen.set(key, p.file);
      let stem = stemOf(p.file);
      for (let n = 2; stems.has(stem); n++) stem = `${stemOf(p.file)}-${n}`;
      stems.add(stem);
      const t = new Template(p.file, stem, p, (code, message, at, subject) => this.warn(code, message, at, subject));
      for (const w of p.warnings) {
        const where = w.line !== undefined ? ` at line ${w.line}, column ${w.column}` : '';
        this.warn('import/cfn-yaml', `${p.file}${where}: ${w.message}; the value was read without it.`);
      }
      this.templates.push(t);
      this.evaluators.set(t, new Evaluator(t, this));
    }
    this.separateClashingIds();
    this.region = this.findRegion();
  }

  evaluator(t: Template): Evaluator {
    return this.evaluators.get(t)!;
  }

  /** Two templates declaring the same logical id: in each, that id gets the file's stem as prefix. */
  private separateClashingIds(): void {
    const owners = new Map<string, Template[]>();
    for (const t of this.templates) for (const id of t.resources.keys()) owners.set(id, [...(owners.get(id) ?? []), t]);
    const clashing = [...owners].filter(([, ts]) => ts.length > 1);
    for (const [id, ts] of clashing) for (const t of ts) t.clashing.add(id);
    if (clashing.length > 0) {
      const names = clashing.slice(0, 5).map(([id]) => id).join(', ');
      this.warn(
        'import/cfn-clashing-ids',
        `the logical ids ${names}${clashing.length > 5 ? ', …' : ''} are declared by more than one template; in ${[...new Set(clashing.flatMap(([, ts]) => ts.map((t) => t.file)))].join(', ')} they were given ids of the form <file>/<logical id> to tell them apart.`,
      );
    }
  }

  /** The default of a Region parameter (Region, AWSRegion), else us-east-1. */
  private findRegion(): string {
    const found: Array<{ region: string; file: string }> = [];
    for (const t of this.templates) {
      for (const [name, p] of t.parameters) {
        const def = scalarText(p.at('Default').value)?.trim();
        if (REGION_PARAMETER.test(name) && def && isRegionName(def)) found.push({ region: def, file: t.file });
      }
    }
    const region = found[0]?.region ?? DEFAULT_REGION;
    const other = found.find((f) => f.region !== region);
    if (other) this.warn('import/cfn-regions', `the templates name different Regions (${region} in ${found[0]!.file}, ${other.region} in ${other.file}); the design uses ${region}.`);
    return region;
  }

  /** The id a Ref to the resource gives: the design id, or the stand-in the describe importer needs (ids.ts). */
  bundleId(t: Template, logicalId: string): string {
    const id = t.idOf(logicalId);
    switch (t.resources.get(logicalId)?.type) {
      case 'AWS::EC2::InternetGateway':
        return internetGatewayBundleId(id);
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        return loadBalancerArn(id);
      case 'AWS::ElasticLoadBalancingV2::TargetGroup':
        return targetGroupArn(id);
      case 'AWS::ElasticLoadBalancingV2::Listener':
        return listenerArn(id);
      default:
        return id;
    }
  }

  /** Fn::ImportValue: the value another template given exports under this name. */
  importValue(name: string): Resolved {
    if (this.exportsBuilding) return new Unresolved(`the export name ${name} depends on another import`);
    const exports = this.exportIndex();
    const found = exports.get(name);
    if (!found) return new Unresolved(`no template given exports ${JSON.stringify(name)} (Fn::ImportValue reads it from another stack)`);
    const value = this.evaluator(found.template).resolve(found.value);
    return value === NO_VALUE ? new Unresolved(`the export ${name} has no value`) : value;
  }

  private exportIndex(): Map<string, { template: Template; value: Cursor }> {
    if (this.exports) return this.exports;
    this.exportsBuilding = true;
    const index = new Map<string, { template: Template; value: Cursor }>();
    for (const t of this.templates) {
      for (const output of t.outputs) {
        const exportAt = output.obj('Export')?.at('Name');
        if (!exportAt || exportAt.missing) continue;
        const name = scalarText(this.evaluator(t).resolve(exportAt));
        if (name !== undefined && !index.has(name)) index.set(name, { template: t, value: output.at('Value') });
      }
    }
    this.exportsBuilding = false;
    this.exports = index;
    return index;
  }

  /** Fn::GetAZs gives zone names by assumption (the real list depends on the account): said once per template. */
  assumeZones(t: Template, region: string, at: Cursor): void {
    if (this.zonesWarned.has(t)) return;
    this.zonesWarned.add(t);
    this.warn('import/cfn-assumed-zones', `Fn::GetAZs was read as ${region}a, ${region}b, … in order; the zones an account really gets may differ.`, at);
  }

  /** The next stand-in public address (TEST-NET-1, as the design builder uses), for addresses AWS assigns at launch. */
  nextPublicIp(): string {
    const n = this.publicCount++;
    return n < 245 ? `192.0.2.${10 + n}` : formatAddress(4, BigInt(0xc6336400 + (n - 245)));
  }
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
