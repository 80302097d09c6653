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
  await aclForm.getByRole('combobox', { name: 'ACL type' }).selectOption({ label: 'SSH' });
  await aclForm.getByRole('button', { name: 'Add entry' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound ACL entries' })).toContainText('90 deny TCP 22 from 0.0.0.0/0');
  await app.screenshot('subnet-inspector');
  await app.inspector.getByRole('button', { name: 'Remove ACL entry 90 deny TCP 22 from 0.0.0.0/0' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound ACL entries' })).not.toContainText('90 deny');
  expect(app.problems).toEqual([]);
});

test('subnet inspector: routes and network ACL entries are edited in place, checked as typed, and undoable', async ({ page }) => {
  const app = new Designer(page);
  await app.openFirstVisit();
  const subnet = app.node('app-a, subnet');
  await subnet.click({ position: { x: 40, y: 16 } });
  await expect(page.getByText('Selected: app-a, subnet')).toBeVisible();
  const routes = app.inspector.getByRole('list', { name: 'Routes' });
  await expect(routes).toContainText('0.0.0.0/0 → nat');

  // The route's target is one of the design's gateways; switching it to the internet gateway makes the subnet public.
  await routes.getByRole('button', { name: 'Edit route 0.0.0.0/0 → nat' }).click();
  const edit = app.inspector.getByRole('form', { name: 'Edit route 0.0.0.0/0 → nat' });
  await expect(edit.getByRole('textbox', { name: 'Destination' })).toHaveValue('0.0.0.0/0');
  await expect(edit.getByRole('combobox', { name: 'Target' }).locator('option')).toHaveText(['igw (internet gateway)', 'nat (NAT gateway)']);
  await expect(edit.getByRole('combobox', { name: 'Target' })).toHaveValue('nat-a');
  await edit.getByRole('textbox', { name: 'Destination' }).fill('0.0.0.1/0');
  await expect(edit.getByRole('alert')).toContainText('0.0.0.1/0 is not canonical: did you mean 0.0.0.0/0?');
  await edit.getByRole('button', { name: 'Use 0.0.0.0/0' }).click();
  await edit.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'igw (internet gateway)' });
  await edit.getByRole('button', { name: 'Save route' }).click();
  await expect(routes).toContainText('0.0.0.0/0 → igw');
  await expect(routes).not.toContainText('→ nat');
  await expect(subnet.getByText('public', { exact: true })).toBeVisible();
  await app.undo();
  await expect(routes).toContainText('0.0.0.0/0 → nat');
  await expect(subnet.getByText('private', { exact: true })).toBeVisible();
  // A second route to a destination already routed is refused as typed.
  const addRoute = app.inspector.getByRole('form', { name: 'Add a route' });
  // Quiet until touched (its default destination is routed already), then checked as typed.
  await expect(addRoute.getByRole('alert')).toHaveCount(0);
  await addRoute.getByRole('textbox', { name: 'Destination' }).fill('0.0.0.0/');
  await addRoute.getByRole('textbox', { name: 'Destination' }).fill('0.0.0.0/0');
  await expect(addRoute.getByRole('alert')).toHaveText('app already has a route to 0.0.0.0/0: edit that route instead.');
  await addRoute.getByRole('textbox', { name: 'Destination' }).fill('192.168.0.0/16');
  await expect(addRoute.getByRole('alert')).toHaveCount(0);
  await addRoute.getByRole('button', { name: 'Add route' }).click();
  await expect(routes).toContainText('192.168.0.0/16 → igw');

  // Network ACL: add a numbered deny, then edit it in place to another number, action, type and direction.
  const inbound = app.inspector.getByRole('list', { name: 'Inbound ACL entries' });
  const outbound = app.inspector.getByRole('list', { name: 'Outbound ACL entries' });
  const addEntry = app.inspector.getByRole('form', { name: 'Add an ACL entry' });
  await expect(addEntry.getByRole('alert')).toHaveCount(0);
  await addEntry.getByRole('textbox', { name: 'Rule number' }).fill('10');
  await addEntry.getByRole('textbox', { name: 'Rule number' }).fill('100');
  await expect(addEntry.getByRole('alert')).toHaveText('production default already has inbound rule 100: pick another number or edit that entry.');
  await addEntry.getByRole('textbox', { name: 'Rule number' }).fill('90');
  await addEntry.getByRole('combobox', { name: 'Action' }).selectOption('deny');
  await addEntry.getByRole('combobox', { name: 'ACL type' }).selectOption({ label: 'SSH' });
  await addEntry.getByRole('button', { name: 'Add entry' }).click();
  await expect(inbound).toContainText('90 deny TCP 22 from 0.0.0.0/0');

  await inbound.getByRole('button', { name: 'Edit ACL entry 90 deny TCP 22 from 0.0.0.0/0' }).click();
  const editEntry = app.inspector.getByRole('form', { name: 'Edit ACL entry 90 deny TCP 22 from 0.0.0.0/0' });
  await expect(editEntry.getByRole('textbox', { name: 'Rule number' })).toHaveValue('90');
  await expect(editEntry.getByRole('combobox', { name: 'ACL type' })).toHaveValue('ssh');
  await editEntry.getByRole('textbox', { name: 'Rule number' }).fill('40000');
  await expect(editEntry.getByRole('alert')).toContainText('from 1 to 32766');
  await editEntry.getByRole('textbox', { name: 'Rule number' }).fill('80');
  await editEntry.getByRole('combobox', { name: 'ACL direction' }).selectOption('out');
  await editEntry.getByRole('combobox', { name: 'ACL type' }).selectOption({ label: 'Custom UDP' });
  await editEntry.getByRole('textbox', { name: 'ACL port range' }).fill('1024-65535');
  await editEntry.getByRole('textbox', { name: 'ACL CIDR' }).fill('10.0.0.0/16');
  await app.screenshot('subnet-inspector-edit');
  await editEntry.getByRole('button', { name: 'Save entry' }).click();
  await expect(outbound).toContainText('80 deny UDP 1024-65535 to 10.0.0.0/16');
  await expect(inbound).not.toContainText('90 deny');
  await app.undo();
  await expect(inbound).toContainText('90 deny TCP 22 from 0.0.0.0/0');
  await expect(outbound).not.toContainText('80 deny');
  await app.redo();
  await outbound.getByRole('button', { name: 'Remove ACL entry 80 deny UDP 1024-65535 to 10.0.0.0/16' }).click();
  await expect(outbound).not.toContainText('80 deny');
  expect(app.problems).toEqual([]);
});
