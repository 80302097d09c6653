import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser: Debian's Chromium at /usr/bin/chromium; failing that, Playwright's own Chromium if one
 * is already on disk. Never downloads one (e2e/check-browser.mjs says how to get one).
 */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const executablePath = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined; // undefined: Playwright's bundled build

// TIERWISE_E2E_PORT lets a second checkout run its e2e suite beside a running dev server.
const PORT = Number(process.env.TIERWISE_E2E_PORT ?? 5173);
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    // A laptop or projector-sized window: three panels and a canvas with room to work.
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  // The dev server starts in about a second (no build step) and serves exactly what `npm run dev` does.
  webServer: {
    command: `npx vite --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
