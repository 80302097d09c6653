/**
 * Argument parsing for every command: a small declarative spec per command, parsed with Node's
 * util.parseArgs (strict), and help text generated from the same spec so the two never disagree.
 */
import { parseArgs } from 'node:util';

export const PROGRAM = 'tierwise';

/** Bad input from the user or their files: printed as one message, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help: `--port N`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional part of the usage line, e.g. `<inputs...>`. */
  positionals: string;
  minPositionals: number;
  maxPositionals?: number;
  options: Record<string, OptionSpec>;
  /** Paragraphs after the option list. */
  notes?: string[];
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

/** Parses a command's arguments; unknown options and missing values become a CliError naming them. */
export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${parseErrorMessage(e)}. See \`${PROGRAM} ${spec.name} --help\`.`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  if (!help) {
    if (parsed.positionals.length < spec.minPositionals) {
      throw new CliError(`missing ${spec.positionals}. See \`${PROGRAM} ${spec.name} --help\`.`);
    }
    if (spec.maxPositionals !== undefined && parsed.positionals.length > spec.maxPositionals) {
      const extra = parsed.positionals[spec.maxPositionals]!;
      throw new CliError(`unexpected argument "${extra}". See \`${PROGRAM} ${spec.name} --help\`.`);
    }
  }
  return { values, positionals: parsed.positionals, help };
}

/** parseArgs's messages are long and mention its own API; keep the part that names the option. */
function parseErrorMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `option ${option ?? ''} needs a value` : `option ${option ?? ''} takes no value`;
  }
  return message.split('\n')[0]!.replace(/\.$/, '');
}

/** A required string option, or a CliError that names it. */
export function requireString(spec: CommandSpec, args: ParsedArgs, name: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v === '') {
    throw new CliError(`--${name} is required. See \`${PROGRAM} ${spec.name} --help\`.`);
  }
  return v;
}

/** An optional string option restricted to a few values. */
export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const v = args.values[name];
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got "${String(v)}").`);
}

/** An optional whole-number option within bounds. */
export function integerOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const text = String(v).trim();
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${String(v)}").`);
  }
  return Number(text);
}

/** The help text of one command. */
export function commandHelp(spec: CommandSpec): string {
  const usage = [PROGRAM, spec.name, spec.positionals, '[options]'].filter((part) => part !== '').join(' ');
  const lines = [`Usage: ${usage}`, '', spec.summary, '', 'Options:'];
  const entries = Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return [flag, o.description] as const;
  });
  const width = Math.max(...entries.map(([flag]) => flag.length)) + 2;
  for (const [flag, description] of entries) lines.push(`  ${flag.padEnd(width)}${description}`);
  for (const note of spec.notes ?? []) lines.push('', note);
  return `${lines.join('\n')}\n`;
}
