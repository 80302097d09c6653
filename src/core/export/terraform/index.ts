/**
 * The Terraform export (formats.md, "Writing"): one HCL file for the AWS provider. Network first,
 * then security groups without in-line rules, then one rule resource per rule (so groups may
 * reference each other without a cycle), then instances, load balancers, databases and functions.
 * Placeholders (AMI, credentials, code) are variables; the password is marked sensitive.
 */
import type { Design } from '../../model/types.ts';
import { providerAlias, TfContext } from './context.ts';
import { writePrefixLists, writeGroups, writeRules } from './groups.ts';
import { attr, block, comment, expr, map, writeItems, type HclItem } from './hcl.ts';
import { writeGateways, writeNetworkAcls, writePeerings, writeRouteTables, writeSubnets, writeVpcs } from './network.ts';
import { writeResources } from './resources.ts';

export interface TerraformExport {
  /** The HCL text. */
  text: string;
  /** What the design holds that the file does not create, one line each. */
  notExported: string[];
}

/** The design as one Terraform file (main.tf). */
export function exportTerraform(design: Design): string {
  return exportTerraformWithNotes(design).text;
}

/** The Terraform file and the list of what it leaves out. */
export function exportTerraformWithNotes(design: Design): TerraformExport {
  const c = new TfContext(design);
  c.section('VPCs and subnets');
  writeVpcs(c);
  writeSubnets(c);
  c.section('internet and NAT gateways, peerings');
  writeGateways(c);
  writePeerings(c);
  c.section('route tables');
  writeRouteTables(c);
  c.section('network ACLs');
  writeNetworkAcls(c);
  c.section('security groups (no in-line rules)');
  writePrefixLists(c);
  const groups = writeGroups(c);
  c.section('security group rules: one resource per rule, egress written explicitly');
  writeRules(c, groups);
  c.section('resources');
  writeResources(c);

  const head: HclItem[] = [
    comment(`Tierwise export of the design ${oneLine(design.name)}.`),
    comment('terraform init && terraform apply -var ami_id=ami-... (see the variables below)'),
    ...c.notes.map((n) => comment(`Not exported: ${oneLine(n)}`)),
    block('terraform', [], [
      ...attr('required_version', '>= 1.5'),
      block('required_providers', [], attr('aws', map([['source', 'hashicorp/aws'], ['version', '>= 5.40']]))),
    ]),
    block('provider', ['aws'], attr('region', c.primaryRegion)),
    ...[...c.regions].sort().map((r) => block('provider', ['aws'], [...attr('alias', providerAlias(r)), ...attr('region', r)])),
    ...[...c.variables.entries()].map(([name, v]) =>
      block('variable', [name], [
        ...attr('description', v.description),
        ...attr('type', expr(v.type)),
        ...attr('default', v.default),
        ...attr('sensitive', v.sensitive ? true : undefined),
      ]),
    ),
  ];
  const lines: string[] = [];
  for (const item of [...head, ...c.items]) {
    if ((item.kind === 'block' || (item.kind === 'comment' && item.text.startsWith('--- '))) && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    lines.push(...writeItems([item]));
  }
  return { text: lines.join('\n') + '\n', notExported: [...c.notes] };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
