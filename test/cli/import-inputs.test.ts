/**
 * The command line reads every input kind through importSources, as the designer does: Terraform
 * state and .tf files (a folder of them, hidden folders skipped), and the other commands take
 * them too since they share loadDesign.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INFRA, asState } from '../../src/core/import/terraform/test-infra.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-inputs-'));
const file = (...parts: string[]) => join(dir, ...parts);

const MAIN_TF = `
resource "aws_vpc" "main" {
  cidr_block = "10.30.0.0/16"
}
resource "aws_subnet" "web" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.30.1.0/24"
  availability_zone       = "eu-central-1a"
  map_public_ip_on_launch = true
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
resource "aws_main_route_table_association" "main" {
  vpc_id         = aws_vpc.main.id
  route_table_id = aws_route_table.public.id
}
`;

const WEB_TF = `
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_instance" "web" {
  subnet_id              = aws_subnet.web.id
  vpc_security_group_ids = [aws_security_group.web.id]
  tags = {
    Name = "web-1"
  }
}
`;

beforeAll(() => {
  writeFileSync(file('prod.tfstate'), JSON.stringify(asState(INFRA), null, 2));
  mkdirSync(file('infra', '.terraform', 'modules', 'vendored'), { recursive: true });
  writeFileSync(file('infra', 'main.tf'), MAIN_TF);
  writeFileSync(file('infra', 'web.tf'), WEB_TF);
  writeFileSync(file('infra', 'README.md'), '# infra\n');
  // A downloaded module's copy: never part of the user's configuration.
  writeFileSync(file('infra', '.terraform', 'modules', 'vendored', 'main.tf'), 'resource "aws_vpc" "main" {\n  cidr_block = "10.99.0.0/16"\n}\n');
});

// Each case starts a Node process (and, for .tf, HashiCorp's parser): seconds on a busy machine.
describe('the command line reads Terraform', { timeout: 60_000 }, () => {
  it('imports a state file and says what it read', async () => {
    const run = await runCli(['import', file('prod.tfstate'), '-o', file('prod.json')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wrote');
    expect(run.stderr).toMatch(/1 VPC, 5 subnets, 4 security groups, 4 resources from 1 file \(Terraform state\), \d+ warnings/);
    const design = JSON.parse(readFileSync(file('prod.json'), 'utf8')) as { vpcs: Record<string, unknown> };
    expect(Object.keys(design.vpcs)).toEqual(['vpc-0a1']);
  });

  it('answers reach on a state file directly', async () => {
    const run = await runCli(['reach', file('prod.tfstate'), '--from', 'internet', '--to', 'web', '--port', '443', '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { verdict: string }).verdict).toBe('reachable');
    expect(run.stderr).toMatch(/note: importing raised \d+ warnings/);
  });

  it('imports a folder of .tf files as one module, skipping hidden folders and other files', async () => {
    const run = await runCli(['import', file('infra'), '-o', file('infra.json')]);
    expect(run.stderr).toMatch(/wrote .*infra\.json: 1 VPC, 1 subnet, 1 security group, 1 resource from 2 files \(Terraform configuration\)/);
    expect(run.code).toBe(0);
    const design = JSON.parse(readFileSync(file('infra.json'), 'utf8')) as { vpcs: Record<string, { cidrs: string[] }> };
    expect(design.vpcs['aws_vpc.main']!.cidrs).toEqual(['10.30.0.0/16']);
    // The subnet launches instances with a public address: a TEST-NET-1 one stands in until apply.
    expect(run.stderr).toContain("instance aws_instance.web's public address gets its public address only when Terraform applies; 192.0.2.10 stands in for it.");
  });

  it('answers reach on .tf files', async () => {
    const open = await runCli(['reach', file('infra'), '--from', 'internet', '--to', 'web-1', '--port', '443', '--format', 'json']);
    expect((JSON.parse(open.stdout) as { verdict: string }).verdict).toBe('reachable');
    const closed = await runCli(['reach', file('infra'), '--from', 'internet', '--to', 'web-1', '--port', '22', '--format', 'json']);
    expect((JSON.parse(closed.stdout) as { verdict: string }).verdict).toBe('unreachable');
  });

  it('refuses state and configuration together, naming both', async () => {
    const run = await runCli(['import', file('prod.tfstate'), file('infra', 'main.tf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('prod.tfstate is Terraform state');
    expect(run.stderr).toContain('main.tf is Terraform configuration');
  });

  it('reports a .tf syntax error with the file, line and column', async () => {
    writeFileSync(file('broken.tf'), 'resource "aws_vpc" "v" {\n  cidr_block = \n}\n');
    const run = await runCli(['import', file('broken.tf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.tf: not valid Terraform configuration at line 2, column 16: Invalid expression/);
  });
});
