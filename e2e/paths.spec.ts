import { expect, test, type Locator, type Page } from '@playwright/test';
import { Designer } from './fixtures/designer.ts';

/** The three-tier template, opened from the Templates menu. */
async function threeTier(page: Page): Promise<Designer> {
  const app = new Designer(page);
  await app.openFresh();
  await app.openTemplate('Classic three-tier');
  return app;
}

const pathsPanel = (page: Page) => page.getByRole('region', { name: 'Paths' });
/** The path mark of a node (source, target, reached, reacher, route, blocked, dimmed). */
const mark = (node: Locator) => node.locator('[data-path-role]');
const pathEdge = (page: Page, from: string, to: string) => page.getByTestId(`rf__edge-path:${from}->${to}`);

/** Whether a node's centre lies within `slack` px of the canvas's centre. */
async function centred(app: Designer, node: Locator, slack = 90): Promise<boolean> {
  const c = (await app.canvas.boundingBox())!;
  const n = (await node.boundingBox())!;
  return Math.abs(n.x + n.width / 2 - (c.x + c.width / 2)) < slack && Math.abs(n.y + n.height / 2 - (c.y + c.height / 2)) < slack;
}

test('reach from a source picked on the canvas: reached resources light up with their ports, the rest dims, chains are drawn', async ({ page }) => {
  const app = await threeTier(page);
  // On the canvas: select the Internet, then its "Reach from" action above it.
  await app.node('Internet, external network').click();
  await app.canvas.getByRole('button', { name: 'Reach from Internet' }).click();
  const panel = pathsPanel(page);
  await expect(panel.getByRole('heading', { name: 'Reach from the Internet · all traffic' })).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Source' })).toHaveValue('internet');

  const list = panel.getByRole('list', { name: 'Reachable resources' });
  await expect(list.locator('li[data-resource-id]')).toHaveCount(5);
  await expect(list.getByRole('button', { name: 'db-1: tcp 5432' })).toBeVisible();
  await expect(list.locator('li[data-resource-id="db-1"]')).toContainText('Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080) → db-1 (tcp 5432)');
  await expect(list.locator('li[data-resource-id="web-1"]')).toContainText('only from CorpNet (203.0.113.0/24)');

  // The canvas: the source, each reached card with its ports, the rest dimmed.
  await expect(mark(app.node('Internet, external network'))).toHaveAttribute('aria-label', 'Source');
  for (const [name, ports] of [
    ['web-1, EC2 instance', 'tcp 22, 80, 443, 3389'],
    ['web-2, EC2 instance', 'tcp 22, 80, 443, 3389'],
    ['app-1, EC2 instance', 'tcp 8080'],
    ['app-2, EC2 instance', 'tcp 8080'],
    ['db-1, RDS database', 'tcp 5432'],
  ] as const) {
    await expect(mark(app.node(name))).toHaveAttribute('aria-label', `reached on ${ports}`);
    await expect(app.node(name).getByText(ports, { exact: true })).toBeVisible();
  }
  for (const name of ['CorpNet, external network', 'VendorNet, external network', 'igw, internet gateway', 'nat, NAT gateway']) {
    await expect(mark(app.node(name))).toHaveAttribute('data-path-role', 'dimmed');
  }
  await expect(app.canvas.locator('[data-testid^="rf__edge-path:"]')).toHaveCount(5);
  await expect(pathEdge(page, 'app-1', 'db-1')).toHaveAttribute('aria-label', 'Path from app-1 to db-1: tcp 5432');
  await expect(page.getByRole('region', { name: 'Path legend' })).toContainText('Reach from the Internet · all traffic · 5 resources reached');
  await page.waitForTimeout(400);
  await app.screenshot('paths-from-internet');

  // A row of the list takes you to its card: selected and centred.
  await list.getByRole('button', { name: 'db-1: tcp 5432' }).click();
  await expect(page.getByText('Selected: db-1, RDS database')).toBeVisible();
  await expect.poll(() => centred(app, app.node('db-1, RDS database'))).toBe(true);

  // From the picker: another source.
  await panel.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'app-1' });
  await expect(panel.getByRole('heading', { name: 'Reach from app-1 · all traffic' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'db-1: tcp 5432' })).toBeVisible();
  await expect(mark(app.node('app-1, EC2 instance'))).toHaveAttribute('aria-label', 'Source');
  expect(app.problems).toEqual([]);
});

test('a reachable target, hop by hop: the Internet to web-1 on tcp 443 through the internet gateway', async ({ page }) => {
  const app = await threeTier(page);
  await page.getByRole('button', { name: 'Paths', exact: true }).click();
  const panel = pathsPanel(page);
  await panel.getByRole('button', { name: 'Reach from the Internet' }).click();
  await panel.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'web-1' });
  await panel.getByRole('combobox', { name: 'Protocol' }).selectOption('tcp');
  await panel.getByRole('textbox', { name: 'Port' }).fill('443');
  await expect(panel.getByRole('status')).toHaveText('The Internet reaches web-1 directly on tcp 443.');
  const hops = panel.getByRole('region', { name: 'Hop by hop' }).getByRole('listitem');
  await expect(hops).toHaveText([
    /^1Internet\s*Internet$/,
    /^2Internet gateway\s*igw$/,
    /^3Network ACL\s*production default · inbound\s*rule 100 allows tcp 443 from the Internet$/,
    /^4Security group\s*WebSG · ingress\s*WebSG \(sg-web\): tcp 443 from 0\.0\.0\.0\/0$/,
    /^5Network interface\s*eni-web-1\s*192\.0\.2\.11$/,
    /^6Resource\s*web-1$/,
  ]);
  await expect(panel.getByRole('region', { name: 'What blocks it' })).toHaveCount(0);
  // On the canvas: through the internet gateway to the target; the subnet whose ACL it crosses.
  await expect(mark(app.node('igw, internet gateway'))).toHaveAttribute('aria-label', 'on the path');
  await expect(mark(app.node('web-1, EC2 instance'))).toHaveAttribute('aria-label', 'Target, tcp 443');
  await expect(mark(app.node('web-a, subnet'))).toHaveAttribute('data-path-role', 'route');
  await expect(pathEdge(page, 'internet', 'igw-prod')).toHaveAttribute('aria-label', 'Path from Internet to igw');
  await expect(pathEdge(page, 'igw-prod', 'web-1')).toHaveAttribute('aria-label', 'Path from igw to web-1: tcp 443');
  await page.waitForTimeout(400);
  await app.screenshot('paths-target-reachable');
  expect(app.problems).toEqual([]);
});

test('a blocked target: the Internet to app-1 on 8080 shows the gateway in red, the code, the other blockers and the chain that does get in', async ({ page }) => {
  const app = await threeTier(page);
  await page.getByRole('button', { name: 'Paths', exact: true }).click();
  const panel = pathsPanel(page);
  await panel.getByRole('button', { name: 'Reach from the Internet' }).click();
  await panel.getByRole('combobox', { name: 'Protocol' }).selectOption('tcp');
  await panel.getByRole('textbox', { name: 'Port' }).fill('8080');
  await panel.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'app-1' });
  await expect(panel.getByRole('status')).toHaveText('The Internet cannot reach app-1 directly on tcp 8080.');

  const blockers = panel.getByRole('region', { name: 'What blocks it' }).getByRole('listitem');
  await expect(blockers).toHaveCount(3);
  await expect(blockers.nth(0)).toHaveAttribute('data-code', 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
  await expect(blockers.nth(0)).toContainText('app-1 has no public IPv4 address, so internet gateway igw cannot deliver traffic from the Internet to it.');
  await expect(blockers.nth(0)).toContainText('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
  await expect(blockers.nth(1)).toHaveAttribute('data-code', 'ENI_SG_RULES_MISMATCH');
  await expect(blockers.nth(1)).toContainText('Security group AppSG (sg-app) on app-1 admits tcp 8080 only from WebSG (sg-web)');
  await expect(blockers.nth(2)).toHaveAttribute('data-code', 'NO_ROUTE_TO_DESTINATION');
  await expect(blockers.nth(2)).toContainText('on the reply');
  await expect(panel.getByRole('region', { name: 'Hop by hop' }).locator('li[data-blocked]')).toContainText('igw');

  // On the canvas: the gateway in red (first), the group chip and the subnet's route table too.
  const igw = mark(app.node('igw, internet gateway'));
  await expect(igw).toHaveAttribute('data-path-blocked', 'first');
  await expect(igw).toHaveAttribute('aria-label', 'on the path, Blocks: no public IP');
  await expect(app.node('app-1, EC2 instance').locator('[data-path-blocked-group]')).toContainText('AppSG');
  await expect(mark(app.node('app-a, subnet'))).toHaveAttribute('data-path-blocked', 'also');
  await expect(pathEdge(page, 'internet', 'igw-prod')).toHaveAttribute('aria-label', 'Path from Internet to igw: blocked, tcp 8080');
  // The direct flow is blocked, yet the Internet reaches app-1 through web-1: shown and drawn.
  await expect(panel.getByRole('region', { name: 'Through other hosts' })).toContainText('Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080)');
  await expect(pathEdge(page, 'web-1', 'app-1')).toHaveAttribute('aria-label', 'Path from web-1 to app-1: tcp 8080');
  await expect(page.getByRole('region', { name: 'Path legend' })).toContainText('blocks');
  await page.waitForTimeout(400);
  await app.screenshot('paths-target-blocked');
  // Presenting: the panels go, the highlight and its legend stay for the room.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(pathsPanel(page)).toBeHidden();
  await expect(page.getByRole('region', { name: 'Path legend' })).toContainText('From the Internet to app-1 · tcp 8080');
  await expect(mark(app.node('igw, internet gateway'))).toHaveAttribute('data-path-blocked', 'first');
  await page.waitForTimeout(500);
  await app.screenshot('paths-presenting');
  await page.keyboard.press('p');
  await expect(pathsPanel(page)).toBeVisible();

  await blockers.nth(0).getByRole('button', { name: 'Show internet gateway' }).click();
  await expect(page.getByText('Selected: igw, internet gateway')).toBeVisible();
  expect(app.problems).toEqual([]);
});

test('who can reach db-1, from the keyboard: every source with what it reaches it on and through which chain', async ({ page }) => {
  const app = await threeTier(page);
  const db = app.node('db-1, RDS database');
  await db.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Selected: db-1, RDS database')).toBeVisible();
  await page.keyboard.press('w');
  const panel = pathsPanel(page);
  await expect(panel.getByRole('heading', { name: 'Who can reach db-1? · all traffic' })).toBeVisible();
  const list = panel.getByRole('list', { name: 'Who can reach db-1' });
  await expect(list.locator('li[data-source-id]')).toHaveCount(7);
  expect(await list.locator('li[data-source-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id')))).toEqual([
    'internet',
    'corpnet',
    'vendornet',
    'web-1',
    'web-2',
    'app-1',
    'app-2',
  ]);
  await expect(list.locator('li[data-source-id="internet"]')).toContainText('Internet → web-1 (tcp 80, 443) → app-1 (tcp 8080) → db-1 (tcp 5432)');
  await expect(list.locator('li[data-source-id="app-1"]')).toContainText('directly · app-1 → db-1 (tcp 5432)');
  await expect(mark(db)).toHaveAttribute('aria-label', 'Target, 7 sources');
  await expect(mark(app.node('app-2, EC2 instance'))).toHaveAttribute('aria-label', 'reaches the target on tcp 5432');
  await expect(mark(app.node('Internet, external network'))).toHaveAttribute('aria-label', 'reaches the target on tcp 5432');
  await page.waitForTimeout(400);
  await app.screenshot('paths-who-can-reach');

  // The inspector's buttons carry the question in their names, and work from the keyboard.
  await expect(app.inspector.getByRole('button', { name: 'Who can reach db-1?' })).toBeVisible();
  await app.inspector.getByRole('button', { name: 'Reach from db-1' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Reach from db-1 · all traffic' })).toBeVisible();
  // And the Paths panel's own controls: the question toggle, then the resource picker.
  await panel.getByRole('button', { name: 'Who can reach' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Who can reach db-1? · all traffic' })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Resource' }).selectOption({ label: 'web-1' });
  await expect(panel.getByRole('heading', { name: 'Who can reach web-1? · all traffic' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Who can reach web-1' }).locator('li[data-source-id="internet"]')).toContainText('tcp 22, 80, 443, 3389');
  await page.keyboard.press('Escape');
  expect(app.problems).toEqual([]);
});

test('the protocol and port filter narrows both questions; a port that is not one is explained in place', async ({ page }) => {
  const app = await threeTier(page);
  await page.getByRole('button', { name: 'Paths', exact: true }).click();
  const panel = pathsPanel(page);
  await panel.getByRole('button', { name: 'Reach from the Internet' }).click();
  const list = panel.getByRole('list', { name: 'Reachable resources' });
  await expect(list.locator('li[data-resource-id]')).toHaveCount(5);

  await panel.getByRole('combobox', { name: 'Protocol' }).selectOption('tcp');
  await panel.getByRole('textbox', { name: 'Port' }).fill('5432');
  await expect(panel.getByRole('heading', { name: 'Reach from the Internet · tcp 5432' })).toBeVisible();
  await expect(list.locator('li[data-resource-id]')).toHaveCount(1);
  await expect(list.getByRole('button', { name: 'db-1: tcp 5432' })).toBeVisible();
  // The hosts on the way are on the route, not lit as reached on 5432.
  await expect(mark(app.node('web-1, EC2 instance'))).toHaveAttribute('aria-label', 'on the path');
  await expect(mark(app.node('web-2, EC2 instance'))).toHaveAttribute('data-path-role', 'dimmed');
  await page.waitForTimeout(400);
  await app.screenshot('paths-filter');

  await panel.getByRole('textbox', { name: 'Port' }).fill('ssh');
  await expect(panel.getByRole('alert')).toHaveText('A port is a whole number from 0 to 65535, or empty for every port.');
  await expect(panel.getByRole('textbox', { name: 'Port' })).toHaveAttribute('aria-invalid', 'true');
  await expect(list.locator('li[data-resource-id]')).toHaveCount(1);

  await panel.getByRole('combobox', { name: 'Protocol' }).selectOption('udp');
  await expect(panel.getByText('The Internet reaches no resource with this traffic.')).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // The same filter narrows who-can-reach: nothing reaches db-1 on tcp 22, until SSH from anywhere is allowed.
  await panel.getByRole('combobox', { name: 'Protocol' }).selectOption('tcp');
  await panel.getByRole('textbox', { name: 'Port' }).fill('22');
  await panel.getByRole('button', { name: 'Who can reach' }).click();
  await panel.getByRole('combobox', { name: 'Resource' }).selectOption({ label: 'db-1' });
  await expect(panel.getByRole('heading', { name: 'Who can reach db-1? · tcp 22' })).toBeVisible();
  await expect(panel.getByText('Nothing reaches db-1 with this traffic.')).toBeVisible();

  // The highlight reads in the dark theme too.
  await panel.getByRole('textbox', { name: 'Port' }).fill('5432');
  await expect(panel.getByRole('list', { name: 'Who can reach db-1' }).locator('li[data-source-id]')).toHaveCount(7);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.waitForTimeout(400);
  await app.screenshot('paths-dark');
  expect(app.problems).toEqual([]);
});

test('finding badges on a connection edge open their finding; a finding selects and centres its node, and highlights its rule and edge', async ({ page }) => {
  const app = await threeTier(page);
  await expect(page.locator('[data-edge-findings]')).toHaveCount(0);
  await app.groups.getByRole('button', { name: /^DBSG/ }).click();
  const form = app.inspector.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'SSH' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await page.keyboard.press('Escape');

  const badge = page.locator('[data-edge-findings="internet>sg-db"]');
  await expect(badge).toHaveAttribute('aria-label', '4 findings on this connection, worst medium: open', { timeout: 2000 });
  await expect(badge).toHaveAttribute('data-severity', 'medium');
  await expect(page.locator('[data-edge-findings="corpnet>sg-db"]')).toHaveAttribute('data-severity', 'low');
  await app.fitView();
  await app.screenshot('paths-edge-badge');

  await badge.click();
  const findings = page.getByRole('region', { name: /^Findings/ });
  const ssh = findings.locator('li[data-rule-id="sg-admin-port-world"]');
  await expect(ssh.getByRole('button', { expanded: true })).toBeVisible();
  await expect(ssh).toContainText('Fix. Admit administration only from a bastion group');
  // What it points at: the group selected, its rule highlighted, its connection drawn as selected.
  await expect(page.getByText('Selected: DBSG, security group')).toBeVisible();
  await expect(app.inspector.locator('li[data-highlighted]')).toContainText('TCP 22 from anywhere (0.0.0.0/0)');
  await expect(page.locator('[data-connection="internet>sg-db"]')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(300);
  await app.screenshot('paths-edge-badge-opened');

  // A finding about a resource selects and centres its card.
  await findings.getByRole('button', { name: /^db-1 \(data tier\) is reachable/ }).click();
  await expect(page.getByText('Selected: db-1, RDS database')).toBeVisible();
  await expect.poll(() => centred(app, app.node('db-1, RDS database'))).toBe(true);
  expect(app.problems).toEqual([]);
});

test('with paths on show, a drag re-renders only the dragged card and re-runs no analysis', async ({ page }) => {
  const app = await threeTier(page);
  await page.getByRole('button', { name: 'Paths', exact: true }).click();
  await pathsPanel(page).getByRole('button', { name: 'Reach from the Internet' }).click();
  await expect(mark(app.node('db-1, RDS database'))).toHaveAttribute('aria-label', 'reached on tcp 5432');
  const web = app.node('web-1, EC2 instance');
  await web.click({ position: { x: 120, y: 20 } });
  const box = (await web.boundingBox())!;
  await page.evaluate(() => (window.__tierwiseProbe = {}));
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width / 2 + i * 2, box.y + 20 + i);
  const during = await page.evaluate(() => ({ ...window.__tierwiseProbe }));
  await page.mouse.up();
  await page.waitForTimeout(600);
  const after = await page.evaluate(() => ({ ...window.__tierwiseProbe }));
  const rendered = (counts: Record<string, number>) => Object.keys(counts).filter((k) => k.startsWith('render:'));
  expect(rendered(during)).toEqual(['render:resource:web-1']);
  expect(during.paths ?? 0).toBe(0);
  // The drop commits a layout change only: neither the paths nor the findings run again.
  expect(after.paths ?? 0).toBe(0);
  expect(after.lint ?? 0).toBe(0);
  await expect(pathEdge(page, 'internet', 'web-1')).toHaveCount(1);
  expect(app.problems).toEqual([]);
});
