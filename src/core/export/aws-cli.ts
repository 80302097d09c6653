/**
 * The AWS CLI export: a bash script that deploys the design with `aws` (formats.md, "Writing").
 * Order: VPCs, subnets, gateways, peerings (routes need their ids), route tables, network ACLs,
 * prefix lists, then every security group before any rule (so groups may reference each other in
 * cycles), then instances, load balancers, databases and functions. Every user string reaches AWS inside single quotes or as ASCII-only
 * JSON, and every id the script captures is checked against its AWS shape before it is used.
 */
import type { Design, Vpc } from '../model/types.ts';
import { comment, shellQuote } from './shell-quote.ts';
import { Script } from './aws-cli-script.ts';
import { PRELUDE } from './aws-cli-prelude.ts';
import { writeGateways, writeNetworkAcls, writePeerings, writeRouteTables, writeSubnets, writeVpcs } from './aws-cli-network.ts';
import { writeGroups, writeRules } from './aws-cli-groups.ts';
import { writePrefixLists, writeResources } from './aws-cli-resources.ts';
import { serviceUsage, writeServiceSettings } from './aws-cli-services.ts';

export interface AwsCliOptions {
  /** Only the security groups and their rules, into the existing VPC given by `VPC_ID`. */
  groupsOnly?: boolean;
  /** groupsOnly: the design VPC whose groups are written (default: the first VPC with groups). */
  vpcId?: string;
}

const USAGE_FULL = `# Usage: [AWS_REGION=...] [IMAGE_ID=ami-...] [INSTANCE_TYPE=t3.micro] bash deploy.sh [EXTRA_AWS_ARGS...]
#   AWS_REGION overrides the Region of every VPC; IMAGE_ID the image of every instance (default:
#   the Region's Amazon Linux 2023); AWS_ENDPOINT_URL, when set, is passed as --endpoint-url.`;
const USAGE_GROUPS = `# Usage: VPC_ID=vpc-... [AWS_REGION=...] bash deploy-groups.sh [EXTRA_AWS_ARGS...]
#   Creates the security groups and their rules in the existing VPC VPC_ID.
#   AWS_ENDPOINT_URL, when set, is passed as --endpoint-url.`;

/** The deploy script for a design (or, with `groupsOnly`, for its security groups only). */
export function exportAwsCli(design: Design, options: AwsCliOptions = {}): string {
  const s = new Script();
  const head = [
    '#!/usr/bin/env bash',
    comment(`Tierwise export of the design ${design.name}: deploys it with the AWS CLI.`),
    '# Creates new resources only; run it once per account and Region.',
    options.groupsOnly ? USAGE_GROUPS : [USAGE_FULL, ...serviceUsage(design)].join('\n'),
    PRELUDE,
  ];
  if (options.groupsOnly) writeGroupsOnly(s, design, options.vpcId);
  else writeEverything(s, design);
  return [...head, ...s.lines, '', `note 'done'`, ''].join('\n');
}

function writeEverything(s: Script, d: Design): void {
  writeServiceSettings(s, d);
  for (const vpc of Object.values(d.vpcs)) s.region(vpc.region);
  s.section('VPCs');
  writeVpcs(s, d);
  s.section('subnets');
  writeSubnets(s, d);
  s.section('internet and NAT gateways');
  writeGateways(s, d);
  s.section('VPC peerings');
  writePeerings(s, d);
  s.section('route tables');
  writeRouteTables(s, d);
  s.section('network ACLs');
  writeNetworkAcls(s, d);
  if (Object.keys(d.prefixLists).length > 0) {
    s.section('prefix lists');
    writePrefixLists(s, d);
  }
  s.section('security groups');
  const ruled = Object.values(d.vpcs).flatMap((vpc) => {
    const vpcVar = s.varOf(`vpc:${vpc.id}`)!;
    return writeGroups(s, d, vpc, { vpcVar, regionVar: s.region(vpc.region), existingVpc: false }).map((g) => ({ g, r: s.region(vpc.region) }));
  });
  s.section('security group rules');
  for (const { g, r } of ruled) writeRules(s, [g], r);
  s.section('resources');
  writeResources(s, d);
}

function writeGroupsOnly(s: Script, d: Design, vpcId: string | undefined): void {
  const groups = Object.values(d.securityGroups);
  const vpc: Vpc | undefined = vpcId ? d.vpcs[vpcId] : (d.vpcs[groups.find((g) => !g.isDefault)?.vpcId ?? ''] ?? Object.values(d.vpcs)[0]);
  if (!vpc) {
    s.push(`die ${shellQuote('the design has no VPC with security groups')}`);
    return;
  }
  s.push(
    `[[ "\${VPC_ID:-}" =~ ^vpc-[0-9a-zA-Z]+$ ]] || die "set VPC_ID to the id of the VPC the groups go into (vpc-...)"`,
    `VPC_1="$VPC_ID"`,
  );
  const r = s.region(vpc.region);
  s.declare(`vpc:${vpc.id}`, 'VPC');
  const others = groups.filter((g) => g.vpcId !== vpc.id);
  if (others.length > 0) s.note(`groups of other VPCs are not written; rules that reference them use their design ids`);
  s.section('security groups');
  const ruled = writeGroups(s, d, vpc, { vpcVar: 'VPC_1', regionVar: r, existingVpc: true });
  s.section('security group rules');
  writeRules(s, ruled, r);
}
