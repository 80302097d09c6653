/**
 * Export in the designer: every template exports to every format; the preview is exactly what the
 * core exporter writes for the design the app holds, the download carries the right name and the
 * same bytes, Copy puts it on the clipboard, and the PNG and SVG are real images of the whole
 * diagram. Run: TIERWISE_E2E_PORT=5213 npx playwright test e2e/export.spec.ts --workers=1
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TEMPLATES, templateById } from '../src/core/templates/index.ts';
import { Designer } from './fixtures/designer.ts';
import { expectedCardBoxes, expectedExports, ExportDialog, heldDesign, imageStats, openWith, pngSize, renderSvg } from './fixtures/export.ts';

const stem = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

test.describe.configure({ timeout: 120_000 });

for (const template of TEMPLATES) {
  test(`${template.title}: every text format matches the core exporter, and downloads under the design's name`, async ({ page }) => {
    const app = new Designer(page);
    await app.openFresh();
    await app.openTemplate(template.title);
    const design = await heldDesign(page);
    expect(design.name).toBe(template.build().name);
    const want = expectedExports(design);
    const base = stem(design.name);
    const dialog = new ExportDialog(page);
    await dialog.open();

    const cases = [
      { label: 'Tierwise design (JSON)', text: want.json, file: `${base}.json` },
      { label: 'AWS CLI v2 script', text: want.awsCli, file: `${base}.sh` },
      { label: 'Terraform', text: want.terraform, file: `${base}.tf` },
      { label: 'CloudFormation (YAML)', text: want.cloudformation, file: `${base}.yaml` },
    ] as const;
    for (const c of cases) {
      await dialog.pick(c.label);
      await expect(dialog.dialog.getByText(c.file, { exact: true })).toBeVisible();
      expect(await dialog.previewText(), c.label).toBe(c.text);
      const got = await dialog.download();
      expect(got.name).toBe(c.file);
      expect(got.bytes.toString('utf8'), c.label).toBe(c.text);
      if (template.id === 'three-tier') await app.screenshot(`export-${c.file.split('.').pop()}`);
    }

    // The AWS CLI script, security groups only, into an existing VPC.
    await dialog.pick('AWS CLI v2 script');
    await dialog.dialog.getByRole('radio', { name: /Only the security groups/ }).check();
    expect(await dialog.previewText()).toBe(want.awsCliGroups);
    const groups = await dialog.download();
    expect(groups.name).toBe(`${base}-security-groups.sh`);
    expect(groups.bytes.toString('utf8')).toBe(want.awsCliGroups);
    await dialog.dialog.getByRole('radio', { name: 'The whole network' }).check();
    expect(await dialog.previewText()).toBe(want.awsCli);

    // The diagram: every node drawn, chrome left out, PNG at 2x.
    const nodes = await page.locator('.react-flow__node').count();
    await dialog.pick('PNG image');
    await expect(dialog.dialog.getByRole('img', { name: 'The PNG image of the design' })).toBeVisible({ timeout: 30_000 });
    if (template.id === 'three-tier') await app.screenshot('export-png-dialog');
    const png = await dialog.download();
    expect(png.name).toBe(`${base}.png`);
    const size = pngSize(png.bytes);
    const cards = await expectedCardBoxes(page);
    expect(cards.boxes.length).toBe(Object.keys(design.resources).length);
    // 2x the diagram's own size (zoom 1) with its 40 px margins, give or take rounding.
    expect(Math.abs(size.width - 2 * cards.width)).toBeLessThanOrEqual(4);
    expect(Math.abs(size.height - 2 * cards.height)).toBeLessThanOrEqual(4);
    // The top-left margin is a control: plain background, one colour.
    const margin = { name: 'margin', x: 0, y: 0, w: 30 / cards.width, h: 30 / cards.height };
    const pngLook = await imageStats(page, png.bytes, 'image/png', [...cards.boxes, margin]);
    expect(pngLook.inBoxes.pop()).toEqual({ name: 'margin', colours: 1 });
    expect(pngLook.nonBackground).toBeGreaterThan(0.02);
    // Every resource card is drawn where the canvas has it: text, icon and border, not empty background.
    for (const card of pngLook.inBoxes) expect(card.colours, card.name).toBeGreaterThanOrEqual(6);
    expect(pngLook.colours).toBeGreaterThan(20);
    expect(pngLook.farCorner).toEqual(pngLook.corner);
    if (template.id === 'three-tier') writeFileSync('e2e/screenshots/export-three-tier.png', png.bytes);

    await dialog.pick('SVG image');
    await expect(dialog.dialog.getByRole('img', { name: 'The SVG image of the design' })).toBeVisible({ timeout: 30_000 });
    const svg = await dialog.download();
    expect(svg.name).toBe(`${base}.svg`);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText.match(/class="react-flow__node /g)?.length).toBe(nodes);
    for (const r of Object.values(design.resources)) expect(svgText, r.name).toContain(r.name);
    for (const chrome of ['react-flow__minimap', 'react-flow__controls', 'react-flow__handle', 'react-flow__panel']) expect(svgText).not.toContain(chrome);
    // Chromium draws it as a browser would (a canvas refuses SVG with HTML inside, so a screenshot of it).
    const drawn = await renderSvg(page, svg.bytes);
    expect(pngSize(drawn)).toEqual({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
    const svgLook = await imageStats(page, drawn, 'image/png', [...cards.boxes, margin]);
    expect(svgLook.inBoxes.pop()).toEqual({ name: 'margin', colours: 1 });
    expect(svgLook.nonBackground).toBeGreaterThan(0.02);
    for (const card of svgLook.inBoxes) expect(card.colours, card.name).toBeGreaterThanOrEqual(6);
    expect(svgLook.colours).toBeGreaterThan(20);
    expect(svgLook.farCorner).toEqual(svgLook.corner);
    expect(svgLook.corner).toEqual(pngLook.corner);
    if (template.id === 'three-tier') {
      writeFileSync('e2e/screenshots/export-three-tier.svg', svg.bytes);
      writeFileSync('e2e/screenshots/export-three-tier-svg-rendered.png', drawn);
    }
    expect(app.problems).toEqual([]);
  });
}

test.describe('the dialog', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the text and the PNG to the clipboard, with a visible confirmation', async ({ page }) => {
    const app = new Designer(page);
    await openWith(page, templateById('three-tier')!.build());
    const want = expectedExports(await heldDesign(page));
    const dialog = new ExportDialog(page);
    await dialog.open();
    await dialog.pick('Terraform');
    await dialog.previewText();
    await dialog.dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.dialog.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    await expect(dialog.dialog.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(want.terraform);
    await app.screenshot('export-copied');
    // The confirmation goes away on its own.
    await expect(dialog.dialog.getByRole('button', { name: 'Copy', exact: true })).toBeVisible({ timeout: 6000 });

    await dialog.pick('PNG image');
    await expect(dialog.dialog.getByRole('img', { name: 'The PNG image of the design' })).toBeVisible({ timeout: 30_000 });
    await dialog.dialog.getByRole('button', { name: 'Copy image' }).click();
    await expect(dialog.dialog.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    const pasted = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item!.getType('image/png');
      return Array.from(new Uint8Array(await blob.arrayBuffer()).subarray(0, 24));
    });
    const copied = pngSize(Buffer.from(pasted));
    const downloaded = pngSize((await dialog.download()).bytes);
    expect(copied).toEqual(downloaded);
    expect(app.problems).toEqual([]);
  });

  test('when the clipboard is refused, says so and selects the preview for copying by hand', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, configurable: true });
    });
    const app = new Designer(page);
    await openWith(page, templateById('bastion-host')!.build());
    const want = expectedExports(await heldDesign(page));
    const dialog = new ExportDialog(page);
    await dialog.open();
    await dialog.pick('CloudFormation (YAML)');
    await dialog.previewText();
    await dialog.dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.dialog.getByRole('status').filter({ hasText: 'The browser did not allow copying.' })).toHaveText(
      'The browser did not allow copying. The preview’s text is selected: press Ctrl+C (⌘C on a Mac) to copy it, or use Download.',
    );
    await expect(dialog.dialog.getByRole('button', { name: 'Copied' })).toHaveCount(0);
    // All of it (a selection leaves out only the file's final newline, which a <pre> does not draw).
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(want.cloudformation.replace(/\n$/, ''));
    await app.screenshot('export-copy-denied');
  });

  test('shows what Terraform and CloudFormation leave out, above the preview', async ({ page }) => {
    const d = templateById('three-tier')!.build();
    const table = Object.values(d.routeTables).find((t) => t.routes.some((r) => r.target.kind === 'nat-gateway'))!;
    const routes = table.routes.map((r) => (r.target.kind === 'nat-gateway' ? { ...r, state: 'blackhole' as const } : r));
    const design = { ...d, name: 'Blackholed egress', routeTables: { ...d.routeTables, [table.id]: { ...table, routes } } };
    const app = new Designer(page);
    await openWith(page, design);
    const want = expectedExports(await heldDesign(page));
    expect(want.terraformNotes.length).toBeGreaterThan(0);
    const dialog = new ExportDialog(page);
    await dialog.open();
    await dialog.pick('Terraform');
    expect(await dialog.previewText()).toBe(want.terraform);
    await expect(dialog.notes.getByRole('heading')).toHaveText(`Not in this file (${want.terraformNotes.length})`);
    expect(await dialog.notes.getByRole('listitem').allTextContents()).toEqual(want.terraformNotes);
    await app.screenshot('export-notes');
    await dialog.pick('CloudFormation (YAML)');
    expect(await dialog.previewText()).toBe(want.cloudformation);
    if (want.cloudformationNotes.length > 0) expect(await dialog.notes.getByRole('listitem').allTextContents()).toEqual(want.cloudformationNotes);
    else await expect(dialog.dialog.getByText('Everything the design holds is in this file.')).toBeVisible();
  });

  test('writes the security groups of the chosen VPC only, named for it', async ({ page }) => {
    await openWith(page, templateById('peered-vpcs')!.build());
    const design = await heldDesign(page);
    const [first, second] = Object.values(design.vpcs);
    const dialog = new ExportDialog(page);
    await dialog.open();
    await dialog.pick('AWS CLI v2 script');
    await dialog.dialog.getByRole('radio', { name: /Only the security groups/ }).check();
    const select = dialog.dialog.getByRole('combobox', { name: 'Groups of VPC' });
    await select.selectOption({ label: second!.name });
    expect(await dialog.previewText()).toBe(expectedExports(design, second!.id).awsCliGroups);
    await expect(dialog.notes).toHaveText(
      `NoteOnly the security groups of VPC ${second!.name} are written; those of ${first!.name} are not, and rules that reference them keep their design ids.`,
    );
    const file = await dialog.download();
    expect(file.name).toBe('two-peered-vpcs-security-groups.sh');
    expect(file.bytes.toString('utf8')).toBe(expectedExports(design, second!.id).awsCliGroups);
    await new Designer(page).screenshot('export-groups-only');
  });

  test('opens from the E key and from the command palette, and names files safely', async ({ page }) => {
    const design = { ...templateById('public-web-server')!.build(), name: 'Prod: eu-west-1 / web (v2)' };
    await openWith(page, design);
    const dialog = new ExportDialog(page);
    await page.locator('body').press('e');
    await expect(dialog.dialog).toBeVisible();
    await dialog.pick('Tierwise design (JSON)');
    expect((await dialog.download()).name).toBe('prod-eu-west-1-web-v2.json');
    await page.keyboard.press('Escape');
    await expect(dialog.dialog).toBeHidden();

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Commands' }).getByRole('combobox').fill('export');
    await page.keyboard.press('Enter');
    await expect(dialog.dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Export: design file, AWS CLI, Terraform, CloudFormation, PNG or SVG');
  });

  test('exports the diagram in the dark theme on a dark background', async ({ page }) => {
    const app = new Designer(page);
    await openWith(page, templateById('alb-ec2')!.build());
    await page.getByRole('button', { name: 'Dark theme' }).click();
    const dialog = new ExportDialog(page);
    await dialog.open();
    await dialog.pick('PNG image');
    await expect(dialog.dialog.getByRole('img', { name: 'The PNG image of the design' })).toBeVisible({ timeout: 30_000 });
    await app.screenshot('export-png-dark-dialog');
    const png = await dialog.download();
    const look = await imageStats(page, png.bytes, 'image/png');
    // The dark canvas colour (#0b1120), not the light one.
    expect(look.corner).toEqual([11, 17, 32]);
    writeFileSync('e2e/screenshots/export-alb-ec2-dark.png', png.bytes);
  });
});
