import { expect, test } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

test('security groups: create, assign up to five, refuse a sixth, highlight, rename, delete', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'VPC', 'Public subnet', 'EC2 instance', 'EC2 instance');
  const web1 = app.node('web-1, EC2 instance');
  const web2 = app.node('web-2, EC2 instance');
  await expect(web1).toBeVisible();

  const newGroup = app.groups.getByRole('textbox', { name: 'New security group' });
  for (const name of ['web-sg', 'app-sg', 'ssh-sg', 'metrics-sg', 'extra-sg']) {
    await newGroup.fill(name);
    await newGroup.press('Enter');
    await expect(app.groups.getByRole('button', { name: `${name}, 0 members` })).toBeVisible();
  }
  // AWS's naming rule, checked as people type.
  await newGroup.fill('sg-web');
  await expect(app.groups.getByRole('alert')).toHaveText('Security group names may not start with "sg-" (AWS reserves it for group ids).');
  await newGroup.fill('');

  await web1.click();
  const attach = app.inspector.getByRole('combobox', { name: 'Attach security group' });
  for (const name of ['web-sg', 'app-sg', 'ssh-sg', 'metrics-sg']) await attach.selectOption({ label: name });
  await expect(app.inspector.getByLabel('Security group count')).toHaveText('5 of 5');
  await expect(web1.getByLabel('2 more security groups')).toBeVisible();

  await attach.selectOption({ label: 'extra-sg' });
  await expect(app.alert()).toHaveText(
    'web-1 already has 5 security groups, the AWS limit per network interface; detach one before adding extra-sg.',
  );
  await expect(app.inspector.getByRole('list', { name: 'Security groups of web-1' }).getByRole('listitem')).toHaveCount(5);

  // Selecting a group highlights its members and fades the rest.
  await app.groups.getByRole('button', { name: 'web-sg, 1 member' }).click();
  await expect(web1.locator('[data-group-focus]')).toHaveAttribute('data-group-focus', 'member');
  await expect(web2.locator('[data-group-focus]')).toHaveAttribute('data-group-focus', 'other');
  await expect(app.inspector.getByRole('button', { name: /web-1/ })).toBeVisible();
  await app.screenshot('groups-highlight');

  // Rename through the group's inspector; the chip on the card follows.
  const name = app.inspector.getByRole('textbox', { name: 'Name' });
  await name.fill('frontend');
  await name.press('Enter');
  await expect(app.groups.getByRole('button', { name: 'frontend, 1 member' })).toBeVisible();
  await expect(web1.getByLabel('frontend, security group')).toBeVisible();

  // Deleting a group in use asks first, then detaches it.
  await app.inspector.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete frontend?' });
  await expect(dialog).toContainText('It is attached to web-1.');
  await dialog.getByRole('button', { name: 'Detach and delete' }).click();
  await expect(app.groups.getByRole('button', { name: /^frontend/ })).toHaveCount(0);
  await web1.click();
  await expect(app.inspector.getByLabel('Security group count')).toHaveText('4 of 5');

  // Detach from the inspector's chip.
  await app.inspector.getByRole('button', { name: 'Detach app-sg' }).click();
  await expect(app.inspector.getByLabel('Security group count')).toHaveText('3 of 5');
  expect(app.problems).toEqual([]);
});
