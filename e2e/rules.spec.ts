import { expect, test } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

test('rules: add inbound rules from presets, see the allowed connections drawn, remove one', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'The Internet', 'VPC', 'Public subnet', 'EC2 instance');
  await app.node('vpc-1, VPC').click({ position: { x: 30, y: 20 } });
  await addByKeyboard(app, 'Private subnet', 'RDS database');

  const newGroup = app.groups.getByRole('textbox', { name: 'New security group' });
  for (const name of ['web-sg', 'db-sg']) {
    await newGroup.fill(name);
    await newGroup.press('Enter');
  }
  const attach = app.inspector.getByRole('combobox', { name: 'Attach security group' });
  await app.node('web-1, EC2 instance').click();
  await attach.selectOption({ label: 'web-sg' });
  await app.node('db-1, RDS database').click();
  await attach.selectOption({ label: 'db-sg' });

  // web-sg: HTTPS from anywhere.
  await app.groups.getByRole('button', { name: /^web-sg/ }).click();
  const form = app.inspector.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound rules' })).toContainText('TCP 443 from anywhere (0.0.0.0/0)');

  // A custom port that is not a port is explained in place.
  await form.getByRole('combobox', { name: 'Allow' }).selectOption({ label: 'Custom TCP' });
  await form.getByRole('textbox', { name: 'Ports' }).fill('web');
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(form.getByRole('alert')).toHaveText('Ports are a number such as 443, or a range such as 1024-65535.');

  // db-sg: PostgreSQL from web-sg.
  await app.groups.getByRole('button', { name: /^db-sg/ }).click();
  await form.getByRole('combobox', { name: 'Allow' }).selectOption({ label: 'PostgreSQL (5432)' });
  await form.getByRole('combobox', { name: 'Source kind' }).selectOption({ label: 'Security group' });
  await form.getByRole('combobox', { name: 'Security group' }).selectOption({ label: 'web-sg' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound rules' })).toContainText('TCP 5432 from web-sg');

  await app.fitView();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(2);
  await expect(app.canvas.getByText('tcp 443', { exact: true })).toBeVisible();
  await expect(app.canvas.getByText('tcp 5432', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await app.screenshot('rules-edges');

  await app.groups.getByRole('button', { name: /^db-sg/ }).click();
  await app.inspector.getByRole('button', { name: 'Remove inbound rule TCP 5432 from web-sg' }).click();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Allowed connections' }).uncheck();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});
