/**
 * `npm run bench`: the engine on generated designs of 100, 1,000 and 5,000 ENIs.
 *
 * For each size: JSON.parse of the design's text (the floor every figure is divided by), one flow
 * query (`reach`) cold and warm, `exposure` from the Internet cold and warm, and all-pairs
 * reachability (`reachMatrix`). Cold = the first call on a fresh design object, so it includes
 * compiling the engine's index (cached per design object); warm = later calls on the same object.
 * Exposure's cold figure is timed after the JIT has run exposure on another design of the same size
 * (a long-lived worker's case); the very first call of a fresh process is printed beside it.
 * Then a linearity check: 1,000 ENIs with 5 to 60 ingress rules per group.
 *
 * Each measurement runs in a child process with a time limit, so a slow engine shows up as
 * "> limit" in the tables instead of a benchmark that never ends.
 *
 * Targets (issue): one flow under 1 ms at 5,000 ENIs; exposure from the Internet under 100 ms at
 * 1,000 ENIs; a single query's cost growing about linearly with the number of rules. They are
 * measured and printed here, not asserted in tests.
 */
import { exposure, reach, reachMatrix } from '../src/core/engine/index.ts';
import type { Endpoint, Flow } from '../src/core/engine/types.ts';
import { validateDesign } from '../src/core/model/schema.ts';
import type { Design } from '../src/core/model/types.ts';
import { inChild as runChild, median, ms, table, timeMs, type Outcome as ChildOutcome } from './harness.ts';
import { designStats, generateDesign, resourceIds, Rng, type DesignStats } from './generate-design.ts';

const SEED = 20250611;
const SIZES = [100, 1000, 5000];
const QUERIES = 200;
const WARMUP = 50;
const COLD_RUNS = 11;
const LINEARITY_ENIS = 1000;
const LINEARITY_RULES = [5, 10, 20, 40, 60];
/** All-pairs on the whole design up to this many ENIs; above, only the sampled estimate. */
const FULL_MATRIX_MAX_ENIS = 1000;
/** Per-task time limits (ms), child start and design generation included. */
const LIMIT = { reach: 60_000, exposure: 30_000, matrix: 60_000 } as const;
/** A repeated measurement stops repeating once one run took this long. */
const REPEAT_UNDER_MS = 2_000;

const INTERNET: Endpoint = { kind: 'internet' };

// --- Timing -------------------------------------------------------------------------------------------

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

/** Median of up to `runs` timings (fewer when one is slow); `fresh` makes each run's argument untimed. */
function medianOf<T>(runs: number, fresh: () => T, fn: (x: T) => unknown): { ms: number; runs: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = fresh();
    times.push(timeMs(() => fn(x)));
    if (times.at(-1)! > REPEAT_UNDER_MS) break;
  }
  return { ms: median(times), runs: times.length };
}

// --- Designs and queries ----------------------------------------------------------------------------------

interface Prepared {
  text: string;
  stats: DesignStats;
  /** A design object whose index nobody has built yet. */
  fresh: () => Design;
}

/** Generates, serialises and validates a design; throws loudly when it does not validate. */
function prepare(enis: number, rulesPerGroup?: number): Prepared {
  const generated = generateDesign({ enis, seed: SEED, ...(rulesPerGroup ? { rulesPerGroup } : {}) });
  const text = JSON.stringify(generated);
  const checked = validateDesign(JSON.parse(text));
  if (!checked.ok) throw new Error(`Generated design of ${enis} ENIs does not validate: ${checked.error.message} (${checked.error.code})`);
  const stats = designStats(checked.value);
  if (stats.enis !== enis) throw new Error(`Generated design has ${stats.enis} ENIs, asked for ${enis}.`);
  return { text, stats, fresh: () => JSON.parse(text) as Design };
}

interface Query {
  source: Endpoint;
  destination: Endpoint;
  flow: Flow;
}

const TCP_PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9100, 9200];

/** A tcp port some group of the resource admits on ingress: a query that gets past the destination's groups more often. */
function listeningPort(design: Design, resourceId: string, rng: Rng): number | undefined {
  const ports: number[] = [];
  for (const eni of design.resources[resourceId]!.enis) {
    for (const g of eni.securityGroupIds) {
      for (const r of design.securityGroups[g]?.ingress ?? []) {
        if (r.match.protocol === 'tcp' && r.match.ports) ports.push(r.match.ports.from);
      }
    }
  }
  return ports.length > 0 ? rng.pick(ports) : undefined;
}

function randomFlow(rng: Rng): Flow {
  const x = rng.next();
  if (x < 0.85) return { protocol: 'tcp', port: rng.pick(TCP_PORTS) };
  if (x < 0.93) return { protocol: 'udp', port: rng.pick([53, 123, 161]) };
  if (x < 0.97) return { protocol: 'icmp', icmpType: 8, icmpCode: 0 };
  return { protocol: 'all' };
}

/**
 * `count` random (source, destination, flow) triples between distinct resources; same seed, same
 * list. Half the flows use a port the destination's groups admit (so more queries run the whole
 * path: routes, NACLs, the reply), half a common port or protocol at random.
 */
function randomQueries(design: Design, count: number, seed: number): Query[] {
  const ids = resourceIds(design);
  const rng = new Rng(seed);
  const out: Query[] = [];
  while (out.length < count) {
    const a = rng.pick(ids);
    const b = rng.pick(ids);
    if (a === b) continue;
    const port = rng.chance(0.5) ? listeningPort(design, b, rng) : undefined;
    const flow: Flow = port !== undefined ? { protocol: 'tcp', port } : randomFlow(rng);
    out.push({ source: { kind: 'resource', resourceId: a }, destination: { kind: 'resource', resourceId: b }, flow });
  }
  return out;
}

const runQuery = (d: Design, q: Query) => reach(d, q.source, q.destination, q.flow);

// --- Tasks (run in a child process) ---------------------------------------------------------------------------

type Task =
  | { kind: 'reach'; enis: number; rulesPerGroup?: number }
  | { kind: 'exposure'; enis: number }
  | { kind: 'matrix'; enis: number };

type Outcome = ChildOutcome<Results>;

/** Runs a task in a child process; kills it at its time limit and keeps what it reported. */
const inChild = (task: Task): Promise<Outcome> => runChild<Results>(import.meta.url, `--task=${JSON.stringify(task)}`, LIMIT[task.kind]);

/** What tasks report; every field arrives as soon as it is measured. */
interface Results {
  stats?: DesignStats;
  jsonMb?: number;
  parse?: number;
  reachCold?: number;
  reachWarm?: number;
  reachP95?: number;
  reachMean?: number;
  /** Median over the reachable queries only: those that evaluate the whole path. */
  reachWarmReachable?: number;
  reachable?: number;
  exposureFirst?: number;
  exposureCold?: number;
  exposureColdRuns?: number;
  exposureWarm?: number;
  exposureWarmRuns?: number;
  exposureEntries?: number;
  directCold?: number;
  directWarm?: number;
  directEntries?: number;
  matrixSample?: number;
  matrixSampleRows?: number;
  matrixFull?: number;
  matrixPairs?: number;
  matrixResources?: number;
  error?: string;
}

function runTask(task: Task, report: (r: Results) => void): void {
  const p = prepare(task.enis, task.kind === 'reach' ? task.rulesPerGroup : undefined);
  report({ stats: p.stats, jsonMb: p.text.length / 1e6 });
  if (task.kind === 'reach') {
    report({ parse: medianOf(task.enis >= 5000 ? 7 : 15, () => p.text, (t) => JSON.parse(t)).ms });
    // Same queries whatever the rules per group: the linearity designs share their resources.
    const queries = randomQueries(p.fresh(), QUERIES, SEED + task.enis);
    const first = queries[0]!;
    report({ reachCold: medianOf(COLD_RUNS, p.fresh, (d) => runQuery(d, first)).ms });
    const d = p.fresh();
    for (let i = 0; i < WARMUP; i++) runQuery(d, queries[(i * 7) % queries.length]!);
    const times: number[] = [];
    const reachableTimes: number[] = [];
    for (const q of queries) {
      let verdict = '';
      const t = timeMs(() => (verdict = runQuery(d, q).verdict));
      times.push(t);
      if (verdict === 'reachable') reachableTimes.push(t);
    }
    report({
      reachWarm: median(times),
      reachP95: percentile(times, 0.95),
      reachMean: times.reduce((a, b) => a + b, 0) / times.length,
      ...(reachableTimes.length > 0 ? { reachWarmReachable: median(reachableTimes) } : {}),
      reachable: reachableTimes.length,
    });
  } else if (task.kind === 'exposure') {
    // The process's very first exposure: the JavaScript engine has not compiled any of it yet.
    report({ exposureFirst: timeMs(() => exposure(p.fresh(), INTERNET)) });
    // First hop only (no chains through load balancers and taken-over hosts), then the full answer.
    const direct = { multiHop: false };
    report({ directCold: medianOf(3, p.fresh, (d) => exposure(d, INTERNET, direct)).ms });
    const dd = p.fresh();
    report({ directEntries: exposure(dd, INTERNET, direct).entries.length });
    report({ directWarm: medianOf(5, () => dd, (x) => exposure(x, INTERNET, direct)).ms });
    // Cold = a fresh design object (no memo, index build included) once the JIT has seen another
    // design of this size, as in the designer's long-lived worker, where each edit is a new design.
    const other = JSON.stringify(generateDesign({ enis: task.enis, seed: SEED + 1 }));
    for (let i = 0; i < 3; i++) exposure(JSON.parse(other) as Design, INTERNET);
    const cold = medianOf(COLD_RUNS, p.fresh, (d) => exposure(d, INTERNET));
    report({ exposureCold: cold.ms, exposureColdRuns: cold.runs });
    const d = p.fresh();
    report({ exposureEntries: exposure(d, INTERNET).entries.length });
    const warm = medianOf(5, () => d, (x) => exposure(x, INTERNET));
    report({ exposureWarm: warm.ms, exposureWarmRuns: warm.runs });
  } else {
    // Index built outside the timings. A row of the matrix is what one resource reaches directly,
    // which is what exposure from that resource without chains computes (public API, same work).
    const ids = resourceIds(p.fresh());
    const compiled = () => {
      const d = p.fresh();
      reach(d, { kind: 'resource', resourceId: ids[0]! }, { kind: 'resource', resourceId: ids[1]! }, { protocol: 'tcp', port: 443 });
      return d;
    };
    // About 100 evenly spread source rows, on a design object of their own, after a few untimed
    // rows on another one so that the sample is not charged with compiling the engine's code.
    const step = Math.max(1, Math.floor(ids.length / 100));
    const rows = ids.filter((_, i) => i % step === 0);
    const jit = compiled();
    for (const id of ids.slice(0, 5)) exposure(jit, { kind: 'resource', resourceId: id }, { multiHop: false });
    const ds = compiled();
    const t = timeMs(() => {
      for (const id of rows) exposure(ds, { kind: 'resource', resourceId: id }, { multiHop: false });
    });
    report({ matrixSample: (t / rows.length) * ids.length, matrixSampleRows: rows.length });
    if (task.enis <= FULL_MATRIX_MAX_ENIS) {
      const d = compiled();
      let pairs = 0;
      let resources = 0;
      const full = timeMs(() => {
        const m = reachMatrix(d);
        pairs = m.reachable.length;
        resources = m.resourceIds.length;
      });
      report({ matrixFull: full, matrixPairs: pairs, matrixResources: resources });
    }
  }
}


// --- Formatting -----------------------------------------------------------------------------------------

function ratio(x: number, floor: number | undefined): string {
  if (floor === undefined) return '';
  const r = x / floor;
  return ` (${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×)`;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** A measured value with its ratio, or why there is none. */
function cell(value: number | undefined, o: Outcome | undefined, floor: number | undefined, suffix = ''): string {
  if (value !== undefined) return `${ms(value)}${ratio(value, floor)}${suffix}`;
  if (!o) return 'skipped (slower size timed out)';
  if (o.timedOut) return `> ${limitText(o)} (time limit)`;
  return o.results.error ? `error: ${o.results.error}` : 'n/a';
}

function limitText(o: Outcome): string {
  return `${(o.ms / 1000).toFixed(0)} s`;
}

// --- Main ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(`# Tierwise engine benchmark\n\nNode ${process.version}, seed ${SEED}. Times in ms; (×) = ratio to JSON.parse of the same design.\n`);

  // Validate every design up front: a generator bug must fail loudly before anything is timed.
  for (const enis of SIZES) prepare(enis);

  const rows: string[][] = [];
  const summaries: string[][] = [];
  const notes: string[] = [];
  const slow = new Set<Task['kind']>();
  let reachAt5000: Results | undefined;
  let exposureAt1000: { r: Results; o: Outcome } | undefined;
  /** How far the row-sample estimate was from the full run at the largest size that ran both. */
  let estimateAccuracy: { enis: number; ratio: number } | undefined;

  for (const enis of SIZES) {
    const run = async (kind: Task['kind']): Promise<Outcome | undefined> => {
      // Exposure still runs: its first-hop figures come before the full answer that may time out.
      if (slow.has(kind) && kind !== 'exposure') return undefined;
      const o = await inChild({ kind, enis } as Task);
      if (o.timedOut) slow.add(kind);
      console.error(`  ${enis} ENIs ${kind}: ${o.timedOut ? 'time limit' : 'done'} (${elapsed()})`);
      return o;
    };
    const r = await run('reach');
    const e = await run('exposure');
    const m = await run('matrix');
    const x: Results = { ...r?.results, ...e?.results, ...m?.results };
    const s = x.stats;
    if (enis === 5000) reachAt5000 = x;
    if (enis === 1000 && e) exposureAt1000 = { r: x, o: e };
    const target = (kind: 'reach' | 'exposure', ok: boolean | undefined) =>
      (kind === 'reach' && enis === 5000) || (kind === 'exposure' && enis === 1000) ? ` ${mark(ok === true)}` : '';

    let matrix: string;
    if (x.matrixFull !== undefined) {
      matrix = `${cell(x.matrixFull, m, x.parse)}; ${x.matrixPairs!.toLocaleString('en-US')} of ${(x.matrixResources! * (x.matrixResources! - 1)).toLocaleString('en-US')} ordered pairs reachable`;
      if (x.matrixSample !== undefined) {
        estimateAccuracy = { enis, ratio: x.matrixSample / x.matrixFull };
        matrix += `; the row-sample estimate (${x.matrixSampleRows} rows) gives ${ms(x.matrixSample)}, ${estimateAccuracy.ratio.toFixed(2)}× the full run`;
      }
    } else if (x.matrixSample !== undefined) {
      const how = `estimated, not run: ${x.matrixSampleRows} of ${s?.resources} source rows timed (exposure from the resource, first hop only) and scaled to all rows`;
      if (estimateAccuracy) {
        const calibrated = x.matrixSample / estimateAccuracy.ratio;
        matrix = `~${cell(calibrated, m, x.parse)} calibrated, ~${ms(x.matrixSample)} raw; ${how}; at ${estimateAccuracy.enis.toLocaleString('en-US')} ENIs the raw estimate was ${estimateAccuracy.ratio.toFixed(2)}× the full run, calibrated = raw ÷ ${estimateAccuracy.ratio.toFixed(2)}`;
      } else matrix = `~${cell(x.matrixSample, m, x.parse)} ${how}`;
      if (enis <= FULL_MATRIX_MAX_ENIS) matrix += `; full matrix ${cell(undefined, m, undefined)}`;
    } else matrix = cell(undefined, m, undefined);

    rows.push([
      enis.toLocaleString('en-US'),
      s ? String(s.enis) : '?',
      s ? String(s.securityGroups) : '?',
      s ? String(s.rules) : '?',
      x.parse !== undefined ? ms(x.parse) : '?',
      cell(x.reachCold, r, x.parse),
      cell(x.reachWarm, r, x.parse, target('reach', x.reachWarm !== undefined && x.reachWarm < 1)),
      cell(x.exposureCold, e, x.parse, (x.exposureColdRuns ?? 0) > 1 ? '' : x.exposureCold !== undefined ? ' [1 run]' : '') +
        target('exposure', x.exposureCold !== undefined && x.exposureCold < 100),
      cell(x.exposureWarm, e, x.parse) + target('exposure', x.exposureWarm !== undefined && x.exposureWarm < 100),
      cell(x.exposureFirst, e, x.parse),
      `${cell(x.directCold, e, x.parse)} / ${cell(x.directWarm, e, x.parse)}`,
      matrix,
    ]);
    if (s) {
      summaries.push([
        enis.toLocaleString('en-US'),
        `${x.jsonMb!.toFixed(2)} MB`,
        String(s.vpcs),
        String(s.peerings),
        String(s.subnets),
        `${s.routeTables} / ${s.routes}`,
        `${s.customNetworkAcls} / ${s.naclEntries}`,
        `${s.securityGroups} / ${s.ingressRules} in + ${s.rules - s.ingressRules} out`,
        `${s.resources}: ` +
          Object.entries(s.byKind)
            .map(([k, n]) => `${n} ${k}`)
            .join(', '),
        [
          x.reachable !== undefined
            ? `${x.reachable}/${QUERIES} reachable; warm reach: reachable median ${x.reachWarmReachable !== undefined ? ms(x.reachWarmReachable) : '-'} ms, mean ${ms(x.reachMean!)} ms, p95 ${ms(x.reachP95!)} ms`
            : '',
          x.directEntries !== undefined ? `exposure first hop: ${x.directEntries} entries` : '',
          x.exposureEntries !== undefined ? `exposure: ${x.exposureEntries} entries` : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]);
    }
  }

  console.log('## Designs\n');
  console.log(
    table(
      ['size', 'JSON', 'VPCs', 'peerings', 'subnets', 'route tables / routes', 'custom NACLs / entries (all)', 'groups / rules', 'resources', 'answers'],
      summaries,
    ),
  );
  console.log('\n## Engine\n');
  console.log(
    table(
      [
        'size',
        'ENIs',
        'groups',
        'rules',
        'JSON.parse',
        'reach cold',
        `reach warm (median of ${QUERIES})`,
        'exposure cold',
        'exposure warm',
        'exposure, first call of the process',
        'exposure first hop only (multiHop: false) cold / warm',
        'all-pairs',
      ],
      rows,
    ),
  );
  notes.push(
    'Cold = first call on a fresh design object (index build included; median of fresh objects). Warm = same object afterwards. Exposure cold is timed once the JIT has run exposure on another design of the same size (seed + 1), as in the designer, whose worker stays up while each edit makes a new design; "first call of the process" is the very first exposure of a fresh process, JIT cold as well.',
    "Warm exposure runs with the engine's per-design memo (compiled index, interface classes, pair grants) already filled.",
    `[1 run]: a measurement is repeated (median) only while one run stays under ${REPEAT_UNDER_MS / 1000} s. Time limits per task: ${Object.entries(LIMIT)
      .map(([k, v]) => `${k} ${v / 1000} s`)
      .join(', ')} (child process start and design generation included).`,
    'Exposure follows chains: a load balancer to its targets, and any instance reached at all is taken over and its own reach added; "first hop only" is the same call with multiHop: false.',
  );

  // Linearity: the same 1,000-ENI design, only the number of ingress rules per group changes.
  const lin: string[][] = [];
  const points: Array<[number, number]> = [];
  const pointsFull: Array<[number, number]> = [];
  const pointsMean: Array<[number, number]> = [];
  let prev: { rules: number; warm: number } | undefined;
  for (const k of LINEARITY_RULES) {
    const o = await inChild({ kind: 'reach', enis: LINEARITY_ENIS, rulesPerGroup: k });
    console.error(`  linearity ${k} rules/group: ${o.timedOut ? 'time limit' : 'done'} (${elapsed()})`);
    const x = o.results;
    const rules = x.stats?.rules;
    if (x.reachWarm !== undefined && rules !== undefined) points.push([rules, x.reachWarm]);
    if (x.reachWarmReachable !== undefined && rules !== undefined) pointsFull.push([rules, x.reachWarmReachable]);
    if (x.reachMean !== undefined && rules !== undefined) pointsMean.push([rules, x.reachMean]);
    lin.push([
      String(k),
      rules !== undefined ? String(rules) : '?',
      x.parse !== undefined ? ms(x.parse) : '?',
      cell(x.reachCold, o, x.parse),
      cell(x.reachWarm, o, x.parse),
      x.reachWarmReachable !== undefined ? `${ms(x.reachWarmReachable)} (${x.reachable})` : cell(undefined, o, undefined),
      x.reachMean !== undefined ? ms(x.reachMean) : cell(undefined, o, undefined),
      x.reachP95 !== undefined ? ms(x.reachP95) : cell(undefined, o, undefined),
      prev && x.reachWarm !== undefined && rules !== undefined ? `×${(x.reachWarm / prev.warm).toFixed(2)} for rules ×${(rules / prev.rules).toFixed(2)}` : '—',
    ]);
    if (x.reachWarm !== undefined && rules !== undefined) prev = { rules, warm: x.reachWarm };
  }
  const slopeOf = (ps: Array<[number, number]>) => (ps.length >= 2 ? logLogSlope(ps) : NaN);
  const slope = slopeOf(points);
  const slopeFull = slopeOf(pointsFull);
  const slopeMean = slopeOf(pointsMean);
  console.log(`\n## Linearity (${LINEARITY_ENIS.toLocaleString('en-US')} ENIs, ingress rules per group varied, same ${QUERIES} queries)\n`);
  console.log(
    table(
      ['rules/group', 'rules (all)', 'JSON.parse', 'reach cold', 'reach warm median', 'median of reachable (n)', 'mean', 'p95', 'median step vs previous row'],
      lin,
    ),
  );
  console.log(
    `\nlog-log slope of warm reach time against the number of rules (1 = linear, below 1 = sublinear): median ${slope.toFixed(2)}, median of reachable ${slopeFull.toFixed(2)}, mean ${slopeMean.toFixed(2)}.`,
  );

  const e = exposureAt1000?.r;
  const checks = [
    [
      'one flow < 1 ms at 5,000 ENIs (warm)',
      reachAt5000?.reachWarm !== undefined ? `${ms(reachAt5000.reachWarm)} ms (cold, index build included: ${ms(reachAt5000.reachCold!)} ms)` : 'not measured',
      mark(reachAt5000?.reachWarm !== undefined && reachAt5000.reachWarm < 1),
    ],
    [
      'exposure from the Internet < 100 ms at 1,000 ENIs',
      (e?.exposureCold !== undefined
        ? `cold ${ms(e.exposureCold)} ms, warm ${e.exposureWarm !== undefined ? `${ms(e.exposureWarm)} ms` : 'not measured'}, first call of the process ${e.exposureFirst !== undefined ? `${ms(e.exposureFirst)} ms` : '?'}`
        : `> ${exposureAt1000 ? limitText(exposureAt1000.o) : '?'} (time limit)`) +
        (e?.directCold !== undefined ? `; first hop only: cold ${ms(e.directCold)} ms, warm ${e.directWarm !== undefined ? ms(e.directWarm) : '?'} ms` : ''),
      e?.exposureCold !== undefined ? `${mark(e.exposureCold < 100)} cold, ${mark(e.exposureWarm !== undefined && e.exposureWarm < 100)} warm` : '✗',
    ],
    [
      'single query about linear in rules (or better)',
      Number.isFinite(slope) ? `log-log slope: median ${slope.toFixed(2)}, reachable ${slopeFull.toFixed(2)}, mean ${slopeMean.toFixed(2)}` : 'not measured',
      mark(Math.max(slope, slopeFull, slopeMean) <= 1.3),
    ],
  ];
  console.log('\n## Targets\n');
  console.log(table(['target', 'measured', ''], checks));
  console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  console.log(`\nTotal ${elapsed()}.`);
}

/** Least-squares slope of log(y) on log(x). */
function logLogSlope(points: Array<[number, number]>): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

const taskArg = process.argv.find((a) => a.startsWith('--task='));
if (taskArg) {
  const task = JSON.parse(taskArg.slice('--task='.length)) as Task;
  let last: Results = {};
  try {
    runTask(task, (r) => process.send!(r));
  } catch (error) {
    last = { error: error instanceof Error ? error.message : String(error) };
    console.error(error);
    process.exitCode = 1;
  }
  // Messages arrive in order: once the last is written, so are the others.
  process.send!(last, () => process.disconnect());
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
