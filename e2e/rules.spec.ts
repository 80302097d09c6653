import { expect, test } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

test('rules: add inbound rules from presets, see the allowed connections drawn, remove one', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'The Internet', 'VPC', 'Public subnet', 'EC2 instance');
  await app.node('vpc-1, VPC').click({ position: { x: 30, y: 20 } });
  await addByKeyboard(app, 'Private subnet', 'RDS database');

  const newGroup = app.groups.getByRole('textbox', { name: 'New security group' });
  for (const name of ['web-sg', 'db-sg']) {
    await newGroup.fill(name);
    await newGroup.press('Enter');
  }
  const attach = app.inspector.getByRole('combobox', { name: 'Attach security group' });
  await app.node('web-1, EC2 instance').click();
  await attach.selectOption({ label: 'web-sg' });
  await app.node('db-1, RDS database').click();
  await attach.selectOption({ label: 'db-sg' });

  // web-sg: HTTPS from anywhere.
  await app.groups.getByRole('button', { name: /^web-sg/ }).click();
  const form = app.inspector.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound rules' })).toContainText('TCP 443 from anywhere (0.0.0.0/0)');

  // A custom port that is not a port is explained in place.
  await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Custom TCP' });
  await form.getByRole('textbox', { name: 'Port range' }).fill('web');
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(form.getByRole('alert')).toHaveText('Ports are a number such as 443, or a range such as 1024-65535.');

  // db-sg: PostgreSQL from web-sg.
  await app.groups.getByRole('button', { name: /^db-sg/ }).click();
  await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'PostgreSQL' });
  await form.getByRole('combobox', { name: 'Source kind' }).selectOption({ label: 'Security group' });
  await form.getByRole('combobox', { name: 'Source security group' }).selectOption({ label: 'web-sg' });
  await form.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(app.inspector.getByRole('list', { name: 'Inbound rules' })).toContainText('TCP 5432 from web-sg');

  await app.fitView();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(2);
  await expect(app.canvas.getByText('tcp 443', { exact: true })).toBeVisible();
  await expect(app.canvas.getByText('tcp 5432', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await app.screenshot('rules-edges');

  await app.groups.getByRole('button', { name: /^db-sg/ }).click();
  await app.inspector.getByRole('button', { name: 'Remove inbound rule TCP 5432 from web-sg' }).click();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Allowed connections' }).uncheck();
  await expect(app.canvas.locator('.react-flow__edge')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('rules: edit a rule in place, checked as typed, saved as one undoable edit', async ({ page }) => {
  const app = new Designer(page);
  await app.openFirstVisit();
  await app.groups.getByRole('button', { name: /^WebSG/ }).click();
  const inbound = app.inspector.getByRole('list', { name: 'Inbound rules' });
  await expect(inbound).toContainText('TCP 80 from anywhere (0.0.0.0/0)');
  const before = await inbound.getByRole('listitem').count();

  await inbound.getByRole('button', { name: 'Edit inbound rule TCP 80 from anywhere (0.0.0.0/0)' }).click();
  const edit = app.inspector.getByRole('form', { name: 'Edit inbound rule' });
  // Prefilled with the rule as the console would show it.
  await expect(edit.getByRole('combobox', { name: 'Type', exact: true })).toHaveValue('http');
  await expect(edit.getByRole('textbox', { name: 'Protocol', exact: true })).toHaveValue('TCP');
  await expect(edit.getByRole('textbox', { name: 'Port range' })).toHaveValue('80');
  await expect(edit.getByRole('textbox', { name: 'Source CIDR' })).toHaveValue('0.0.0.0/0');
  await expect(edit.getByRole('textbox', { name: 'Description' })).toHaveValue('HTTP from anywhere');

  // Checked while typing: host bits set, with the canonical block one click away.
  const cidr = edit.getByRole('textbox', { name: 'Source CIDR' });
  await cidr.fill('10.0.0.1/16');
  await expect(edit.getByRole('alert')).toHaveText('10.0.0.1/16 is not canonical: did you mean 10.0.0.0/16?Use 10.0.0.0/16');
  await expect(cidr).toHaveAttribute('aria-invalid', 'true');
  await edit.getByRole('button', { name: 'Use 10.0.0.0/16' }).click();
  await expect(cidr).toHaveValue('10.0.0.0/16');
  await expect(edit.getByRole('alert')).toHaveCount(0);
  // Custom ports that run backwards, and a character AWS refuses in a description.
  await edit.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Custom TCP' });
  await edit.getByRole('textbox', { name: 'Port range' }).fill('9000-8000');
  await expect(edit.getByRole('alert')).toHaveText('9000-8000 goes backwards: write 8000-9000.');
  await edit.getByRole('textbox', { name: 'Port range' }).fill('8000-9000');
  await edit.getByRole('textbox', { name: 'Description' }).fill('Dév ports');
  await expect(edit.getByRole('alert')).toContainText('Description contains "é", which AWS does not allow');
  // Saving is refused while anything is wrong.
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(edit).toBeVisible();
  await edit.getByRole('textbox', { name: 'Description' }).fill('Dev ports from the VPC');
  await app.screenshot('rule-edit-in-place');
  await edit.getByRole('button', { name: 'Save rule' }).click();

  // The rule is replaced where it stood, not added beside the old one.
  await expect(edit).toBeHidden();
  await expect(inbound.getByRole('listitem')).toHaveCount(before);
  await expect(inbound).toContainText('TCP 8000-9000 from 10.0.0.0/16');
  await expect(inbound).toContainText('Dev ports from the VPC');
  await expect(inbound).not.toContainText('TCP 80 from anywhere');

  await app.undo();
  await expect(inbound).toContainText('TCP 80 from anywhere (0.0.0.0/0)');
  await expect(inbound).not.toContainText('TCP 8000-9000');
  await app.redo();
  await expect(inbound).toContainText('TCP 8000-9000 from 10.0.0.0/16');

  // Cancel (or Escape) leaves the rule as it was; a Custom protocol rule takes any IP protocol number.
  await inbound.getByRole('button', { name: 'Edit inbound rule TCP 8000-9000 from 10.0.0.0/16' }).click();
  await edit.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Custom protocol' });
  await edit.getByRole('textbox', { name: 'Protocol number' }).fill('300');
  await expect(edit.getByRole('alert')).toContainText('The protocol is an IP protocol number from 0 to 255');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(inbound).toContainText('TCP 8000-9000 from 10.0.0.0/16');
  await inbound.getByRole('button', { name: 'Edit inbound rule TCP 8000-9000 from 10.0.0.0/16' }).click();
  await edit.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Custom protocol' });
  await edit.getByRole('textbox', { name: 'Protocol number' }).fill('50');
  await edit.getByRole('textbox', { name: 'Protocol number' }).press('Enter');
  await expect(inbound).toContainText('Protocol 50 from 10.0.0.0/16');

  // The add form refuses a duplicate as it is typed.
  const add = app.inspector.getByRole('form', { name: 'Add a rule' });
  await add.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'HTTPS' });
  await expect(add.getByRole('alert')).toHaveText('WebSG already has this ingress rule.');
  expect(app.problems).toEqual([]);
});
