/**
 * Export in the designer: every template exports to every format; the preview is exactly what the
 * core exporter writes for the design the app holds, the download carries the right name and the
 * same bytes, Copy puts it on the clipboard, and the PNG and SVG are real images of the whole
 * diagram. Run: TIERWISE_E2E_PORT=5213 npx playwright test e2e/export.spec.ts --workers=1
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { TEMPLATES } from '../src/core/templates/index.ts';
import { Designer } from './fixtures/designer.ts';
import { expectedExports, ExportDialog, heldDesign, imageStats, pngSize, renderSvg } from './fixtures/export.ts';

/** The union of the drawn nodes' boxes, in canvas units (screen size divided by the zoom). */
async function drawnBounds(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.right));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    return { width: (right - left) / zoom, height: (bottom - top) / zoom };
  });
}

const stem = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

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
    const bounds = await drawnBounds(page);
    // 2x the diagram's own size (zoom 1) plus a 40 px margin each side, give or take a pixel of rounding.
    expect(Math.abs(size.width - 2 * (bounds.width + 80))).toBeLessThanOrEqual(4);
    expect(Math.abs(size.height - 2 * (bounds.height + 80))).toBeLessThanOrEqual(4);
    const pngLook = await imageStats(page, png.bytes, 'image/png');
    expect(pngLook.nonBackground).toBeGreaterThan(0.05);
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
    const svgLook = await imageStats(page, drawn, 'image/png');
    expect(svgLook.nonBackground).toBeGreaterThan(0.05);
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
