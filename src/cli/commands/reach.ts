/** `reach`: does a flow get from one endpoint to another, and if not, why. */
import { describeFlow, reach } from '../../core/engine/index.ts';
import { commandHelp, oneOf, parseCommandArgs, requireString, type CommandSpec } from '../args.ts';
import { FLOW_OPTIONS, flowFromArgs } from '../flow.ts';
import { formatReachJson, formatReachText } from '../format-reach.ts';
import { loadDesign, warnOfImport } from '../inputs.ts';
import type { Io } from '../io.ts';
import { resolveRef } from '../refs.ts';
import { INPUTS_NOTE, REF_NOTE } from './notes.ts';

export const reachSpec: CommandSpec = {
  name: 'reach',
  summary: 'Says whether a flow gets from one endpoint to another, the path it takes, and what blocks it.',
  positionals: '<inputs...>',
  minPositionals: 1,
  options: {
    from: { type: 'string', value: 'REF', description: 'Where the flow starts (required).' },
    to: { type: 'string', value: 'REF', description: 'Where the flow goes (required).' },
    ...FLOW_OPTIONS,
    format: { type: 'string', value: 'F', description: 'text (default) or json.' },
  },
  notes: [INPUTS_NOTE, REF_NOTE, 'Exit status: 0 when answered (reachable or not), 2 on bad input.'],
};

export async function runReach(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(reachSpec, argv);
  if (args.help) {
    io.out(commandHelp(reachSpec));
    return 0;
  }
  const fromRef = requireString(reachSpec, args, 'from');
  const toRef = requireString(reachSpec, args, 'to');
  const format = oneOf(args, 'format', ['text', 'json'], 'text');
  const flow = flowFromArgs(args);
  const loaded = await loadDesign(args.positionals);
  warnOfImport(loaded, io);
  const from = resolveRef(loaded.design, fromRef, 'from');
  const to = resolveRef(loaded.design, toRef, 'to');
  const result = reach(loaded.design, from.endpoint, to.endpoint, flow);
  io.out(format === 'json' ? formatReachJson(result) : formatReachText(result, { from: from.label, to: to.label, traffic: describeFlow(flow) }));
  return 0;
}
