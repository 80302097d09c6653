/**
 * Terraform in the designer: a state file and a module's .tf files open as new designs, laid out
 * and evaluated; .tf files go through HashiCorp's parser in a worker; what was left out is listed.
 * Run: TIERWISE_E2E_PORT=5211 npx playwright test e2e/import-terraform.spec.ts --workers=1
 */
import { expect, test } from '@playwright/test';
import { INFRA, asState } from '../src/core/import/terraform/test-infra.ts';
import { Designer } from './fixtures/designer.ts';
import { drawnLayoutProblems, expectedFindings, ImportDialog } from './fixtures/import.ts';

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

const MODULE = {
  'network.tf': `
resource "aws_vpc" "main" {
  cidr_block = "10.40.0.0/16"
  tags = { Name = "lab" }
}
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.40.1.0/24"
  availability_zone       = "eu-west-1a"
  map_public_ip_on_launch = true
  tags = { Name = "public-a" }
}
resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.40.11.0/24"
  availability_zone = "eu-west-1a"
  tags = { Name = "private-a" }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
`,
  'servers.tf': `
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.db.id]
  }
}
resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}
resource "aws_instance" "web" {
  ami                    = data.aws_ami.ubuntu.id
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.web.id]
  tags = { Name = "web-1" }
}
resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = [aws_subnet.private.id]
}
resource "aws_db_instance" "db" {
  identifier             = "orders"
  engine                 = "postgres"
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.db.id]
}
`,
};

test('a Terraform state opens as a new design, laid out and evaluated', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  const dialog = new ImportDialog(page);
  await dialog.open();
  await dialog.pick([file('prod.tfstate', JSON.stringify(asState(INFRA), null, 2))]);
  await expect(dialog.summary).toContainText('Terraform state');
  await expect(dialog.summary.getByLabel('1 vpcs')).toBeVisible();
  await expect(dialog.summary.getByLabel('5 subnets')).toBeVisible();
  await expect(dialog.summary.getByLabel('4 security groups')).toBeVisible();
  await dialog.summary.getByText(/warnings: imported/).click();
  await expect(dialog.dialog.getByRole('list', { name: 'Import warnings' })).toContainText('aws_s3_bucket (1 resource, first aws_s3_bucket.logs) is not part of the network Tierwise models');
  await page.screenshot({ path: 'e2e/screenshots/import-terraform-summary.png' });
  await dialog.openButton.click();
  await expect(dialog.dialog).toBeHidden();
  await app.fitView();
  const { drawn, entities, problems } = await drawnLayoutProblems(page);
  expect(problems).toEqual([]);
  expect(drawn).toBe(entities);
  await expect(page.getByTestId('findings-count')).toHaveText(String(await expectedFindings(page)));
  await page.screenshot({ path: 'e2e/screenshots/import-terraform-state.png' });
  expect(app.problems.filter((p) => !p.includes('[vite]'))).toEqual([]);
});

test('a module of .tf files is parsed in the browser and opens as one design', async ({ page }) => {
  const app = new Designer(page);
  await app.openFresh();
  const dialog = new ImportDialog(page);
  await dialog.open();
  await dialog.pick(Object.entries(MODULE).map(([name, text]) => file(name, text)));
  await expect(dialog.summary).toContainText('Terraform configuration (HCL)', { timeout: 30_000 });
  await expect(dialog.summary).toContainText('network.tf');
  await expect(dialog.summary).toContainText('servers.tf');
  await expect(dialog.summary.getByLabel('2 subnets')).toBeVisible();
  await expect(dialog.summary.getByLabel('2 resources')).toBeVisible();
  await dialog.summary.getByText(/warnings: imported/).click();
  await expect(dialog.dialog.getByRole('list', { name: 'Import warnings' })).toContainText("instance aws_instance.web's public address gets its public address only when Terraform applies");
  await dialog.openButton.click();
  await expect(dialog.dialog).toBeHidden();
  await app.fitView();
  const { drawn, entities, problems } = await drawnLayoutProblems(page);
  expect(problems).toEqual([]);
  expect(drawn).toBe(entities);
  await expect(page.getByTestId('findings-count')).toHaveText(String(await expectedFindings(page)));
  await page.screenshot({ path: 'e2e/screenshots/import-terraform-hcl.png' });
  expect(app.problems.filter((p) => !p.includes('[vite]'))).toEqual([]);
});

test('a .tf syntax error names the file, line and column; the open design is unchanged', async ({ page }) => {
  const app = new Designer(page);
  await app.openFirstVisit();
  const dialog = new ImportDialog(page);
  await dialog.open();
  await dialog.pick([file('broken.tf', 'resource "aws_vpc" "v" {\n  cidr_block = \n}\n')]);
  await expect(dialog.error).toContainText('broken.tf: not valid Terraform configuration at line 2, column 16', { timeout: 30_000 });
  await expect(dialog.error).toContainText('Where: line 2, column 16');
  await expect(dialog.openButton).toBeDisabled();
  await page.screenshot({ path: 'e2e/screenshots/import-terraform-error.png' });
});
