import { expect, test } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

test('the subnet badge follows its route table; network ACL entries can be added and removed', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'VPC', 'Public subnet', 'Private subnet');
  const priv = app.node('private-a, subnet');
  await expect(priv).toContainText('private');
  await expect(app.inspector).toContainText('Private: its route table vpc-1 main has no route to an internet gateway.');

  // Its own table, then a default route to the internet gateway: the badge turns public.
  await app.inspector.getByRole('button', { name: 'New', exact: true }).first().click();
  await expect(app.inspector.getByRole('combobox', { name: 'Route table' })).toHaveValue(/rtb-/);
  const routeForm = app.inspector.getByRole('form', { name: 'Add a route' });
  await routeForm.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'igw-1 (internet gateway)' });
  await routeForm.getByRole('button', { name: 'Add route' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Routes' })).toContainText('0.0.0.0/0 → igw-1');
  await expect(priv.getByText('public', { exact: true })).toBeVisible();
  await expect(app.inspector).toContainText('Public: its route table private-a-rt-1 sends 0.0.0.0/0 to igw-1.');

  await app.inspector.getByRole('button', { name: 'Remove route 0.0.0.0/0 → igw-1' }).click();
  await expect(priv.getByText('private', { exact: true })).toBeVisible();

  // A bad destination is explained in place.
  await routeForm.getByRole('textbox', { name: 'Destination' }).fill('10.0.0/8');
  await routeForm.getByRole('button', { name: 'Add route' }).click();
  await expect(routeForm.getByRole('alert')).toBeVisible();

  // Network ACL: the default allows all; add a deny entry and remove it.
  await expect(app.inspector.getByRole('list', { name: 'Inbound ACL entries' })).toContainText('100 allow All traffic from 0.0.0.0/0');
  const aclForm = app.inspector.getByRole('form', { name: 'Add an ACL entry' });
  await aclForm.getByRole('textbox', { name: 'Rule number' }).fill('90');
  await aclForm.getByRole('combobox', { name: 'Action' }).selectOption('deny');
  await aclForm.getByRole('combobox', { name: 'Traffic' }).selectOption({ label: 'SSH (22)' });
  await aclForm.getByRole('button', { name: 'Add entry' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound ACL entries' })).toContainText('90 deny TCP 22 from 0.0.0.0/0');
  await app.screenshot('subnet-inspector');
  await app.inspector.getByRole('button', { name: 'Remove ACL entry 90 deny TCP 22 from 0.0.0.0/0' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound ACL entries' })).not.toContainText('90 deny');
  expect(app.problems).toEqual([]);
});
