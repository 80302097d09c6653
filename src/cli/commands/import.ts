/** `import`: AWS describe output, Terraform or CloudFormation (or a design file) to a design file. */
import { writeFileSync } from 'node:fs';
import { CliError, commandHelp, parseCommandArgs, type CommandSpec } from '../args.ts';
import { loadDesign, type LoadedDesign } from '../inputs.ts';
import type { Io } from '../io.ts';
import { INPUTS_NOTE } from './notes.ts';

export const importSpec: CommandSpec = {
  name: 'import',
  summary: 'Turns AWS describe output, Terraform (state, show -json, .tf) or CloudFormation templates (or an older design file) into a Tierwise design file.',
  positionals: '<inputs...>',
  minPositionals: 1,
  options: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the design here (default: standard output).' },
  },
  notes: [INPUTS_NOTE, 'Warnings (things repaired, guessed or left out) go to standard error.'],
};

export async function runImport(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(importSpec, argv);
  if (args.help) {
    io.out(commandHelp(importSpec));
    return 0;
  }
  const loaded = await loadDesign(args.positionals);
  for (const w of loaded.warnings) io.err(`warning: ${w.message}\n`);
  const json = `${JSON.stringify(loaded.design, null, 2)}\n`;
  const output = args.values.output;
  if (typeof output === 'string' && output !== '') {
    try {
      writeFileSync(output, json);
    } catch (e) {
      throw new CliError(`cannot write ${output}: ${(e as { code?: string }).code ?? String(e)}.`);
    }
    io.err(`wrote ${output}: ${summary(loaded)}\n`);
  } else {
    io.out(json);
  }
  return 0;
}

const KIND_NAMES: Record<string, string> = {
  design: 'a Tierwise design',
  'describe-bundle': 'AWS describe output',
  'terraform-state': 'Terraform state',
  'terraform-plan': 'terraform show -json',
  'terraform-hcl': 'Terraform configuration',
  cloudformation: 'CloudFormation',
};

function summary(loaded: LoadedDesign): string {
  const d = loaded.design;
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [
    count(Object.keys(d.vpcs).length, 'VPC'),
    count(Object.keys(d.subnets).length, 'subnet'),
    count(Object.keys(d.securityGroups).length, 'security group'),
    count(Object.keys(d.resources).length, 'resource'),
  ];
  return `${parts.join(', ')} from ${count(loaded.files.length, 'file')} (${KIND_NAMES[loaded.kind] ?? loaded.kind})${loaded.warnings.length ? `, ${count(loaded.warnings.length, 'warning')}` : ''}`;
}
