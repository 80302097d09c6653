/**
 * Accessible names, computed by the browser's accessibility tree rules (Playwright's
 * toHaveAccessibleName), for palette items, canvas nodes, group chips, connection edges and
 * every field and button the inspector shows for each kind of selection, including the rule,
 * route and ACL editors opened in place.
 */
import { expect, test, type Locator } from '@playwright/test';
import { Designer, type PaletteLabel } from './fixtures/designer.ts';

const PALETTE: PaletteLabel[] = [
  'VPC', 'Public subnet', 'Private subnet', 'EC2 instance', 'Instance group', 'Application Load Balancer', 'Bastion host', 'Lambda function', 'RDS database', 'Internet gateway', 'NAT gateway', 'The Internet', 'External network',
];

/** Every control in `scope` has a non-empty accessible name; returns how many were checked. */
async function everyControlNamed(scope: Locator): Promise<number> {
  const controls = scope.locator('input:not([type=hidden]), select, textarea, button, [role=button], [role=radio], [role=checkbox], a[href]');
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const control = controls.nth(i);
    const html = await control.evaluate((el) => el.outerHTML.slice(0, 160));
    await expect(control, `control without an accessible name: ${html}`).toHaveAccessibleName(/\S/);
  }
  return n;
}

test('palette items, nodes, chips and edges have accessible names', async ({ page }) => {
  const app = new Designer(page);
  await app.openFirstVisit();

  for (const label of PALETTE) await expect(app.paletteItem(label)).toHaveAccessibleName(label);
  expect(await everyControlNamed(app.palette)).toBeGreaterThanOrEqual(PALETTE.length);

  // Every node is a named group: "web-1, EC2 instance", "production, VPC", ...
  const nodes = app.canvas.locator('.react-flow__node');
  const count = await nodes.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    await expect(nodes.nth(i)).toHaveRole('group');
    await expect(nodes.nth(i)).toHaveAccessibleName(/^\S.*, (VPC|subnet|EC2 instance|RDS database|internet gateway|NAT gateway|external network|the Internet)/i);
  }
  await expect(app.node('web-1, EC2 instance')).toBeVisible();
  await expect(app.node('production, VPC')).toBeVisible();

  // Group chips on the cards name their group.
  await expect(app.node('web-1, EC2 instance').getByRole('group', { name: 'WebSG, security group' })).toBeVisible();
  await expect(app.node('db-1, RDS database').getByRole('group', { name: 'DBSG, security group' })).toBeVisible();

  // Connection edges: the edge and its label button say what connects to what, on which port.
  const edges = app.canvas.locator('.react-flow__edge');
  const edgeCount = await edges.count();
  expect(edgeCount).toBeGreaterThan(3);
  for (let i = 0; i < edgeCount; i++) await expect(edges.nth(i)).toHaveAccessibleName(/^Connection from .+ to .+: .+/);
  const labels = app.canvas.locator('.react-flow__edgelabel-renderer button');
  expect(await labels.count()).toBeGreaterThan(3);
  await expect(labels.first()).toHaveAccessibleName(/\S/);
  expect(await everyControlNamed(app.canvas.locator('.react-flow__edgelabel-renderer'))).toBeGreaterThan(3);
  expect(app.problems).toEqual([]);
});

/** Selects a node from the keyboard (focus, Enter): edge labels lie over some cards' middles. */
async function select(app: Designer, name: string) {
  await app.node(name).focus();
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByText(`Selected: ${name}`)).toBeVisible();
}

test('every inspector field is named, for each kind of selection and each editor opened in place', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new Designer(page);
  await app.openFirstVisit();
  const checked: Record<string, number> = {};

  await select(app, 'web-1, EC2 instance');
  checked.resource = await everyControlNamed(app.inspector);

  await select(app, 'db-1, RDS database');
  checked.database = await everyControlNamed(app.inspector);

  await select(app, 'igw, internet gateway');
  checked.gateway = await everyControlNamed(app.inspector);

  await select(app, 'CorpNet, external network');
  checked.external = await everyControlNamed(app.inspector);

  await select(app, 'production, VPC');
  checked.vpc = await everyControlNamed(app.inspector);

  await select(app, 'app-a, subnet');
  checked.subnet = await everyControlNamed(app.inspector);
  await app.inspector.getByRole('button', { name: 'Edit route 0.0.0.0/0 → nat' }).click();
  await app.inspector.getByRole('list', { name: 'Inbound ACL entries' }).getByRole('button', { name: /^Edit ACL entry 100/ }).click();
  checked['subnet, editing'] = await everyControlNamed(app.inspector);

  await app.groups.getByRole('button', { name: /^WebSG/ }).click();
  checked.group = await everyControlNamed(app.inspector);
  await app.inspector.getByRole('button', { name: 'Edit inbound rule TCP 80 from anywhere (0.0.0.0/0)' }).click();
  const add = app.inspector.getByRole('form', { name: 'Add a rule' });
  await add.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Custom protocol' });
  await add.getByRole('combobox', { name: 'Source kind' }).selectOption({ label: 'Security group' });
  checked['group, editing'] = await everyControlNamed(app.inspector);
  // Fields are labelled by what the console calls them.
  for (const name of ['Type', 'Protocol number', 'Port range', 'Source kind', 'Source security group', 'Description']) {
    await expect(add.getByLabel(name, { exact: true })).toHaveCount(1);
  }

  await page.keyboard.press('Escape');
  await app.canvas.locator('.react-flow__edgelabel-renderer button').first().click();
  await expect(app.inspector.getByRole('heading').first()).toBeVisible();
  checked.connection = await everyControlNamed(app.inspector);

  for (const [what, n] of Object.entries(checked)) expect(n, `${what}: controls checked`).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'controls', description: JSON.stringify(checked) });
  expect(app.problems).toEqual([]);
});
