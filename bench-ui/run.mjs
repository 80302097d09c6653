#!/usr/bin/env node
/**
 * `npm run bench:ui`: the render-count check and the timing table on the development server,
 * then the timing table again on a production build (vite build + vite preview), with the bare
 * React Flow page built beside the app only for this run (dist-bench/, never dist/).
 * `--dev-only` skips the production pass.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const port = Number(process.env.TIERWISE_E2E_PORT ?? 5173);
const previewPort = port + 100;
const env = { ...process.env, TIERWISE_BENCH_UI: '1' };
const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extra } }).status ?? 1;

let status = run('npx', ['playwright', 'test', 'e2e/performance.spec.ts', 'e2e/ui-bench.spec.ts', '--reporter=list', '--workers=1'], { TIERWISE_BENCH_MODE: 'dev' });
if (status === 0 && !process.argv.includes('--dev-only')) {
  status = run('npx', ['vite', 'build', '--outDir', 'dist-bench', '--emptyOutDir', '--logLevel', 'warn'], { TIERWISE_BENCH_BUILD: '1' });
  if (status === 0) {
    const preview = spawn('npx', ['vite', 'preview', '--outDir', 'dist-bench', '--port', String(previewPort), '--strictPort'], { stdio: 'ignore', env, detached: true });
    await waitFor(`http://localhost:${previewPort}/`);
    status = run('npx', ['playwright', 'test', 'e2e/ui-bench.spec.ts', '--reporter=list', '--workers=1'], {
      TIERWISE_BENCH_MODE: 'prod',
      TIERWISE_BENCH_BASE_URL: `http://localhost:${previewPort}`,
    });
    process.kill(-preview.pid);
  }
}
for (const mode of ['dev', 'prod']) {
  try {
    console.log(`\n${readFileSync(`bench-ui/results/${mode}.md`, 'utf8')}`);
  } catch {
    // That pass did not run.
  }
}
process.exit(status);

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not come up at ${url}`);
}
