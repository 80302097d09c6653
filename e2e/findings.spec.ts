import { expect, test } from '@playwright/test';
import { Designer } from './fixtures/designer.ts';

test('findings: listed with a count, follow edits without a click, quick fix is one undoable edit', async ({ page }) => {
  const app = new Designer(page);
  await app.openFirstVisit();
  const count = page.getByTestId('findings-count');
  await expect(count).toHaveText(/^[1-9]\d*$/);

  // The template's worst is its untouched default group (EC2.2, high); its designed chain is info.
  await page.getByRole('button', { name: /^Findings: \d+, worst high$/ }).click();
  const panel = page.getByRole('region', { name: /^Findings/ });
  const items = panel.locator('li[data-finding-id]');
  await expect(items.first()).toBeVisible();
  expect(String(await items.count())).toBe(await count.textContent());
  await expect(panel.getByRole('region', { name: 'Critical findings' })).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Info findings' })).toContainText('db-1 (data tier) is reachable from the Internet on tcp 5432 through 3 hops');
  // Resource cards carry a badge in their worst severity (db-1: its group's open egress, medium).
  await expect(app.node('db-1, RDS database').getByRole('img', { name: /finding.*, worst medium/ })).toBeVisible();

  // A resource finding selects and centres its node.
  await panel.getByRole('button', { name: /^db-1 \(data tier\) is reachable/ }).click();
  await expect(page.getByText('Selected: db-1, RDS database')).toBeVisible();
  await expect(panel.getByText('Risk.').first()).toBeVisible();

  // Severity toggles and the text filter narrow the list.
  await panel.getByRole('button', { name: /^Info: \d+$/ }).click();
  await expect(panel.getByRole('region', { name: 'Info findings' })).toHaveCount(0);
  await panel.getByRole('button', { name: /^Info: \d+$/ }).click();
  await panel.getByRole('searchbox', { name: 'Filter findings' }).fill('WebSG');
  await expect(items.filter({ hasNotText: 'WebSG' })).toHaveCount(0);
  await panel.getByRole('searchbox', { name: 'Filter findings' }).fill('');

  // SSH from anywhere into DBSG, through the rules editor.
  await app.groups.getByRole('button', { name: /^DBSG/ }).click();
  const form = app.inspector.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('combobox', { name: 'Allow' }).selectOption({ label: 'SSH (22)' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  const inbound = app.inspector.getByRole('list', { name: 'Inbound rules' });
  await expect(inbound).toContainText('TCP 22 from anywhere (0.0.0.0/0)');

  // No click: the findings follow the design a moment later.
  const ssh = panel.locator('li[data-rule-id="sg-admin-port-world"]');
  await expect(ssh).toHaveCount(1, { timeout: 2000 });
  await expect(ssh).toContainText('DBSG admits tcp 22');
  // The new path from the Internet, web-1 -> db-1 on 22, skipping the app tier, is critical.
  await expect(panel.getByRole('region', { name: 'Critical findings' })).toContainText('db-1 (data tier) is reachable from the Internet on tcp 22 through 2 hops, skipping the app tier');
  await expect(app.node('db-1, RDS database').getByRole('img', { name: /finding.*, worst critical/ })).toBeVisible();

  // Opening it selects the group and highlights the rule in the inspector.
  await ssh.getByRole('button', { expanded: false }).click();
  await expect(app.inspector.locator('li[data-highlighted]')).toContainText('TCP 22 from anywhere (0.0.0.0/0)');
  const fix = ssh.getByRole('button', { name: /^Fix: / });
  await expect(fix).toBeVisible();
  await app.screenshot('findings-panel');

  await fix.click();
  await expect(ssh).toHaveCount(0);
  await expect(inbound).not.toContainText('from anywhere');
  await app.screenshot('findings-after-fix');

  await app.undo();
  await expect(inbound).toContainText('TCP 22 from anywhere (0.0.0.0/0)');
  await expect(ssh).toHaveCount(1);
  expect(app.problems).toEqual([]);
});
