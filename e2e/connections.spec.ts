import { expect, type Locator, type Page } from '@playwright/test';
import { test } from '@playwright/test';
import { Designer } from './fixtures/designer.ts';

/** Drags with the mouse from `from` (a handle or chip) to the middle of `to`, in steps, as people do. */
async function dragTo(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 15; i++) await page.mouse.move(a.x + a.width / 2 + ((b.x + b.width / 2 - a.x - a.width / 2) * i) / 15, a.y + a.height / 2 + ((b.y + b.height / 2 - a.y - a.height / 2) * i) / 15);
  await page.mouse.up();
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

test('drawing an edge creates a rule; clicking it selects its rules; Delete asks, removes them, and undo brings them back', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await app.openTemplate('Classic three-tier');
  await page.getByRole('banner').getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(400);

  // From web-1's connect handle onto db-1.
  await dragTo(page, node(page, 'web-1').locator('.tw-connect'), node(page, 'db-1'));
  const dialog = page.getByRole('dialog', { name: 'Allow a connection' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('From')).toHaveValue('web-1');
  await expect(dialog.getByLabel('To')).toHaveValue('db-1');
  await expect(dialog.getByLabel('Traffic')).toHaveValue('postgres');
  await expect(dialog.getByLabel('Source group')).toHaveValue('sg-web');
  await expect(dialog.getByLabel('Target group')).toHaveValue('sg-db');
  await app.screenshot('connect-dialog');
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.inspector.getByRole('heading', { name: 'WebSG → DBSG: tcp 5432' })).toBeVisible();
  await expect(page.locator('[data-connection="sg-web>sg-db"]')).toHaveCount(2);
  await page.waitForTimeout(300);
  await app.screenshot('connection-created');

  // From a group chip: the dialog starts from that group.
  await dragTo(page, node(page, 'app-1').getByLabel('AppSG, security group'), node(page, 'web-2'));
  await expect(dialog.getByLabel('Source group')).toHaveValue('sg-app');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Clicking an edge's label selects its rules; it reaches two pairs, so Delete asks first.
  await page.locator('[data-connection="sg-app>sg-db"]').first().click();
  await expect(app.inspector.getByRole('list', { name: 'Rules of this connection' }).getByRole('listitem')).toHaveCount(1);
  await expect(app.inspector.getByText('PostgreSQL from the app tier')).toBeVisible();
  await page.keyboard.press('Delete');
  const ask = app.inspector.getByRole('alertdialog', { name: 'Delete these rules?' });
  await expect(ask).toBeVisible();
  await app.screenshot('connection-delete-asks');
  await ask.getByRole('button', { name: 'Delete for all' }).click();
  const appToDb = page.locator('.react-flow__edge[data-id^="conn:sg-app>sg-db:"]');
  await expect(appToDb).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(appToDb).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(appToDb).toHaveCount(0);

  // One pair only: Delete removes at once.
  await page.locator('[data-connection="vendornet>sg-db"]').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-connection="vendornet>sg-db"]')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('keyboard only: allow a connection from the command palette', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await app.openTemplate('Two-tier web and MySQL');
  await page.locator('body').focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('connect');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Allow a connection' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('From')).toBeFocused();
  await page.keyboard.type('Internet');
  await page.keyboard.press('Tab');
  await page.keyboard.type('db-1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('SSH');
  await expect(dialog.getByLabel('From')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('To')).toHaveValue('db-1');
  await expect(dialog.getByLabel('Traffic')).toHaveValue('ssh');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.inspector.getByRole('heading', { name: 'Internet → db-sg: tcp 22' })).toBeVisible();
  await expect(page.locator('[data-connection="internet>sg-db"]')).toHaveText('tcp 22');
  expect(app.problems).toEqual([]);
});
