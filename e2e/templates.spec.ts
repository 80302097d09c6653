import { expect, test } from '@playwright/test';
import { TEMPLATES } from '../src/core/templates/index.ts';
import { Designer } from './fixtures/designer.ts';

test('a first visit opens the classic three-tier template, laid out, with its connections drawn', async ({ page }) => {
  const app = new Designer(page);
  await app.openFirstVisit();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Three-tier web app');
  for (const name of ['web-1, EC2 instance', 'app-2, EC2 instance', 'db-1, RDS database', 'CorpNet, external network', 'VendorNet, external network', 'Internet, external network']) {
    await expect(app.node(name)).toBeVisible();
  }
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(14);
  await expect(page.locator('[data-connection="vendornet>sg-db"]')).toHaveText('tcp 22, 3389');
  await page.waitForTimeout(300);
  await app.screenshot('first-visit-three-tier');
  expect(app.problems).toEqual([]);
});

test('every template loads from the Templates menu as a new design', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  for (const t of TEMPLATES) {
    const d = t.build();
    await app.openTemplate(t.title);
    await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue(d.name);
    await expect(app.canvas.locator('.react-flow__node-resource')).toHaveCount(Object.keys(d.resources).length);
    for (const r of Object.values(d.resources)) await expect(app.canvas.locator(`.react-flow__node[data-id="${r.id}"]`)).toBeVisible();
    await page.waitForTimeout(350);
    await app.screenshot(`template-${t.id}`);
  }
  await page.getByRole('button', { name: 'Designs' }).click();
  await expect(page.getByRole('dialog', { name: 'Designs in this browser' }).getByRole('listitem')).toHaveCount(TEMPLATES.length + 1);
  expect(app.problems).toEqual([]);
});

test.describe('on a 1280×720 projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the top bar fits and the template design reads at a glance', async ({ page }) => {
    const app = new Designer(page);
    await app.openFresh();
    await app.openTemplate('Classic three-tier');
    for (const name of ['Designs', 'Templates', 'Fit view', 'Commands', 'Keyboard shortcuts (?)']) {
      const box = (await page.getByRole('banner').getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, `${name} fits`).toBeLessThanOrEqual(1280);
    }
    await page.waitForTimeout(300);
    await app.screenshot('projector-1280');
    expect(app.problems).toEqual([]);
  });
});

test('presenting hides the side panels and fits the design to the whole window', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await app.openTemplate('Classic three-tier');
  await page.locator('body').focus();
  await page.keyboard.press('p');
  await expect(app.palette).toBeHidden();
  await expect(app.inspector).toBeHidden();
  await page.waitForTimeout(400);
  await app.screenshot('presenting');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(app.palette).toBeVisible();
});
