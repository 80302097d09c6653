/** Two tiers: web servers in public subnets, MySQL in private ones admitting the web group only. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

export const twoTierMysql: Template = {
  id: 'two-tier-mysql',
  title: 'Two-tier web and MySQL',
  description: 'Web servers open to HTTP and HTTPS; db-sg admits MySQL (3306) from web-sg only.',
  build: () => {
    const d = design('Two-tier web and MySQL')
      .vpc('vpc-web', '10.0.0.0/16', { name: 'web' })
      .igw('igw-web', { name: 'igw' })
      .subnet('subnet-public-a', '10.0.1.0/24', 'us-east-1a', { name: 'public-a' })
      .subnet('subnet-public-b', '10.0.2.0/24', 'us-east-1b', { name: 'public-b' })
      .subnet('subnet-private-a', '10.0.11.0/24', 'us-east-1a', { name: 'private-a' })
      .subnet('subnet-private-b', '10.0.12.0/24', 'us-east-1b', { name: 'private-b' })
      .routeTable('rtb-public', { name: 'public', routes: [[ANYWHERE, 'igw-web']], subnets: ['subnet-public-a', 'subnet-public-b'] })
      .internet()
      .sg('sg-web', { name: 'web-sg', description: 'Web servers', ingress: [tcp(80, ANYWHERE, 'HTTP from anywhere'), tcp(443, ANYWHERE, 'HTTPS from anywhere')], egress: awsDefaultEgress() })
      .sg('sg-db', { name: 'db-sg', description: 'MySQL', ingress: [tcp(3306, 'sg-web', 'MySQL from the web servers')], egress: awsDefaultEgress() })
      .instance('web-1', { name: 'web-1', role: 'web', subnet: 'subnet-public-a', groups: ['sg-web'], publicIp: true })
      .instance('web-2', { name: 'web-2', role: 'web', subnet: 'subnet-public-b', groups: ['sg-web'], publicIp: true })
      .rds('db-1', { name: 'db-1', engine: 'mysql', subnets: ['subnet-private-a', 'subnet-private-b'], groups: ['sg-db'] })
      .build();
    return layOut(d, { rows: { 'vpc-web': [['subnet-public-a', 'subnet-public-b'], ['subnet-private-a', 'subnet-private-b']] } });
  },
};
