import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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
  await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'SSH' });
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

  // A finding the edit brought in opens on its own, with its fix.
  await expect(ssh.getByRole('button', { expanded: true })).toBeVisible();
  await expect(ssh).toContainText('Fix. Admit administration only from a bastion group');
  // Opening it again selects the group and highlights the rule in the inspector.
  await ssh.getByRole('button', { expanded: true }).click();
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

/** The design as the browser saved it (the design file format the CLI reads). */
async function savedDesign(page: Page): Promise<string> {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('tierwise.library.v1') ?? '{}') as { currentId?: string };
    return localStorage.getItem(`tierwise.design.v1.${index.currentId}`) ?? '';
  });
}

/** `npm run cli -- check <file> --format json`, run on the saved design: its finding ids. */
function cliFindingIds(designJson: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-'));
  try {
    const file = join(dir, 'design.json');
    writeFileSync(file, designJson);
    const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'check', file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    return (JSON.parse(out) as { findings: Array<{ id: string }> }).findings.map((f) => f.id).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('done when: SSH from anywhere on DBSG shows its finding, fix and the new path while drawn; one click fixes it, Undo brings it back', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Designer(page);
  await app.openFresh();
  await app.openTemplate('Classic three-tier');
  const count = page.getByTestId('findings-count');
  await expect(count).toHaveText('6');

  // The findings panel and the paths from the Internet are open, as in a workshop.
  await page.getByRole('button', { name: /^Findings: \d+/ }).click();
  const findings = page.getByRole('region', { name: /^Findings/ });
  await page.getByRole('button', { name: 'Paths', exact: true }).click();
  const paths = page.getByRole('region', { name: 'Paths' });
  await paths.getByRole('button', { name: 'Reach from the Internet' }).click();
  await expect(paths.getByRole('button', { name: 'db-1: tcp 5432' })).toBeVisible();
  const newPath = page.getByTestId('rf__edge-path:web-1->db-1');
  await expect(newPath).toHaveCount(0);

  // SSH (22) from 0.0.0.0/0 into DBSG, through the rules editor.
  await app.groups.getByRole('button', { name: /^DBSG/ }).click();
  const form = app.inspector.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'SSH' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();

  // Within a moment and without another click: the count, the new finding with its fix, the
  // finding's chain, and the path on the canvas.
  await expect(count).toHaveText('10', { timeout: 2000 });
  const ssh = findings.locator('li[data-rule-id="sg-admin-port-world"]');
  await expect(ssh).toContainText('DBSG admits tcp 22 (SSH) from 0.0.0.0/0 on db-1');
  await expect(ssh).toContainText('Fix. Admit administration only from a bastion group, a VPN or an office CIDR');
  await expect(findings.locator('li[data-rule-id="design-transitive-exposure"]').filter({ hasText: 'db-1' })).toContainText('Internet -> web-1 (tcp 80, 443) -> db-1 (tcp 22)');
  await expect(newPath).toHaveAttribute('aria-label', 'Path from web-1 to db-1: tcp 22');
  await expect(page.locator('[data-path-edge="reach"]', { hasText: /^tcp 22$/ })).toBeVisible();
  await expect(paths.getByRole('button', { name: 'db-1: tcp 22, 5432' })).toBeVisible();
  await expect(app.node('db-1, RDS database').locator('[data-path-role="reached"]')).toHaveAttribute('aria-label', 'reached on tcp 22, 5432');
  await app.screenshot('paths-done-when-finding');

  // The designer and the command line agree on the findings of the same design.
  await expect(page.getByTestId('save-status')).toContainText('Saved', { timeout: 3000 });
  await page.waitForTimeout(600);
  const uiIds = (await findings.locator('li[data-finding-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')!))).sort();
  expect(uiIds).toHaveLength(10);
  expect(cliFindingIds(await savedDesign(page))).toEqual(uiIds);

  // One click on the quick fix removes the finding; Undo brings it back.
  // three-tier has no bastion, so the fix removes the rule (with a bastion it would admit the bastion's group instead).
  await ssh.getByRole('button', { name: 'Fix: Remove this rule from DBSG' }).click();
  await expect(ssh).toHaveCount(0);
  await expect(count).not.toHaveText('10');
  await app.screenshot('paths-done-when-fixed');
  await app.undo();
  await expect(ssh).toHaveCount(1);
  await expect(count).toHaveText('10');
  expect(app.problems).toEqual([]);
});
