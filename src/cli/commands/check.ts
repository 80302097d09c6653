/** `check`: the linter over a design, for people (text), machines (JSON) and code scanning (SARIF 2.1.0). */
import { relative, resolve, sep } from 'node:path';
import { CATALOGUE, runLint, SEVERITIES } from '../../core/lint/index.ts';
import { commandHelp, oneOf, parseCommandArgs, type CommandSpec } from '../args.ts';
import { findingsAtOrAbove, formatCheckJson, formatCheckSarif, formatCheckText, type FailOn } from '../format-check.ts';
import { loadDesign, warnOfImport } from '../inputs.ts';
import type { Io } from '../io.ts';
import { INPUTS_NOTE } from './notes.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON: readonly FailOn[] = [...SEVERITIES, 'none'];

export const checkSpec: CommandSpec = {
  name: 'check',
  summary: 'Lints a design: every finding with its severity (from real exposure), risk, fix and the equivalent checks of other tools.',
  positionals: '<inputs...>',
  minPositionals: 1,
  options: {
    format: { type: 'string', value: 'F', description: 'text (default), json, or sarif (SARIF 2.1.0 for code-scanning tools).' },
    'fail-on': { type: 'string', value: 'S', description: 'Exit 1 when a finding is at or above S: critical, high, medium, low, info, or none (default).' },
  },
  notes: [INPUTS_NOTE, 'Exit status: 0 when answered (and nothing reaches --fail-on), 1 when a finding is at or above --fail-on, 2 on bad input.'],
};

export async function runCheck(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(checkSpec, argv);
  if (args.help) {
    io.out(commandHelp(checkSpec));
    return 0;
  }
  const format = oneOf(args, 'format', FORMATS, 'text');
  const failOn = oneOf(args, 'fail-on', FAIL_ON, 'none');
  const loaded = await loadDesign(args.positionals);
  warnOfImport(loaded, io);
  const findings = runLint(loaded.design);
  if (format === 'json') io.out(formatCheckJson(findings, failOn));
  else if (format === 'sarif') io.out(formatCheckSarif(findings, CATALOGUE, artifactOptions(loaded.files)));
  else io.out(formatCheckText(findings, failOn));
  const failing = findingsAtOrAbove(findings, failOn).length;
  if (failing === 0) return 0;
  io.err(`${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn} (--fail-on ${failOn}).\n`);
  return 1;
}

/** When the design came from one file, results point at it by a relative URI (forward slashes, percent-encoded). */
function artifactOptions(files: string[]): { artifactUri?: string } {
  if (files.length !== 1) return {};
  const path = relative(process.cwd(), resolve(files[0]!)).split(sep).join('/');
  return { artifactUri: encodeURI(path) };
}
