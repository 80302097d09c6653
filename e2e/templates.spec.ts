import { expect, test } from '@playwright/test';
import { Designer } from './fixtures/designer.ts';

test('a template opens as a new design, with its groups, rules and connections', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await page.getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start from a template' });
  await dialog.getByRole('listitem', { name: 'Three-tier web app' }).getByRole('button', { name: 'Use' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Three-tier web app');
  for (const name of ['alb-1, Application Load Balancer', 'app-asg-1, Instance group', 'db-1, RDS database', 'nat-1, NAT gateway', 'Internet, external network']) {
    await expect(app.node(name)).toBeVisible();
  }
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(3);
  await expect(app.groups.getByRole('button', { name: 'db-sg, 1 member' })).toBeVisible();
  await app.screenshot('template-three-tier');

  await page.getByRole('button', { name: 'Designs' }).click();
  await expect(page.getByRole('dialog', { name: 'Designs in this browser' }).getByRole('listitem')).toHaveCount(2);
  expect(app.problems).toEqual([]);
});

test.describe('on a 1280×720 projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the top bar fits and the template design reads at a glance', async ({ page }) => {
    const app = new Designer(page);
    await app.openFresh();
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('listitem', { name: 'Three-tier web app' }).getByRole('button', { name: 'Use' }).click();
    for (const name of ['Designs', 'Templates', 'Fit view', 'Commands', 'Keyboard shortcuts (?)']) {
      const box = (await page.getByRole('banner').getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, `${name} fits`).toBeLessThanOrEqual(1280);
    }
    await app.screenshot('projector-1280');
    expect(app.problems).toEqual([]);
  });
});

test('presenting hides the side panels and fits the design to the whole window', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('listitem', { name: 'Three-tier web app' }).getByRole('button', { name: 'Use' }).click();
  await page.locator('body').focus();
  await page.keyboard.press('p');
  await expect(app.palette).toBeHidden();
  await expect(app.inspector).toBeHidden();
  await page.waitForTimeout(400);
  await app.screenshot('presenting');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(app.palette).toBeVisible();
});
