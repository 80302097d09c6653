import { expect, test } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

test('keyboard only: add, select, nudge, duplicate, delete, and the shortcut list', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'VPC', 'Private subnet', 'RDS database');
  const db = app.node('db-1, RDS database');
  await expect(db).toBeVisible();
  await expect(app.inspector).toContainText('RDS database');
  await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.1.4');

  // Nudge with the arrows: one undo step per press.
  await page.locator('body').focus();
  const before = (await db.boundingBox())!;
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await db.boundingBox())!.x).toBeGreaterThan(before.x + 20);

  await page.keyboard.press('Control+d');
  await expect(app.node('db-2, RDS database')).toBeVisible();
  await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.1.5');
  await page.keyboard.press('Delete');
  await expect(app.node('db-2, RDS database')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(app.node('db-2, RDS database')).toBeVisible();

  // A node focused with Tab is selected with Enter.
  await db.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Selected: db-1, RDS database')).toBeVisible();

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Duplicate the selected resource');
  await app.screenshot('shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  expect(app.problems).toEqual([]);
});

test('undo and redo every edit; selection is not an undo step', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'VPC', 'Public subnet', 'EC2 instance');
  const web = app.node('web-1, EC2 instance');
  await expect(web).toBeVisible();
  const rename = app.inspector.getByRole('textbox', { name: 'Name' });
  await rename.fill('frontend');
  await rename.press('Enter');
  await expect(app.node('frontend, EC2 instance')).toBeVisible();

  await app.node('public-a, subnet').click({ position: { x: 40, y: 16 } });
  await expect(page.getByText('Selected: public-a, subnet')).toBeVisible();
  await app.undo();
  await expect(app.node('web-1, EC2 instance')).toBeVisible();
  await app.undo();
  await expect(app.node('web-1, EC2 instance')).toHaveCount(0);
  await app.undo();
  await expect(app.node('public-a, subnet')).toHaveCount(0);
  await expect(app.node('igw-1, internet gateway')).toHaveCount(0);
  await app.redo();
  await app.redo();
  await app.redo();
  await expect(app.node('frontend, EC2 instance')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' })).toBeDisabled();

  await page.locator('body').focus();
  await page.keyboard.press('Control+z');
  await expect(app.node('web-1, EC2 instance')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(app.node('frontend, EC2 instance')).toBeVisible();
});

test('a reload restores the design, and the library keeps several named designs', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  const designName = page.getByRole('textbox', { name: 'Design name' });
  await designName.fill('Workshop A');
  await designName.press('Enter');
  await addByKeyboard(app, 'VPC', 'Public subnet', 'Application Load Balancer');
  await expect(app.alert()).toContainText('needs two public subnets');
  await addByKeyboard(app, 'Public subnet', 'Private subnet', 'RDS database');
  await app.node('public-a, subnet').click({ position: { x: 40, y: 16 } });
  await addByKeyboard(app, 'Application Load Balancer');
  await expect(app.node('alb-1, Application Load Balancer')).toBeVisible();
  await expect(page.getByTestId('save-status')).toContainText('Saved');

  await page.reload();
  await expect(designName).toHaveValue('Workshop A');
  for (const name of ['vpc-1, VPC', 'public-a, subnet', 'public-b, subnet', 'private-a, subnet', 'db-1, RDS database', 'alb-1, Application Load Balancer']) {
    await expect(app.node(name)).toBeVisible();
  }
  await app.node('alb-1, Application Load Balancer').click();
  await expect(app.inspector.getByLabel('Private IP 2')).toHaveText('10.0.2.4');

  // A second design, then back to the first.
  await page.getByRole('button', { name: 'Designs' }).click();
  const library = page.getByRole('dialog', { name: 'Designs in this browser' });
  await library.getByRole('button', { name: 'New design' }).click();
  await expect(designName).toHaveValue('Untitled design');
  await expect(app.canvas.getByText('Start with a VPC')).toBeVisible();
  await library.getByRole('button', { name: 'Duplicate Workshop A' }).click();
  await expect(designName).toHaveValue('Workshop A copy');
  await expect(app.node('alb-1, Application Load Balancer')).toBeVisible();
  await library.getByRole('textbox', { name: 'Name of Untitled design' }).fill('Scratch');
  await library.getByRole('textbox', { name: 'Name of Untitled design' }).press('Enter');
  await expect(library.getByRole('listitem', { name: 'Scratch' })).toBeVisible();
  await library.getByRole('button', { name: 'Delete Workshop A copy' }).click();
  await library.getByRole('button', { name: 'Delete for good' }).click();
  await expect(library.getByRole('listitem')).toHaveCount(2);
  await app.screenshot('library');
  await library.getByRole('listitem', { name: 'Workshop A' }).getByRole('button', { name: 'Open' }).click();
  await expect(designName).toHaveValue('Workshop A');
  await expect(app.node('db-1, RDS database')).toBeVisible();

  await page.reload();
  await expect(designName).toHaveValue('Workshop A');
  expect(app.problems).toEqual([]);
});

test('the command palette reaches every action from the keyboard: add, move, attach', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  const command = async (words: string) => {
    await page.locator('body').focus();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Command' });
    await expect(box).toBeFocused();
    await box.fill(words);
    await box.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Commands' })).toBeHidden();
  };
  await command('add vpc');
  await command('add public subnet');
  await command('select vpc-1');
  await command('add private subnet');
  await command('add ec2');
  await expect(page.getByText('Selected: app-1, EC2 instance')).toBeVisible();
  await command('move public-a');
  await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.1.4');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('select');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option', { selected: true })).toHaveText(/Select public-a/);
  await app.screenshot('command-palette');
  await page.keyboard.press('Escape');
  expect(app.problems).toEqual([]);
});
