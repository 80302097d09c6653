// Exits 0 when a Chromium for the e2e tests is on disk (Debian's, else Playwright's own), else
// prints one line saying how to get one and exits 1. Never downloads anything itself.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const debian = '/usr/bin/chromium';
let bundled = '';
try {
  bundled = chromium.executablePath();
} catch {
  // no bundled build registered for this platform
}

if (existsSync(debian) || (bundled && existsSync(bundled))) process.exit(0);

console.error(
  'e2e: no Chromium found at /usr/bin/chromium or in Playwright\'s cache; install it with `apt-get install chromium` (Debian), or `npx playwright install chromium` where downloads are allowed.',
);
process.exit(1);
