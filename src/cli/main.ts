/**
 * The Tierwise command line: `npm run cli -- <command> ...`. Thin: it parses arguments, reads
 * files, calls core and prints. Exit 0 when a command answered, 2 on bad input (one message on
 * stderr, never a stack trace), 1 on an internal error (and for `check`, when a finding is at or
 * above --fail-on).
 */
import { CliError, PROGRAM } from './args.ts';
import type { Io, Run } from './io.ts';
import { runCheck } from './commands/check.ts';
import { runCollect } from './commands/collect.ts';
import { runExport } from './commands/export.ts';
import { runExposure } from './commands/exposure.ts';
import { runImport } from './commands/import.ts';
import { runReach } from './commands/reach.ts';

const COMMANDS: Record<string, { run: Run; summary: string }> = {
  import: { run: runImport, summary: 'AWS describe output, Terraform or CloudFormation (or a design file) to a design file' },
  collect: { run: runCollect, summary: 'print the collector script that writes a describe bundle' },
  reach: { run: runReach, summary: 'does a flow get from one endpoint to another, and why not' },
  exposure: { run: runExposure, summary: 'what a source (e.g. internet) can reach, hop by hop' },
  export: { run: runExport, summary: 'a design as a design file, AWS CLI script, Terraform or CloudFormation' },
  check: { run: runCheck, summary: 'lint a design: findings as text, JSON or SARIF; exit 1 at --fail-on' },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Tierwise evaluates reachability in AWS networks with AWS semantics.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    '',
    `Run \`${PROGRAM} <command> --help\` for a command's options. From a checkout: npm run cli -- <command> ...`,
    '',
  ].join('\n');
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(`${PROGRAM}: missing command. See \`${PROGRAM} --help\`.\n`);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(mainHelp());
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    const what = command.startsWith('-') ? 'unknown option' : 'unknown command';
    io.err(`${PROGRAM}: ${what} "${command}". See \`${PROGRAM} --help\`.\n`);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`${PROGRAM} ${command}: ${e.message}\n`);
      return 2;
    }
    const reason = e instanceof Error ? e.message : String(e);
    io.err(`${PROGRAM}: internal error: ${reason}\n`);
    return 1;
  }
}

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const io: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
process.exitCode = await main(process.argv.slice(2), io);
