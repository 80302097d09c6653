import { expect, test } from '@playwright/test';
import { addByKeyboard, Designer } from './fixtures/designer.ts';

test.describe('building a network from the palette', () => {
  test('drags every kind into place, nested by containment', async ({ page }) => {
    const app = new Designer(page);
    await app.openFresh();

    await app.dragToEmptyCanvas('The Internet', { x: 120, y: 80 });
    await expect(app.node('Internet, external network')).toBeVisible();
    await app.dragToEmptyCanvas('External network', { x: 120, y: 260 });
    await expect(app.node('CorpNet, external network')).toBeVisible();

    await app.dragToEmptyCanvas('VPC', { x: 600, y: 300 });
    const vpc = app.node('vpc-1, VPC');
    await expect(vpc).toBeVisible();
    await expect(vpc).toContainText('10.0.0.0/16');
    await app.fitView();

    await app.drag('Public subnet', vpc, { x: 120, y: 150 });
    await app.drag('Public subnet', vpc, { x: 120, y: 150 });
    await app.drag('Private subnet', vpc, { x: 120, y: 150 });
    await app.fitView();
    const publicA = app.node('public-a, subnet');
    const publicB = app.node('public-b, subnet');
    const privateA = app.node('private-a, subnet');
    await expect(publicA).toContainText('public');
    await expect(publicA).toContainText('10.0.1.0/24 · us-east-1a');
    await expect(publicB).toContainText('10.0.2.0/24 · us-east-1b');
    await expect(privateA).toContainText('private');
    // The public subnets made the VPC its internet gateway.
    await expect(app.node('igw-1, internet gateway')).toBeVisible();

    await app.drag('EC2 instance', publicA);
    await expect(app.node('web-1, EC2 instance')).toBeVisible();
    await app.drag('Application Load Balancer', publicA);
    await expect(app.node('alb-1, Application Load Balancer')).toContainText('+1 AZ');
    await app.drag('Bastion host', publicB);
    await expect(app.node('bastion-1, Bastion host')).toBeVisible();
    await app.drag('NAT gateway', publicB);
    await expect(app.node('nat-1, NAT gateway')).toBeVisible();
    await app.drag('Instance group', privateA);
    await expect(app.node('app-asg-1, Instance group')).toContainText('2 instances');
    await app.drag('RDS database', privateA);
    await expect(app.node('db-1, RDS database')).toContainText('postgres');
    await app.drag('Lambda function', privateA);
    await expect(app.node('fn-1, Lambda function')).toBeVisible();

    // Each resource is drawn inside its subnet, each subnet inside the VPC.
    const inside = async (child: ReturnType<Designer['node']>, parent: ReturnType<Designer['node']>) => {
      const [c, p] = [(await child.boundingBox())!, (await parent.boundingBox())!];
      return c.x >= p.x && c.y >= p.y && c.x + c.width <= p.x + p.width + 0.5 && c.y + c.height <= p.y + p.height + 0.5;
    };
    await app.fitView();
    expect(await inside(app.node('web-1, EC2 instance'), publicA)).toBe(true);
    expect(await inside(app.node('db-1, RDS database'), privateA)).toBe(true);
    expect(await inside(privateA, vpc)).toBe(true);

    await app.node('web-1, EC2 instance').click();
    await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.1.4');
    await expect(app.inspector.getByLabel('Public IP', { exact: true })).toHaveText('192.0.2.10');
    await expect(page.getByText('1 VPC · 3 subnets · 6 resources · 1 security group')).toBeVisible();

    await app.screenshot('three-tier-light');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await app.screenshot('three-tier-dark');
    expect(app.problems).toEqual([]);
  });

  test('a wrong drop explains where the item goes and changes nothing', async ({ page }) => {
    const app = new Designer(page);
    await app.openFresh();
    await app.dragToEmptyCanvas('VPC', { x: 500, y: 300 });
    const vpc = app.node('vpc-1, VPC');
    await app.drag('Private subnet', vpc, { x: 150, y: 160 });
    await expect(app.node('private-a, subnet')).toBeVisible();
    const nodesBefore = await app.canvas.locator('.react-flow__node').count();

    await app.dragToEmptyCanvas('RDS database', { x: 60, y: 60 });
    await expect(app.alert()).toHaveText('An RDS database goes inside a subnet: drop it onto a private subnet.');
    await app.screenshot('wrong-drop');

    await app.drag('Application Load Balancer', app.node('private-a, subnet'));
    await expect(app.alert().last()).toContainText('needs two private subnets in different Availability Zones');
    await expect(app.canvas.locator('.react-flow__node')).toHaveCount(nodesBefore);
    await expect(page.getByText('1 VPC · 1 subnet · 0 resources')).toBeVisible();

    // An internet gateway attaches to the VPC it is dropped on; a second one is refused.
    await app.drag('Internet gateway', vpc, { x: 600, y: 330 });
    await expect(app.node('igw-1, internet gateway')).toBeVisible();
    await app.drag('Internet gateway', vpc, { x: 600, y: 330 });
    await expect(app.alert().last()).toHaveText('vpc-1 already has internet gateway igw-1; a VPC takes one.');
    await expect(app.canvas.locator('.react-flow__node')).toHaveCount(nodesBefore + 1);
  });

  test('dragging a resource into another subnet moves it: new subnet, new address, one undo step', async ({ page }) => {
    const app = new Designer(page);
    await app.openFresh();
    await app.dragToEmptyCanvas('VPC', { x: 500, y: 300 });
    const vpc = app.node('vpc-1, VPC');
    await app.drag('Public subnet', vpc, { x: 150, y: 160 });
    await app.drag('Private subnet', vpc, { x: 520, y: 160 });
    await app.fitView();
    await app.drag('EC2 instance', app.node('public-a, subnet'));
    const web = app.node('web-1, EC2 instance');
    await web.click();
    await expect(app.inspector.getByRole('combobox', { name: 'Subnet' })).toHaveValue(/subnet-tw1/);
    await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.1.4');

    await app.moveNode(web, app.node('private-a, subnet'));
    await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.2.4');
    await expect(app.inspector.getByRole('combobox', { name: 'Subnet' })).toHaveValue(/subnet-tw2/);
    const [w, s] = [(await web.boundingBox())!, (await app.node('private-a, subnet').boundingBox())!];
    expect(w.x).toBeGreaterThanOrEqual(s.x);
    expect(w.x + w.width).toBeLessThanOrEqual(s.x + s.width + 0.5);

    // A drop outside every subnet snaps back with a message.
    await app.moveNode(web, app.node('vpc-1, VPC'), { x: 0, y: 400 });
    await expect(app.alert()).toContainText('web-1 must stay inside a subnet');
    await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.2.4');

    await app.undo();
    await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.1.4');
    await app.redo();
    await expect(app.inspector.getByLabel('Private IP', { exact: true })).toHaveText('10.0.2.4');
    expect(app.problems).toEqual([]);
  });
});

test('a touch drag from the palette drops into the subnet under the finger', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'VPC', 'Private subnet');
  const subnet = app.node('private-a, subnet');
  const to = (await subnet.boundingBox())!;
  const item = app.paletteItem('Lambda function');
  const from = (await item.boundingBox())!;
  await item.evaluate(
    (el, { from, to }) => {
      const fire = (type: string, x: number, y: number) =>
        el.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true, clientX: x, clientY: y }));
      fire('pointerdown', from.x + 20, from.y + 20);
      for (let i = 1; i <= 5; i++) fire('pointermove', from.x + 20 + ((to.x - from.x) * i) / 5, from.y + 20 + ((to.y - from.y) * i) / 5);
      fire('pointerup', to.x + to.width / 2, to.y + to.height / 2);
    },
    { from, to },
  );
  await expect(app.node('fn-1, Lambda function')).toBeVisible();
  await expect(page.getByText('Selected: fn-1, Lambda function')).toBeVisible();
});

test('containers grow to fit what is dragged to their edge, as one undo step', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  await addByKeyboard(app, 'VPC', 'Public subnet', 'EC2 instance');
  await app.fitView();
  const vpc = app.node('vpc-1, VPC');
  const subnet = app.node('public-a, subnet');
  const web = app.node('web-1, EC2 instance');
  const [v0, s0] = [(await vpc.boundingBox())!, (await subnet.boundingBox())!];

  // The card goes down past its subnet's bottom edge (its centre stays inside): the subnet grows.
  const w = (await web.boundingBox())!;
  await page.mouse.move(w.x + w.width / 2, w.y + 12);
  await page.mouse.down();
  const delta = s0.y + s0.height - 20 - (w.y + w.height / 2);
  for (let i = 1; i <= 10; i++) await page.mouse.move(w.x + w.width / 2, w.y + 12 + delta * (i / 10));
  await page.mouse.up();
  await expect.poll(async () => (await subnet.boundingBox())!.height).toBeGreaterThan(s0.height + 10);
  const s1 = (await subnet.boundingBox())!;
  const [w1] = [(await web.boundingBox())!];
  expect(w1.y + w1.height).toBeLessThanOrEqual(s1.y + s1.height + 0.5);
  await expect.poll(async () => (await vpc.boundingBox())!.height).toBeGreaterThanOrEqual(v0.height);

  await app.undo();
  await expect.poll(async () => (await subnet.boundingBox())!.height).toBeCloseTo(s0.height, 0);
  expect(app.problems).toEqual([]);
});
