/** `exposure`: everything a source can reach, directly or through load balancers and hosts. */
import { exposure } from '../../core/engine/index.ts';
import { commandHelp, oneOf, parseCommandArgs, requireString, type CommandSpec } from '../args.ts';
import { formatExposureJson, formatExposureText } from '../format-exposure.ts';
import { loadDesign, warnOfImport } from '../inputs.ts';
import type { Io } from '../io.ts';
import { resolveRef } from '../refs.ts';
import { INPUTS_NOTE, REF_NOTE } from './notes.ts';

export const exposureSpec: CommandSpec = {
  name: 'exposure',
  summary: 'Lists what a source can reach, with the traffic and the chain of hops (through load balancers and hosts).',
  positionals: '<inputs...>',
  minPositionals: 1,
  options: {
    from: { type: 'string', value: 'REF', description: 'The source, e.g. internet (required).' },
    format: { type: 'string', value: 'F', description: 'text (default) or json.' },
  },
  notes: [INPUTS_NOTE, REF_NOTE, 'Exit status: 0 when answered, 2 on bad input.'],
};

export async function runExposure(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(exposureSpec, argv);
  if (args.help) {
    io.out(commandHelp(exposureSpec));
    return 0;
  }
  const fromRef = requireString(exposureSpec, args, 'from');
  const format = oneOf(args, 'format', ['text', 'json'], 'text');
  const loaded = await loadDesign(args.positionals);
  warnOfImport(loaded, io);
  const from = resolveRef(loaded.design, fromRef, 'from');
  const result = exposure(loaded.design, from.endpoint);
  io.out(format === 'json' ? formatExposureJson(result) : formatExposureText(result, from.label, loaded.design));
  return 0;
}
