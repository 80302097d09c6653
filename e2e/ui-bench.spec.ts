/**
 * `npm run bench:ui`: time to first render and frame times of a scripted pan, for designs of 100,
 * 300 and 1,000 resources, in the designer and in a bare React Flow page with the same nodes
 * (bench-ui/bare.html). Prints a table; asserts nothing about speed (shared machines vary).
 * Skipped unless TIERWISE_BENCH_UI=1, so the ordinary e2e run stays fast.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { largeDesign } from './fixtures/large-design.ts';
import { createFlowAdapter } from '../src/ui/canvas/adapters/design-to-flow.ts';
import type { Design } from '../src/core/model/index.ts';

test.skip(!process.env.TIERWISE_BENCH_UI, 'timing run: `npm run bench:ui` sets TIERWISE_BENCH_UI=1');
test.use({ trace: 'off', ...(process.env.TIERWISE_BENCH_BASE_URL ? { baseURL: process.env.TIERWISE_BENCH_BASE_URL } : {}) });

const MODE = process.env.TIERWISE_BENCH_MODE ?? 'dev';
const SIZES: Array<[resources: number, subnets: number, perSubnet: number, publicSubnets: number]> = [
  [100, 4, 25, 2],
  [300, 10, 30, 5],
  [1000, 20, 50, 4],
];
const PAN_MS = 3000;
const EXPECTED_KEY = 'tierwise.bench.expected';

// Runs in every page before its own scripts: the first animation frame after all expected nodes
// are in the DOM (the frame that paints them has then happened) is the time to first render.
function watchFirstRender() {
  const w = window as unknown as { __benchFirstRender?: number };
  const want = Number(localStorage.getItem('tierwise.bench.expected') ?? 0);
  if (!want) return;
  const tick = () => {
    if (document.querySelectorAll('.react-flow__node').length >= want) requestAnimationFrame(() => (w.__benchFirstRender = performance.now()));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

interface Run {
  firstRender: number;
  median: number;
  p95: number;
  frames: number;
  /** Main-thread time during the pan (ms), and the part of it that ran JavaScript. */
  busy: number;
  script: number;
}

async function firstRender(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __benchFirstRender?: number }).__benchFirstRender !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __benchFirstRender: number }).__benchFirstRender);
}

/** Drags the empty pane in a circle for PAN_MS while the page records every frame's interval. */
async function scriptedPan(page: Page): Promise<Pick<Run, 'median' | 'p95' | 'frames' | 'busy' | 'script'>> {
  // Settle: fitView and the analysis that follows a load finish before the pan starts (half a
  // second of frames none longer than 34 ms, or 30 s at most).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = 0;
        let calm = 0;
        const deadline = performance.now() + 30_000;
        const frame = (t: number) => {
          calm = last && t - last < 34 ? calm + (t - last) : 0;
          last = t;
          if (calm >= 500 || t > deadline) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  const start = await page.evaluate(() => {
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect();
    for (let y = flow.top + 6; y < flow.bottom - 6; y += 8) {
      for (let x = flow.left + 6; x < flow.right - 6; x += 8) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  expect(start, 'an empty stretch of pane to grab').not.toBeNull();
  await page.evaluate(() => {
    const w = window as unknown as { __benchFrames: number[]; __benchStop: boolean };
    w.__benchFrames = [];
    w.__benchStop = false;
    let last = 0;
    const frame = (t: number) => {
      if (last) w.__benchFrames.push(t - last);
      last = t;
      if (!w.__benchStop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // Where the time goes, from Chrome's own counters: all main-thread work, and JavaScript alone.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const counters = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { busy: get('TaskDuration') * 1000, script: get('ScriptDuration') * 1000 };
  };
  await page.mouse.move(start!.x, start!.y);
  const before = await counters();
  await page.mouse.down();
  const began = Date.now();
  for (let i = 0; Date.now() - began < PAN_MS; i++) {
    const a = i / 20;
    await page.mouse.move(start!.x + 160 + 160 * Math.cos(a + Math.PI), start!.y + 120 + 120 * Math.sin(a), { steps: 1 });
  }
  await page.mouse.up();
  const after = await counters();
  await cdp.detach();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __benchFrames: number[]; __benchStop: boolean };
    w.__benchStop = true;
    return w.__benchFrames;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), frames: frames.length, busy: after.busy - before.busy, script: after.script - before.script };
}

async function runApp(page: Page, design: Design, expected: number): Promise<Run & { canvas: { width: number; height: number } }> {
  await page.goto('/');
  await page.evaluate(
    ([d, key, n]) => {
      localStorage.clear();
      localStorage.setItem('tierwise.design.v1.large', JSON.stringify(d));
      localStorage.setItem('tierwise.library.v1', JSON.stringify({ designs: [{ id: 'large', name: d.name, updatedAt: 1 }], currentId: 'large' }));
      localStorage.setItem(key, String(n));
    },
    [design, EXPECTED_KEY, expected] as const,
  );
  await page.reload();
  const first = await firstRender(page);
  const box = (await page.locator('.react-flow').boundingBox())!;
  return { firstRender: first, ...(await scriptedPan(page)), canvas: { width: Math.round(box.width), height: Math.round(box.height) } };
}

async function runBare(page: Page, nodes: unknown[], canvas: { width: number; height: number }): Promise<Run> {
  await page.goto('/bench-ui/bare.html');
  await page.evaluate(
    ([n, size, key]) => {
      localStorage.clear();
      localStorage.setItem('tierwise.bench.nodes', JSON.stringify(n));
      localStorage.setItem('tierwise.bench.size', JSON.stringify(size));
      localStorage.setItem(key, String(n.length));
    },
    [nodes, canvas, EXPECTED_KEY] as const,
  );
  await page.reload();
  return { firstRender: await firstRender(page), ...(await scriptedPan(page)) };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

test('time to first render and pan frame times: the designer against bare React Flow', async ({ page }) => {
  test.setTimeout(600_000);
  await page.addInitScript(watchFirstRender);
  const rows: string[] = [];
  for (const [resources, subnets, perSubnet, publicSubnets] of SIZES) {
    const design = largeDesign(subnets, perSubnet, publicSubnets);
    expect(Object.keys(design.resources)).toHaveLength(resources);
    // The very nodes the canvas draws, as plain default nodes labelled with their names.
    const flowNodes = createFlowAdapter()(design, null).map(({ id, position, parentId, extent, width, height, ariaLabel }) => ({
      id,
      position,
      width,
      height,
      ...(parentId ? { parentId } : {}),
      ...(extent ? { extent } : {}),
      data: { label: ariaLabel },
    }));
    // A warm-up of each page first: the development server transforms modules on first request.
    const warm = await runApp(page, design, flowNodes.length);
    await runBare(page, flowNodes, warm.canvas);
    const app = await runApp(page, design, flowNodes.length);
    const bare = await runBare(page, flowNodes, app.canvas);
    rows.push(
      `| ${resources.toLocaleString('en')} | ${flowNodes.length.toLocaleString('en')} | ${ms(app.firstRender)} / ${ms(bare.firstRender)} (${ratio(app.firstRender, bare.firstRender)}) | ${ms(app.median)} / ${ms(bare.median)} (${ratio(app.median, bare.median)}) | ${ms(app.p95)} / ${ms(bare.p95)} (${ratio(app.p95, bare.p95)}) | ${app.frames} / ${bare.frames} | ${ms(app.busy)} (${ms(app.script)}) / ${ms(bare.busy)} (${ms(bare.script)}) |`,
    );
  }
  const table = [
    `bench:ui (${MODE === 'prod' ? 'production build, vite preview' : 'development server'}), ${new Date().toISOString().slice(0, 10)}: designer / bare React Flow (ratio), times in ms`,
    '',
    '| resources | nodes | time to first render | pan: median frame | pan: p95 frame | frames in 3 s pan | main thread in pan (of it JS) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  // Not test-results/: Playwright empties that at the start of every run, and run.mjs prints both passes at the end.
  mkdirSync('bench-ui/results', { recursive: true });
  writeFileSync(`bench-ui/results/${MODE}.md`, `${table}\n`);
  test.info().annotations.push({ type: 'bench', description: table });
  console.log(`\n${table}\n`);
});
