/**
 * Terraform configuration (.tf through HashiCorp's parser, .tf.json as it is): references become
 * the referenced resource's address, variables and locals are evaluated, what only Terraform can
 * evaluate is left out with a warning naming the place, and reach answers on the result.
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../../../test/support/hcl.ts';
import { reach } from '../../engine/index.ts';
import type { Endpoint, Flow } from '../../engine/types.ts';
import type { LoadBalancer } from '../../model/types.ts';
import { importSources, type Imported } from '../index.ts';

const res = (resourceId: string): Endpoint => ({ kind: 'resource', resourceId });
const tcp = (port: number): Flow => ({ protocol: 'tcp', port });
const internet: Endpoint = { kind: 'internet' };

const NETWORK_TF = `
provider "aws" {
  region = var.region
}

variable "region" {
  default = "eu-west-2"
}

variable "cidr" {
  default = "10.20.0.0/16"
}

locals {
  name = "shop"
  app_port = 8080
}

resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags = {
    Name = "\${local.name}-vpc"
  }
}

resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "eu-west-2a"
}

resource "aws_subnet" "public_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.2.0/24"
  availability_zone = "eu-west-2b"
}

resource "aws_subnet" "app" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.cidr, 8, 11)
  availability_zone = "eu-west-2a"
}

resource "aws_subnet" "app_literal" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.11.0/24"
  availability_zone = "eu-west-2a"
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "nat" {
  subnet_id     = aws_subnet.public.id
  allocation_id = aws_eip.nat.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.main.default_route_table_id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "public_b" {
  subnet_id      = aws_subnet.public_b.id
  route_table_id = aws_route_table.public.id
}
`;

const SERVICES_TF = `
resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port       = local.app_port
    to_port         = local.app_port
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.app_port
  to_port                      = local.app_port
}

resource "aws_instance" "app" {
  ami                    = data.aws_ami.linux.id
  subnet_id              = aws_subnet.app_literal.id
  vpc_security_group_ids = [aws_security_group.app.id]
  tags = {
    Name = "app-1"
  }
}

resource "aws_lb" "web" {
  name            = "web"
  security_groups = [aws_security_group.alb.id]
  subnets         = [aws_subnet.public.id, aws_subnet.public_b.id]
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = local.app_port
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = "443"
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_target_group_attachment" "app" {
  target_group_arn = aws_lb_target_group.app.arn
  target_id        = aws_instance.app.id
}

resource "aws_s3_bucket" "logs" {
  count  = 2
  bucket = "logs"
}
`;

async function importTf(files: Array<[string, string]>): Promise<Imported> {
  const r = await importSources(files.map(([name, text]) => ({ name, text })), { parseHcl });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('Terraform configuration across two .tf files', async () => {
  const { design: d, warnings, kind, files } = await importTf([
    ['network.tf', NETWORK_TF],
    ['services.tf', SERVICES_TF],
  ]);

  it('is one module: references cross files and become addresses', () => {
    expect(kind).toBe('terraform-hcl');
    expect(files).toEqual(['network.tf', 'services.tf']);
    expect(d.vpcs['aws_vpc.main']).toEqual({ id: 'aws_vpc.main', name: 'shop-vpc', region: 'eu-west-2', cidrs: ['10.20.0.0/16'], ipv6Cidrs: [], mainRouteTableId: 'aws_default_route_table.main', tags: { Name: 'shop-vpc' } });
    // Without a Name tag, an entity is named after its Terraform name; its address stays its id.
    expect(d.subnets['aws_subnet.public']).toMatchObject({ name: 'public', vpcId: 'aws_vpc.main', cidr: '10.20.1.0/24', routeTableId: 'aws_route_table.public' });
    expect(d.internetGateways['aws_internet_gateway.igw']!.name).toBe('igw');
    expect(d.routeTables['aws_route_table.public']!.routes).toEqual([{ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: 'aws_internet_gateway.igw' }, state: 'active' }]);
    expect(d.routeTables['aws_default_route_table.main']).toMatchObject({ vpcId: 'aws_vpc.main', routes: [{ destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'aws_nat_gateway.nat' } }] });
    // Its Elastic IP's address is known only after apply: a TEST-NET-1 address stands in, with a warning.
    expect(d.natGateways['aws_nat_gateway.nat']).toMatchObject({ subnetId: 'aws_subnet.public', connectivity: 'public', publicIp: '192.0.2.10' });
    expect(warnings.find((w) => w.code === 'import/terraform-public-address')).toMatchObject({
      file: 'network.tf',
      path: 'aws_nat_gateway.nat.allocation_id',
      message: "network.tf: aws_nat_gateway.nat.allocation_id: NAT gateway aws_nat_gateway.nat's Elastic IP gets its public address only when Terraform applies; 192.0.2.10 stands in for it.",
    });
  });

  it('evaluates variables and locals in ports and groups', () => {
    expect(d.securityGroups['aws_security_group.alb']!.egress.map((r) => [r.match, r.peer])).toEqual([
      [{ protocol: 'tcp', ports: { from: 8080, to: 8080 } }, { kind: 'security-group', groupId: 'aws_security_group.app' }],
    ]);
    expect(d.securityGroups['aws_security_group.app']!.ingress.map((r) => [r.match, r.peer])).toEqual([
      [{ protocol: 'tcp', ports: { from: 8080, to: 8080 } }, { kind: 'security-group', groupId: 'aws_security_group.alb' }],
    ]);
    const lb = d.resources['aws_lb.web'] as LoadBalancer;
    expect(lb.listeners).toEqual([{ id: 'aws_lb_listener.https', protocol: 'HTTPS', port: 443, targetGroupId: 'aws_lb_target_group.app' }]);
    expect(lb.targetGroups[0]!.targets).toEqual([{ resourceId: 'aws_instance.app' }]);
    expect(lb).not.toHaveProperty('arn');
  });

  it('leaves out, with the place and the reason, what only Terraform can evaluate, and only when it matters', () => {
    const left = warnings.filter((w) => w.code === 'import/terraform-expression');
    expect(left.map((w) => [w.file, w.path])).toEqual([['network.tf', 'aws_subnet.app.cidr_block']]);
    expect(left[0]!.message).toBe('network.tf: aws_subnet.app.cidr_block: "${cidrsubnet(var.cidr, 8, 11)}" is an expression only Terraform can evaluate; it was left out.');
    // The AMI comes from a data source, but the network does not depend on it: no warning about it.
    expect(warnings.map((w) => w.message).join('\n')).not.toContain('aws_ami');
    expect(warnings.find((w) => w.code === 'import/terraform-count')?.message).toBe('services.tf: aws_s3_bucket.logs.count: aws_s3_bucket.logs has count = 2; it was imported once.');
    // A subnet without its CIDR cannot be placed: the bundle importer's words, said about the .tf file.
    expect(d.subnets['aws_subnet.app']).toBeUndefined();
  });

  it('gives reach the answers AWS would', () => {
    expect(reach(d, internet, res('aws_lb.web'), tcp(443)).verdict).toBe('reachable');
    expect(reach(d, res('aws_lb.web'), res('aws_instance.app'), tcp(8080)).verdict).toBe('reachable');
    expect(reach(d, internet, res('aws_instance.app'), tcp(8080)).verdict).toBe('unreachable');
    // The app subnet uses the main table, whose default route goes through the NAT gateway.
    expect(reach(d, res('aws_instance.app'), internet, tcp(443)).verdict).toBe('reachable');
  });
});

describe('Terraform configuration, more forms', () => {
  it('reads .tf.json (Terraform JSON syntax) like .tf', async () => {
    const json = {
      resource: {
        aws_vpc: { v: { cidr_block: '10.1.0.0/16' } },
        aws_security_group: { g: { name: 'g', vpc_id: '${aws_vpc.v.id}', ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['198.51.100.0/24'] }] } },
      },
    };
    const { design, kind } = await importTf([['main.tf.json', JSON.stringify(json)]]);
    expect(kind).toBe('terraform-hcl');
    expect(design.securityGroups['aws_security_group.g']).toMatchObject({ vpcId: 'aws_vpc.v', ingress: [{ match: { protocol: 'tcp', ports: { from: 22, to: 22 } }, peer: { kind: 'cidr', cidr: '198.51.100.0/24' } }] });
  });

  it('reads aws_default_network_acl and aws_default_security_group of a VPC', async () => {
    const tf = `
resource "aws_vpc" "v" {
  cidr_block = "10.2.0.0/16"
}
resource "aws_subnet" "s" {
  vpc_id     = aws_vpc.v.id
  cidr_block = "10.2.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_default_network_acl" "d" {
  default_network_acl_id = aws_vpc.v.default_network_acl_id
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}
resource "aws_default_security_group" "d" {
  vpc_id = aws_vpc.v.id
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
`;
    const { design } = await importTf([['default.tf', tf]]);
    expect(design.networkAcls['aws_default_network_acl.d']).toMatchObject({ vpcId: 'aws_vpc.v', isDefault: true, entries: [{ ruleNumber: 100, egress: false, action: 'allow', cidr: '0.0.0.0/0' }] });
    expect(design.vpcs['aws_vpc.v']!.defaultNetworkAclId).toBe('aws_default_network_acl.d');
    expect(design.securityGroups['aws_default_security_group.d']).toMatchObject({ name: 'default', isDefault: true, ingress: [{ match: { protocol: 'all' }, peer: { kind: 'security-group', groupId: 'aws_default_security_group.d' } }], egress: [] });
  });

  it('reports a syntax error with the file, line and column', async () => {
    const r = await importSources([{ name: 'broken.tf', text: 'resource "aws_vpc" "v" {\n  cidr_block = \n}\n' }], { parseHcl });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'import/hcl-syntax',
        message: 'broken.tf: not valid Terraform configuration at line 2, column 16: Invalid expression: Expected the start of an expression, but found an invalid expression token.',
        file: 'broken.tf',
        path: 'line 2, column 16',
      },
    });
  });

  it('without a parser, refuses .tf naming the file and the command line that reads it', async () => {
    const r = await importSources([{ name: 'main.tf', text: 'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'import/hcl-unavailable', file: 'main.tf' });
    expect(r.error.message).toContain('npm run cli -- import main.tf');
  });

  it('a wrong value is an error naming the .tf file and the attribute', async () => {
    const tf = 'resource "aws_security_group" "g" {\n  ingress {\n    protocol = "tcp"\n    from_port = 70000\n    to_port = 70000\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    const r = await importSources([{ name: 'bad.tf', text: tf }], { parseHcl });
    expect(r).toMatchObject({ ok: false, error: { file: 'bad.tf', path: 'aws_security_group.g.ingress[0].from_port', message: 'bad.tf: aws_security_group.g.ingress[0].from_port is 70000; a port is 0 to 65535.' } });
  });
});
