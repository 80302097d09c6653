/**
 * `npm run bench:lint`: the linter on generated designs of 100, 1,000 and 5,000 ENIs (the same
 * seeded designs as `npm run bench`).
 *
 * Per size: runLint end to end on a fresh design object (what an edit in the designer produces),
 * first as the first call in the process (cold: JavaScript not yet compiled, what the CLI pays),
 * then warm (median of later calls, each on a fresh object: what the designer pays after the
 * first lint). Then one table row per rule, warm: its time and its finding count. The per-rule
 * pass runs on another fresh object with the shared parts computed first and timed on rows of
 * their own (the engine's compiled index, the Internet exposure every exposure-aware rule reads),
 * so a rule's time is its own work and not whichever rule happened to ask for the shared part
 * first.
 *
 * `npm run bench:lint -- --sizes=100,1000` picks the sizes. Each size runs in a child process with a time limit, so a slow rule shows up as "> limit"
 * instead of a benchmark that never ends; a size is skipped once a smaller one timed out.
 */
import { compile } from '../src/core/engine/index.ts';
import { CATALOGUE, lintContext, runLint } from '../src/core/lint/index.ts';
import { validateDesign } from '../src/core/model/schema.ts';
import type { Design } from '../src/core/model/types.ts';
import { inChild as runChild, median, ms, table, timeMs, type Outcome as ChildOutcome } from './harness.ts';
import { designStats, generateDesign, type DesignStats } from './generate-design.ts';

/** The seed of bench/engine.bench.ts, so both benchmarks talk about the same designs. */
const SEED = 20250611;
const SIZES = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length).split(',').map(Number) ?? [100, 1000, 5000];
/** Per-size time limit (ms), child start and design generation included. */
const LIMIT_MS = 180_000;
/** runLint is repeated (median) while one run stays under this. */
const REPEAT_UNDER_MS = 2_000;
const RUNS = 5;
/** Warm end-to-end runs only after a cold run under this (ms). */
const WARM_UNDER_MS = 10_000;

interface RuleRow {
  id: string;
  ms: number;
  findings: number;
}

type Outcome = ChildOutcome<Results>;

const inChild = (enis: number): Promise<Outcome> => runChild<Results>(import.meta.url, `--enis=${enis}`, LIMIT_MS);

interface Results {
  stats?: DesignStats;
  runLintCold?: number;
  runLint?: number;
  runLintRuns?: number;
  findings?: number;
  bySeverity?: Record<string, number>;
  rules?: RuleRow[];
  error?: string;
}

function prepare(enis: number): { fresh: () => Design; stats: DesignStats } {
  const text = JSON.stringify(generateDesign({ enis, seed: SEED }));
  const checked = validateDesign(JSON.parse(text));
  if (!checked.ok) throw new Error(`Generated design of ${enis} ENIs does not validate: ${checked.error.message}`);
  return { fresh: () => JSON.parse(text) as Design, stats: designStats(checked.value) };
}

function runTask(enis: number, report: (r: Results) => void): void {
  const p = prepare(enis);
  report({ stats: p.stats });

  let findings: ReturnType<typeof runLint> = [];
  const cold = p.fresh();
  const coldMs = timeMs(() => (findings = runLint(cold)));
  report({ runLintCold: coldMs });
  const bySeverity: Record<string, number> = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  report({ findings: findings.length, bySeverity });

  // A cold run this slow says enough; the per-rule pass (warm) gets the time instead.
  const times: number[] = [];
  for (let i = 0; i < (coldMs > WARM_UNDER_MS ? 0 : RUNS); i++) {
    const x = p.fresh();
    times.push(timeMs(() => runLint(x)));
    if (times.at(-1)! > REPEAT_UNDER_MS) break;
  }
  if (times.length > 0) report({ runLint: median(times), runLintRuns: times.length });

  const d = p.fresh();
  const ctx = lintContext(d);
  const rules: RuleRow[] = [
    { id: '(shared) engine index', ms: timeMs(() => compile(d)), findings: 0 },
    { id: '(shared) Internet exposure', ms: timeMs(() => ctx.internetExposure()), findings: 0 },
  ];
  for (const rule of CATALOGUE) {
    let n = 0;
    const ms = timeMs(() => (n = rule.check(ctx).length));
    rules.push({ id: rule.id, ms, findings: n });
    report({ rules });
  }
}


async function main(): Promise<void> {
  const started = performance.now();
  console.log(`# Tierwise lint benchmark\n\nNode ${process.version}, seed ${SEED}, ${CATALOGUE.length} rules. Times in ms.\n`);
  const outcomes: Array<{ enis: number; o?: Outcome }> = [];
  let slow = false;
  for (const enis of SIZES) {
    if (slow) {
      outcomes.push({ enis });
      continue;
    }
    const o = await inChild(enis);
    if (o.timedOut) slow = true;
    console.error(`  ${enis} ENIs: ${o.timedOut ? 'time limit' : o.results.error ? 'error' : 'done'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    outcomes.push({ enis, o });
  }

  const status = (o: Outcome | undefined, what?: number) =>
    what !== undefined ? ms(what) : o?.results.runLintCold !== undefined && o.results.runLintCold > WARM_UNDER_MS ? 'not run (cold run over 10 s)' : !o ? 'skipped' : o.timedOut ? `> ${(LIMIT_MS / 1000).toFixed(0)} s (limit)` : (o.results.error ?? 'n/a');

  console.log('## runLint end to end (fresh design object)\n');
  console.log(
    table(
      ['ENIs', 'groups / rules', 'resources', 'runLint, first in process', 'runLint, warm', 'findings', 'by severity'],
      outcomes.map(({ enis, o }) => {
        const r = o?.results;
        return [
          enis.toLocaleString('en-US'),
          r?.stats ? `${r.stats.securityGroups} / ${r.stats.rules}` : '?',
          r?.stats ? String(r.stats.resources) : '?',
          status(o, r?.runLintCold),
          status(o, r?.runLint) + (r?.runLintRuns === 1 ? ' [1 run]' : ''),
          r?.findings !== undefined ? String(r.findings) : '?',
          r?.bySeverity ? Object.entries(r.bySeverity).map(([s, n]) => `${n} ${s}`).join(', ') : '',
        ];
      }),
    ),
  );

  console.log('\n## Per rule, warm (time ms / findings), slowest at the largest size first\n');
  const done = outcomes.filter((x) => x.o?.results.rules);
  const ids = ['(shared) engine index', '(shared) Internet exposure', ...CATALOGUE.map((r) => r.id)];
  const last = done.at(-1)?.o?.results.rules ?? [];
  const weight = (id: string) => last.find((r) => r.id === id)?.ms ?? Infinity;
  const ordered = [...ids].sort((a, b) => weight(b) - weight(a));
  console.log(
    table(
      ['rule', ...outcomes.map(({ enis }) => `${enis.toLocaleString('en-US')} ENIs`)],
      ordered.map((id) => [
        id,
        ...outcomes.map(({ o }) => {
          const row = o?.results.rules?.find((r) => r.id === id);
          if (row) return id.startsWith('(shared)') ? ms(row.ms) : `${ms(row.ms)} / ${row.findings}`;
          return o?.results.rules ? `${status(o)} (not reached)` : status(o);
        }),
      ]),
    ),
  );
  console.log(
    `\n- Per-rule times come from one pass over a fresh design after the end-to-end runs and the shared rows; a rule that is cut off by the time limit shows "not reached".\n- runLint warm is the median of up to ${RUNS} runs, each on a fresh design object; repeated only while one run stays under ${REPEAT_UNDER_MS / 1000} s. Time limit per size: ${LIMIT_MS / 1000} s.\n\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

const enisArg = process.argv.find((a) => a.startsWith('--enis='));
if (enisArg) {
  let last: Results = {};
  try {
    runTask(Number(enisArg.slice('--enis='.length)), (r) => process.send!(r));
  } catch (error) {
    last = { error: error instanceof Error ? error.message : String(error) };
    console.error(error);
    process.exitCode = 1;
  }
  process.send!(last, () => process.disconnect());
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
