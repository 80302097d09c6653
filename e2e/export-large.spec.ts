/**
 * Export of a 1,000-resource design: each text format is written in the worker while the dialog
 * stays responsive (measured as main-thread CPU time, against writing it on the main thread), the
 * preview shows the first lines, Download and Copy give all of it; the PNG is the whole design,
 * scaled to fit. Run: TIERWISE_E2E_PORT=5213 npx playwright test e2e/export-large.spec.ts --workers=1
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { generateDesign } from '../bench/generate-design.ts';
import { autoLayout } from '../src/core/layout/index.ts';
import { Designer } from './fixtures/designer.ts';
import { expectedExports, ExportDialog, heldDesign, imageStats, openWith, pngSize } from './fixtures/export.ts';

// Tracing snapshots the 30,000-element DOM on every action: it would be most of what is measured.
test.use({ trace: 'off' });

test.describe('a 1,000-resource design', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test.describe.configure({ timeout: 360_000 });
  // Two rules a group keeps the app's own start (the linter, on the main thread) to seconds, not minutes.
  const large = () => autoLayout(generateDesign({ enis: 1800, seed: 7, rulesPerGroup: 2 }));

  test('writes each text format off the main thread, previews the start, and downloads and copies all of it', async ({ page }) => {
    const design = await large();
    expect(Object.keys(design.resources).length).toBeGreaterThanOrEqual(1000);
    await openWith(page, design);
    const want = expectedExports(await heldDesign(page));
    const dialog = new ExportDialog(page);
    await dialog.open();

    // Main-thread CPU time (Chromium's ThreadTime), which machine load does not inflate the way it does wall time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
    const report: string[] = [];
    const onMainThread: Record<string, number> = {};
    const longest: Record<string, number> = {};
    for (const [label, text, file] of [
      ['CloudFormation (YAML)', want.cloudformation, 'yaml'],
      ['Terraform', want.terraform, 'tf'],
      ['AWS CLI v2 script', want.awsCli, 'sh'],
    ] as const) {
      // Picked and awaited inside the page: Playwright's own locators, run over the 30,000-element
      // canvas, would be most of the main thread's time.
      const cpuBefore = await cpu();
      const seen = await page.evaluate(
        async ({ label, region }) => {
          const long: number[] = [];
          const watcher = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
          watcher.observe({ type: 'longtask' });
          const started = performance.now();
          document.querySelector<HTMLInputElement>(`dialog[open] input[aria-label="${label}"]`)!.click();
          await new Promise((r) => requestAnimationFrame(r));
          const writing = document.querySelector('dialog[open] [role="status"]')?.textContent ?? '';
          await new Promise<void>((resolve) => {
            const done = () => document.querySelector(`dialog[open] [aria-label="${region}"] [data-testid="export-text"]`);
            if (done()) return resolve();
            const observer = new MutationObserver(() => done() && (observer.disconnect(), resolve()));
            observer.observe(document.querySelector('dialog[open]')!, { childList: true, subtree: true });
          });
          const ms = performance.now() - started;
          // Long tasks are reported a moment after they end.
          await new Promise((r) => setTimeout(r, 100));
          watcher.disconnect();
          return { writing, ms, longest: Math.max(0, ...long) };
        },
        { label, region: `Preview of generated-1800-enis-seed-7.${file}` },
      );
      onMainThread[label] = (await cpu()) - cpuBefore;
      // The dialog answered at once: "Writing…" was on screen while the worker wrote.
      expect(seen.writing).toMatch(/^Writing the .* export…$/);
      longest[label] = seen.longest;
      report.push(`${label}: shown after ${Math.round(seen.ms)} ms, ${Math.round(onMainThread[label])} ms of main-thread CPU, longest task ${Math.round(seen.longest)} ms`);
      const lines = text.split('\n').length - 1;
      if (lines > 3000) await expect(dialog.dialog.getByText(`The preview shows the first 3,000 of ${lines.toLocaleString('en')} lines`)).toBeVisible();
      const shown = await dialog.previewText();
      expect(text.startsWith(shown)).toBe(true);
      expect(shown.split('\n').length - 1).toBe(Math.min(lines, 3000));
      const got = await dialog.download();
      expect(got.name).toBe(`generated-1800-enis-seed-7.${file}`);
      expect(got.bytes.toString('utf8') === text).toBe(true);
    }
    await dialog.dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.dialog.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    expect((await page.evaluate(() => navigator.clipboard.readText())) === want.awsCli).toBe(true);
    await new Designer(page).screenshot('export-large');

    // For comparison: the same CloudFormation export written on the main thread, which it blocks throughout.
    const cpuBefore = await cpu();
    const blocked = await page.evaluate(async () => {
      const { designStore } = (await import(/* @vite-ignore */ String('/src/ui/store/index.ts'))) as typeof import('../src/ui/store/index.ts');
      const { generateText } = (await import(/* @vite-ignore */ String('/src/ui/panels/export/formats.ts'))) as typeof import('../src/ui/panels/export/formats.ts');
      const t = performance.now();
      generateText(designStore.getState().design, { format: 'cloudformation' });
      return performance.now() - t;
    });
    const inline = (await cpu()) - cpuBefore;
    console.log(`[export e2e] 1,000-resource design: ${report.join('; ')}; CloudFormation written on the main thread instead: one ${Math.round(blocked)} ms block, ${Math.round(inline)} ms of CPU`);
    // With the worker, nothing the dialog does blocks the page as long as the export alone would.
    expect(longest['CloudFormation (YAML)']!).toBeLessThan(blocked);
  });

  test('draws the whole design as a PNG scaled to fit, with a warning while it draws', async ({ page }) => {
    await openWith(page, await large());
    const dialog = new ExportDialog(page);
    await dialog.open();
    // The warning shows only while the page is paused drawing, when Playwright cannot poll it:
    // an observer installed beforehand records every status text the dialog shows.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __statuses: string[] }).__statuses = []);
      // Read the records, not the document: by the time the observer runs, the drawing may be done.
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (!(n instanceof Element)) continue;
            for (const el of [n, ...n.querySelectorAll('[role="status"]')]) if (el.getAttribute('role') === 'status' && el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
          }
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
    const started = Date.now();
    await dialog.pick('PNG image');
    await expect(dialog.dialog.getByRole('img', { name: 'The PNG image of the design' })).toBeVisible({ timeout: 300_000 });
    const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    console.log(`[export e2e] statuses: ${JSON.stringify(statuses)}`);
    expect(statuses.some((t) => /^Drawing the diagram of 1,0\d\d resources; the page pauses until it is done…$/.test(t.trim())), statuses.join(' | ')).toBe(true);
    const png = await dialog.download();
    const size = pngSize(png.bytes);
    console.log(`[export e2e] 1,000-resource PNG: ${size.width} x ${size.height} px, ${png.bytes.length} bytes, ${Date.now() - started} ms`);
    // At most 8,192 CSS px a side plus margins, at up to 2x within 48 million pixels and 16,384 a side; a design this tall reaches the limits.
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(16_384);
    expect(Math.max(size.width, size.height)).toBeGreaterThan(16_000);
    expect(size.width * size.height).toBeLessThanOrEqual(48_000_000);
    // The dialog states the size the file has.
    await expect(dialog.dialog.getByText(`${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} px`)).toBeVisible();
    const look = await imageStats(page, png.bytes, 'image/png');
    expect(look.nonBackground).toBeGreaterThan(0.02);
    writeFileSync('e2e/screenshots/export-large-diagram.png', png.bytes);
  });
});
