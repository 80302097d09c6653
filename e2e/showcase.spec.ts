import { expect, test, type Page } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

async function addGroup(app: Designer, name: string) {
  const field = app.groups.getByRole('textbox', { name: 'New security group' });
  await field.fill(name);
  await field.press('Enter');
}

async function allowFrom(app: Designer, group: string, type: string, fromGroup?: string, ports?: string) {
  await app.groups.getByRole('button', { name: new RegExp(`^${group}`) }).click();
  const form = app.inspector.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: type });
  if (ports) await form.getByRole('textbox', { name: 'Port range' }).fill(ports);
  if (fromGroup) {
    await form.getByRole('combobox', { name: 'Source kind' }).selectOption({ label: 'Security group' });
    await form.getByRole('combobox', { name: 'Source security group' }).selectOption({ label: fromGroup });
  }
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
}

async function attach(app: Designer, node: string, group: string) {
  await app.fitView();
  await app.node(node).click({ position: { x: 60, y: 20 } });
  await app.inspector.getByRole('combobox', { name: 'Attach security group' }).selectOption({ label: group });
}

async function subnet(app: Designer, page: Page, name: string) {
  await app.fitView();
  await app.node(`${name}, subnet`).click({ position: { x: 40, y: 16 } });
  await expect(page.getByText(`Selected: ${name}, subnet`)).toBeVisible();
}

test('a three-tier workshop design, in both themes', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  const designName = page.getByRole('textbox', { name: 'Design name' });
  await designName.fill('Three-tier web app');
  await designName.press('Enter');
  await addByKeyboard(app, 'The Internet', 'VPC', 'Public subnet', 'Public subnet', 'Private subnet', 'Private subnet');
  await subnet(app, page, 'public-a');
  await addByKeyboard(app, 'Application Load Balancer');
  await subnet(app, page, 'public-b');
  await addByKeyboard(app, 'NAT gateway');
  await subnet(app, page, 'private-a');
  await addByKeyboard(app, 'Instance group');
  await subnet(app, page, 'private-b');
  await addByKeyboard(app, 'RDS database');

  for (const g of ['alb-sg', 'app-sg', 'db-sg']) await addGroup(app, g);
  await attach(app, 'alb-1, Application Load Balancer', 'alb-sg');
  await attach(app, 'app-asg-1, Instance group', 'app-sg');
  await attach(app, 'db-1, RDS database', 'db-sg');
  await allowFrom(app, 'alb-sg', 'HTTPS');
  await allowFrom(app, 'app-sg', 'Custom TCP', 'alb-sg', '8080');
  await allowFrom(app, 'db-sg', 'PostgreSQL', 'app-sg');

  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 700, y: 880 } });
  await app.fitView();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(3);
  await app.screenshot('workshop-light');
  await app.groups.getByRole('button', { name: /^app-sg/ }).click();
  await app.screenshot('workshop-group-selected');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await app.screenshot('workshop-dark');
  expect(app.problems).toEqual([]);
});
