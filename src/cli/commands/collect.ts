/** `collect`: prints the collector script, which writes a describe bundle of one Region. */
import { collectScript } from '../../core/import/aws/index.ts';
import { isRegionName } from '../../core/import/aws/index.ts';
import { CliError, commandHelp, parseCommandArgs, type CommandSpec } from '../args.ts';
import type { Io } from '../io.ts';

export const collectSpec: CommandSpec = {
  name: 'collect',
  summary: 'Prints a read-only bash script that runs the aws CLI describe commands for one Region and writes a bundle folder to import.',
  positionals: '',
  minPositionals: 0,
  maxPositionals: 0,
  options: {
    region: { type: 'string', value: 'R', description: 'The Region to bake in (the script also takes -r REGION).' },
  },
  notes: ['Example: tierwise collect --region eu-west-1 > collect.sh && bash collect.sh -o bundle && tierwise import bundle -o design.json'],
};

export function runCollect(argv: string[], io: Io): number {
  const args = parseCommandArgs(collectSpec, argv);
  if (args.help) {
    io.out(commandHelp(collectSpec));
    return 0;
  }
  const region = args.values.region;
  if (typeof region === 'string' && !isRegionName(region.trim())) {
    throw new CliError(`--region "${region}" is not a Region name such as eu-west-1.`);
  }
  io.out(collectScript(typeof region === 'string' ? { region } : {}));
  return 0;
}
