/** Two VPCs joined by a peering: the app in one reaches the database in the other by group reference. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

export const peeredVpcs: Template = {
  id: 'peered-vpcs',
  title: 'Two peered VPCs',
  description: 'An app VPC and a data VPC joined by a peering; db-sg admits PostgreSQL from app-sg across it.',
  build: () => {
    const d = design('Two peered VPCs')
      .vpc('vpc-app', '10.0.0.0/16', { name: 'app-vpc' })
      .igw('igw-app', { name: 'igw' })
      .subnet('subnet-app-public', '10.0.1.0/24', 'us-east-1a', { name: 'public-a', routes: [[ANYWHERE, 'igw-app'], ['10.1.0.0/16', 'pcx-app-data']] })
      .vpc('vpc-data', '10.1.0.0/16', { name: 'data-vpc' })
      .subnet('subnet-data-a', '10.1.1.0/24', 'us-east-1a', { name: 'data-a' })
      .subnet('subnet-data-b', '10.1.2.0/24', 'us-east-1b', { name: 'data-b' })
      .routeTable('rtb-data', { name: 'data', routes: [['10.0.0.0/16', 'pcx-app-data']], subnets: ['subnet-data-a', 'subnet-data-b'] })
      .peering('pcx-app-data', 'vpc-app', 'vpc-data', { name: 'app-to-data' })
      .internet()
      .sg('sg-app', { vpc: 'vpc-app', name: 'app-sg', description: 'App servers', ingress: [tcp(443, ANYWHERE, 'HTTPS from anywhere')], egress: awsDefaultEgress() })
      .sg('sg-db', { vpc: 'vpc-data', name: 'db-sg', description: 'Database', ingress: [tcp(5432, 'sg-app', 'PostgreSQL from the app VPC')], egress: awsDefaultEgress() })
      .instance('app-1', { name: 'app-1', role: 'app', subnet: 'subnet-app-public', groups: ['sg-app'], publicIp: true })
      .rds('db-1', { name: 'db-1', engine: 'postgres', subnets: ['subnet-data-a', 'subnet-data-b'], groups: ['sg-db'] })
      .build();
    return layOut(d);
  },
};
