/**
 * The CloudFormation export (formats.md, "Writing"): one YAML template. Intrinsics use the long
 * forms (`Ref:`, `Fn::GetAtt:`), which every YAML reader understands. What a stack cannot express
 * (the default group's removed rules, the main route table, a changed default ACL) is listed
 * under Metadata.Tierwise.NotExported and summed up in the Description.
 */
import { stringify } from 'yaml';
import type { Design } from '../../model/types.ts';
import { CfnContext, type CfnParameter, type CfnResource, type Json } from './context.ts';
import { writeGroups, writePrefixLists, writeRules } from './groups.ts';
import { writeGateways, writeNetworkAcls, writePeerings, writeRouteTables, writeSubnets, writeVpcs } from './network.ts';
import { writeResources } from './resources.ts';

export interface CloudFormationExport {
  /** The YAML text. */
  text: string;
  /** What the design holds that the template does not create, one line each. */
  notExported: string[];
}

/** The design as one CloudFormation template (YAML). */
export function exportCloudFormation(design: Design): string {
  return exportCloudFormationWithNotes(design).text;
}

export function exportCloudFormationWithNotes(design: Design): CloudFormationExport {
  const c = new CfnContext(design);
  writeVpcs(c);
  writeSubnets(c);
  writeGateways(c);
  writePeerings(c);
  writeRouteTables(c);
  writeNetworkAcls(c);
  writePrefixLists(c);
  const groups = writeGroups(c);
  writeRules(c, groups);
  writeResources(c);

  const regions = [...new Set(Object.values(design.vpcs).map((v) => v.region))];
  if (regions.length > 1) c.notes.push(`the design spans Regions ${regions.join(', ')}; a stack deploys every VPC in the Region it is created in`);

  const name = design.name.replace(/[\r\n\u2028\u2029]+/g, ' ');
  let description = `Tierwise export of the design ${name}.`;
  if (c.notes.length > 0) description += ` ${c.notes.length} item(s) not exported or changed: see Metadata Tierwise.NotExported.`;
  if (description.length > 1024) description = description.slice(0, 1021) + '...';

  const template: { [key: string]: Json } = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: description,
    Metadata: { Tierwise: { Design: design.name, NotExported: [...c.notes] } },
  };
  if (c.parameters.size > 0) template.Parameters = Object.fromEntries([...c.parameters].map(([k, p]) => [k, parameterJson(p)]));
  template.Resources = Object.fromEntries([...c.resources].map(([k, r]) => [k, resourceJson(r)]));
  const text = stringify(template, { lineWidth: 0, aliasDuplicateObjects: false });
  return { text, notExported: [...c.notes] };
}

function parameterJson(p: CfnParameter): Json {
  const out: { [key: string]: Json } = { Type: p.Type, Description: p.Description };
  if (p.Default !== undefined) out.Default = p.Default;
  if (p.NoEcho) out.NoEcho = true;
  if (p.MinLength !== undefined) out.MinLength = p.MinLength;
  return out;
}

function resourceJson(r: CfnResource): Json {
  const out: { [key: string]: Json } = { Type: r.Type };
  if (r.DependsOn && r.DependsOn.length > 0) out.DependsOn = [...new Set(r.DependsOn)];
  if (r.DeletionPolicy) out.DeletionPolicy = r.DeletionPolicy;
  if (r.UpdateReplacePolicy) out.UpdateReplacePolicy = r.UpdateReplacePolicy;
  out.Properties = r.Properties;
  return out;
}
