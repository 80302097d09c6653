/** `export`: a design as a design file (JSON), an AWS CLI deploy script, Terraform or CloudFormation. */
import { chmodSync, writeFileSync } from 'node:fs';
import { exportAwsCli } from '../../core/export/aws-cli.ts';
import { exportCloudFormation } from '../../core/export/cloudformation/index.ts';
import { exportTerraform } from '../../core/export/terraform/index.ts';
import { CliError, commandHelp, oneOf, parseCommandArgs, PROGRAM, requireString, type CommandSpec } from '../args.ts';
import { loadDesign, warnOfImport } from '../inputs.ts';
import type { Io } from '../io.ts';
import { INPUTS_NOTE } from './notes.ts';

const FORMATS = ['json', 'aws-cli', 'terraform', 'cloudformation'] as const;

export const exportSpec: CommandSpec = {
  name: 'export',
  summary: 'Writes a design as a Tierwise design file, an AWS CLI deploy script, Terraform or CloudFormation.',
  positionals: '<inputs...>',
  minPositionals: 1,
  options: {
    format: { type: 'string', short: 'f', value: 'F', description: 'json (the design file), aws-cli (a bash deploy script), terraform, or cloudformation. Required.' },
    'groups-only': { type: 'boolean', description: 'aws-cli only: just the security groups and their rules, into an existing VPC (VPC_ID at run time).' },
    vpc: { type: 'string', value: 'ID', description: 'With --groups-only: the design VPC whose groups are written (default: the first VPC with groups).' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Write here (default: standard output); an aws-cli script is made executable.' },
  },
  notes: [INPUTS_NOTE],
};

export async function runExport(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(exportSpec, argv);
  if (args.help) {
    io.out(commandHelp(exportSpec));
    return 0;
  }
  requireString(exportSpec, args, 'format');
  const format = oneOf(args, 'format', FORMATS, 'json');
  const groupsOnly = args.values['groups-only'] === true;
  const vpc = args.values.vpc;
  if (groupsOnly && format !== 'aws-cli') throw new CliError(`--groups-only works only with --format aws-cli (got --format ${format}).`);
  if (vpc !== undefined && !groupsOnly) throw new CliError(`--vpc works only with --groups-only. See \`${PROGRAM} export --help\`.`);
  if (typeof vpc === 'string' && vpc === '') throw new CliError('--vpc needs a VPC id.');

  const loaded = await loadDesign(args.positionals);
  warnOfImport(loaded, io);
  const design = loaded.design;
  if (typeof vpc === 'string' && !Object.hasOwn(design.vpcs, vpc)) {
    const known = Object.keys(design.vpcs);
    throw new CliError(`--vpc ${vpc}: the design has no such VPC${known.length ? ` (it has ${known.join(', ')})` : ''}.`);
  }

  let text: string;
  switch (format) {
    case 'json':
      text = `${JSON.stringify(design, null, 2)}\n`;
      break;
    case 'aws-cli':
      text = exportAwsCli(design, groupsOnly ? { groupsOnly, ...(typeof vpc === 'string' ? { vpcId: vpc } : {}) } : {});
      break;
    case 'terraform':
      text = exportTerraform(design);
      break;
    case 'cloudformation':
      text = exportCloudFormation(design);
      break;
  }

  const output = args.values.output;
  if (typeof output === 'string' && output !== '') {
    try {
      writeFileSync(output, text, format === 'aws-cli' ? { mode: 0o755 } : {});
      // writeFileSync's mode applies only to a new file (and passes through the umask).
      if (format === 'aws-cli') chmodSync(output, 0o755);
    } catch (e) {
      throw new CliError(`cannot write ${output}: ${(e as { code?: string }).code ?? String(e)}.`);
    }
    io.err(`wrote ${output} (${format})\n`);
  } else {
    io.out(text);
  }
  return 0;
}
