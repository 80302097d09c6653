import { expect, test } from '@playwright/test';

test('the placeholder page renders the heading and a React Flow canvas with nested nodes', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });

  await page.goto('/');

  await expect(page).toHaveTitle('Tierwise');
  await expect(page.getByRole('heading', { level: 1, name: 'Tierwise' })).toBeVisible();
  await expect(page.getByText('A visual designer for AWS networks')).toBeVisible();

  const vpc = page.getByRole('group', { name: 'VPC main' });
  const subnet = page.getByRole('group', { name: 'Subnet web-a' });
  const instance = page.getByRole('group', { name: 'Instance web-1' });
  for (const node of [vpc, subnet, instance]) await expect(node).toBeVisible();
  await expect(instance).toHaveText('Instance web-1');
  await expect(vpc).toContainText('10.0.0.0/16');

  // Children are drawn inside their parents.
  const [v, s, i] = await Promise.all([vpc.boundingBox(), subnet.boundingBox(), instance.boundingBox()]);
  expect(v && s && i).toBeTruthy();
  const inside = (a: typeof v, b: typeof v) =>
    !!a && !!b && a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
  expect(inside(s, v)).toBe(true);
  expect(inside(i, s)).toBe(true);

  // React Flow's stylesheet is loaded (nodes are absolutely positioned) and sits below Tailwind's
  // utilities: the instance's `rounded-lg` (8px) beats React Flow's default 3px node radius.
  await expect(instance).toHaveCSS('position', 'absolute');
  await expect(instance).toHaveCSS('border-top-left-radius', '8px');

  await page.screenshot({ path: 'e2e/screenshots/smoke.png', fullPage: true });
  expect(problems).toEqual([]);
});
