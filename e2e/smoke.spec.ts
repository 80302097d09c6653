import { expect, test } from '@playwright/test';
import { Designer } from './fixtures/designer.ts';

test('the designer opens with its panels, an empty canvas and no console errors', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();

  await expect(page).toHaveTitle('Tierwise');
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Untitled design');
  await expect(app.paletteItem('VPC')).toBeVisible();
  await expect(app.inspector).toContainText('Select something on the canvas');
  await expect(app.canvas.getByText('Start with a VPC')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo (Ctrl+Z)' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  await expect(page.getByText('0 VPCs · 0 subnets · 0 resources · 0 security groups')).toBeVisible();

  await app.screenshot('empty');
  expect(app.problems).toEqual([]);
});
