/**
 * The built-in templates: common AWS architectures a workshop starts from. Built with the same
 * placement and commands as the palette (see recipe.ts), so they are valid by construction.
 */
import type { Design } from '../../core/model/index.ts';
import { Recipe } from './recipe.ts';

export interface Template {
  id: string;
  name: string;
  summary: string;
  build: () => Design;
}

function threeTier(): Design {
  const r = new Recipe('Three-tier web app');
  r.place('internet');
  const vpc = r.place('vpc');
  const pubA = r.place('public-subnet', { vpcId: vpc });
  const pubB = r.place('public-subnet', { vpcId: vpc });
  const appA = r.place('private-subnet', { vpcId: vpc });
  const dbB = r.place('private-subnet', { vpcId: vpc });
  const alb = r.place('load-balancer', { subnetId: pubA });
  const nat = r.place('nat-gateway', { subnetId: pubB });
  const app = r.place('instance-group', { subnetId: appA });
  const db = r.place('database', { subnetId: dbB });
  const albSg = r.group(vpc, 'alb-sg', 'HTTPS from the Internet');
  const appSg = r.group(vpc, 'app-sg', 'App traffic from the load balancer');
  const dbSg = r.group(vpc, 'db-sg', 'PostgreSQL from the app tier');
  r.allow(albSg, 443, { cidr: '0.0.0.0/0' }, 'HTTPS from anyone');
  r.allow(appSg, 8080, { group: albSg }, 'from the ALB');
  r.allow(dbSg, 5432, { group: appSg }, 'from the app tier');
  r.attach(alb, albSg).attach(app, appSg).attach(db, dbSg);
  r.natRoute(appA, nat);
  return r.build();
}

function bastion(): Design {
  const r = new Recipe('Bastion host and private servers');
  r.place('internet');
  r.place('external-network');
  const vpc = r.place('vpc');
  const pub = r.place('public-subnet', { vpcId: vpc });
  const priv = r.place('private-subnet', { vpcId: vpc });
  const host = r.place('bastion', { subnetId: pub });
  const app1 = r.place('instance', { subnetId: priv });
  const app2 = r.place('instance', { subnetId: priv });
  const bastionSg = r.group(vpc, 'bastion-sg', 'SSH from the corporate network');
  const appSg = r.group(vpc, 'app-sg', 'SSH from the bastion only');
  r.allow(bastionSg, 22, { cidr: '192.168.0.0/16' }, 'SSH from CorpNet');
  r.allow(appSg, 22, { group: bastionSg }, 'SSH from the bastion');
  r.attach(host, bastionSg).attach(app1, appSg).attach(app2, appSg);
  return r.build();
}

function serverless(): Design {
  const r = new Recipe('Lambda functions with RDS');
  r.place('internet');
  const vpc = r.place('vpc');
  const pub = r.place('public-subnet', { vpcId: vpc });
  const privA = r.place('private-subnet', { vpcId: vpc });
  const privB = r.place('private-subnet', { vpcId: vpc });
  const nat = r.place('nat-gateway', { subnetId: pub });
  const fn = r.place('lambda', { subnetId: privA });
  const db = r.place('database', { subnetId: privB });
  const fnSg = r.group(vpc, 'lambda-sg', 'Functions: no inbound traffic');
  const dbSg = r.group(vpc, 'db-sg', 'PostgreSQL from the functions');
  r.allow(dbSg, 5432, { group: fnSg }, 'from the functions');
  r.attach(fn, fnSg).attach(db, dbSg);
  r.natRoute(privA, nat);
  return r.build();
}

export const TEMPLATES: readonly Template[] = [
  { id: 'three-tier', name: 'Three-tier web app', summary: 'Internet → load balancer in two public subnets → app servers → PostgreSQL, with a NAT gateway for updates.', build: threeTier },
  { id: 'bastion', name: 'Bastion host', summary: 'SSH from a corporate network to a bastion in a public subnet, and from it to private servers.', build: bastion },
  { id: 'serverless', name: 'Lambda with RDS', summary: 'Functions in a private subnet reach a database and, through a NAT gateway, the Internet.', build: serverless },
];
