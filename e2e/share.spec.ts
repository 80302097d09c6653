/**
 * Share links: "Copy share link" puts the design in the URL fragment; opening the link adds a copy
 * beside the user's own designs and clears the fragment; a broken link changes nothing; a design
 * too large for a link downloads as a file instead.
 * Run: TIERWISE_E2E_PORT=5213 npx playwright test e2e/share.spec.ts --workers=1
 */
import { expect, test, type Page } from '@playwright/test';
import lz from 'lz-string';
import { generateDesign } from '../bench/generate-design.ts';
import { autoLayout } from '../src/core/layout/index.ts';
import { templateById } from '../src/core/templates/index.ts';
import { Designer } from './fixtures/designer.ts';
import { ExportDialog, heldDesign, heldLibrary, openWith, readDownload } from './fixtures/export.ts';

// lz-string is CommonJS: Node gives it as one default export.
const { compressToEncodedURIComponent } = lz;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Every design Tierwise keeps in this page's storage, by key (the index aside). */
async function storedDesigns(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('tierwise.design.')).map((k) => [k, localStorage.getItem(k)!])));
}

async function copyShareLink(page: Page): Promise<string> {
  const dialog = new ExportDialog(page);
  await dialog.open();
  await dialog.dialog.getByRole('button', { name: 'Copy share link' }).click();
  await expect(dialog.dialog.getByRole('status', { name: 'Share link' })).toContainText('Share link copied (');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  await dialog.close();
  return url;
}

test('a share link opened in a fresh page adds a copy beside the existing designs, once', async ({ page, context, baseURL }) => {
  const app = new Designer(page);
  await app.openFresh();
  await app.openTemplate('Classic three-tier');
  const original = await heldDesign(page);
  const url = await copyShareLink(page);
  expect(url.startsWith(`${baseURL}/#design=`)).toBe(true);
  expect(url.length).toBeLessThanOrEqual(8000);
  const before = await heldLibrary(page);
  expect(before.entries.map((e) => e.name)).toEqual(['Untitled design', 'Three-tier web app']);
  const storedBefore = await storedDesigns(page);
  await page.close();

  const fresh = await context.newPage();
  const other = new Designer(fresh);
  await fresh.goto(url);
  await expect(fresh.getByRole('status').filter({ hasText: 'Opened the shared design' })).toHaveText(
    'Opened the shared design as "Three-tier web app (shared)", a new copy beside your designs; nothing else changed.',
  );
  await other.screenshot('share-opened');
  const after = await heldLibrary(fresh);
  expect(after.entries.slice(0, 2)).toEqual(before.entries);
  expect(after.entries.map((e) => e.name)).toEqual(['Untitled design', 'Three-tier web app', 'Three-tier web app (shared)']);
  expect(after.currentId).toBe(after.entries[2]!.id);
  expect(await heldDesign(fresh)).toEqual({ ...original, name: 'Three-tier web app (shared)' });
  await expect(fresh.getByRole('textbox', { name: 'Design name' })).toHaveValue('Three-tier web app (shared)');
  expect(await fresh.evaluate(() => window.location.hash)).toBe('');
  expect(fresh.url()).toBe(`${baseURL}/`);
  // The designs that were there are stored as before (same content; a save may order keys differently).
  const storedAfter = await storedDesigns(fresh);
  for (const [key, value] of Object.entries(storedBefore)) expect(JSON.parse(storedAfter[key]!), key).toEqual(JSON.parse(value));

  // A reload does not import it again.
  await fresh.reload();
  await expect(other.canvas.locator('.react-flow__pane')).toBeVisible();
  expect((await heldLibrary(fresh)).entries.map((e) => e.name)).toEqual(['Untitled design', 'Three-tier web app', 'Three-tier web app (shared)']);
  expect(other.problems).toEqual([]);
});

test('a broken or crafted link shows a notice and changes nothing', async ({ page, baseURL }) => {
  await openWith(page, templateById('bastion-host')!.build());
  const before = { library: await heldLibrary(page), stored: await storedDesigns(page), design: await heldDesign(page) };
  const whole = `design=${compressToEncodedURIComponent(JSON.stringify(templateById('three-tier')!.build()))}`;
  const proto = `design=${compressToEncodedURIComponent(`{"schemaVersion":1,"name":"x","vpcs":{"__proto__":{"polluted":true}}}`)}`;
  const cases: Array<[string, string]> = [
    [whole.slice(0, whole.length - 300), 'This share link is damaged or incomplete (it may have been cut off when it was sent): ask for it again, or for the design file. Nothing was opened; your designs are unchanged.'],
    ['design=not-a-design!!', 'This share link is damaged or incomplete (it may have been cut off when it was sent): ask for it again, or for the design file. Nothing was opened; your designs are unchanged.'],
    [proto, 'This share link does not hold a design Tierwise can open: The key "__proto__" is not allowed in a design (at vpcs.__proto__). Nothing was opened; your designs are unchanged.'],
  ];
  for (const [fragment, message] of cases) {
    // A fresh load each time (a bare fragment change is the next test's case).
    await page.goto('about:blank');
    await page.goto(`/#${fragment}`);
    await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toHaveText(message);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(page.url()).toBe(`${baseURL}/`);
    expect(await heldLibrary(page)).toEqual(before.library);
    expect(await heldDesign(page)).toEqual(before.design);
    const stored = await storedDesigns(page);
    expect(Object.keys(stored)).toEqual(Object.keys(before.stored));
    for (const [key, value] of Object.entries(before.stored)) expect(JSON.parse(stored[key]!), key).toEqual(JSON.parse(value));
    // Nothing reached Object.prototype.
    expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
  }
  await new Designer(page).screenshot('share-broken');
});

test('a link pasted into the address bar of an open tab opens too', async ({ page }) => {
  await openWith(page, templateById('bastion-host')!.build());
  const shared = templateById('lambda-rds')!.build();
  await page.evaluate((value) => (window.location.hash = `design=${value}`), compressToEncodedURIComponent(JSON.stringify(shared)));
  await expect(page.getByRole('status').filter({ hasText: 'Opened the shared design' })).toContainText(`"${shared.name} (shared)"`);
  expect(await heldDesign(page)).toEqual({ ...shared, name: `${shared.name} (shared)` });
  expect((await heldLibrary(page)).entries.map((e) => e.name)).toEqual(['Bastion host', `${shared.name} (shared)`]);
  expect(await page.evaluate(() => window.location.hash)).toBe('');
});

test('a design too large for a link downloads as a design file, and says so', async ({ page }) => {
  const design = await autoLayout(generateDesign({ enis: 200, seed: 3, rulesPerGroup: 2 }));
  await openWith(page, design);
  const held = await heldDesign(page);
  const dialog = new ExportDialog(page);
  await dialog.open();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.dialog.getByRole('button', { name: 'Copy share link' }).click()]);
  const file = await readDownload(download);
  expect(file.name).toBe('generated-200-enis-seed-3.json');
  expect(JSON.parse(file.bytes.toString('utf8'))).toEqual(held);
  const status = dialog.dialog.getByRole('status', { name: 'Share link' });
  await expect(status).toContainText('This design is too large for a share link (');
  await expect(status).toContainText(
    'characters; links stay under 8,000 so browsers and chat tools keep them whole). Its design file, generated-200-enis-seed-3.json, was downloaded instead: send that, and open it with Import.',
  );
  const length = Number(/share link \(([\d,]+) characters/.exec((await status.textContent()) ?? '')![1]!.replace(/,/g, ''));
  expect(length).toBeGreaterThan(8000);
  await new Designer(page).screenshot('share-too-large');
});

test.describe('when the clipboard is refused', () => {
  test.use({ permissions: [] });

  test('shows the link, selected, to copy by hand; the link works', async ({ page, context, baseURL }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, configurable: true });
    });
    await openWith(page, templateById('public-web-server')!.build());
    const original = await heldDesign(page);
    const dialog = new ExportDialog(page);
    await dialog.open();
    await dialog.dialog.getByRole('button', { name: 'Copy share link' }).click();
    await expect(dialog.dialog.getByRole('status', { name: 'Share link' })).toHaveText(
      'The browser did not allow copying. The link is selected below: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
    const field = dialog.dialog.getByRole('textbox', { name: 'Share link to copy' });
    const url = await field.inputValue();
    expect(url.startsWith(`${baseURL}/#design=`)).toBe(true);
    expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, url.length]);
    await new Designer(page).screenshot('share-copy-denied');
    await dialog.close();
    await page.close();

    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('status').filter({ hasText: 'Opened the shared design' })).toBeVisible();
    expect(await heldDesign(fresh)).toEqual({ ...original, name: `${original.name} (shared)` });
  });
});

test('the command palette copies the share link too', async ({ page }) => {
  await openWith(page, templateById('alb-ec2')!.build());
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('share link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Share link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\/#design=[A-Za-z0-9+\-$]+$/);
});
