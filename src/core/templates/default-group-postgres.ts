/** Web servers that share the VPC's default group (members talk freely), and a PostgreSQL group that admits it. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

export const defaultGroupPostgres: Template = {
  id: 'default-group-postgres',
  title: 'Web servers on the default group',
  description: 'Web servers share the default group; postgres-sg admits 5432 from the default group.',
  build: () => {
    const b = design('Default group and PostgreSQL')
      .vpc('vpc-app', '10.0.0.0/16', { name: 'app' })
      .igw('igw-app', { name: 'igw' })
      .subnet('subnet-public-a', '10.0.1.0/24', 'us-east-1a', { name: 'public-a' })
      .subnet('subnet-public-b', '10.0.2.0/24', 'us-east-1b', { name: 'public-b' })
      .subnet('subnet-private-a', '10.0.11.0/24', 'us-east-1a', { name: 'private-a' })
      .subnet('subnet-private-b', '10.0.12.0/24', 'us-east-1b', { name: 'private-b' })
      .routeTable('rtb-public', { name: 'public', routes: [[ANYWHERE, 'igw-app']], subnets: ['subnet-public-a', 'subnet-public-b'] })
      .internet();
    const defaultGroup = b.defaultGroupOf('vpc-app');
    const d = b
      .sg('sg-web', { name: 'web-sg', description: 'HTTP and HTTPS from anywhere', ingress: [tcp(80, ANYWHERE, 'HTTP from anywhere'), tcp(443, ANYWHERE, 'HTTPS from anywhere')], egress: awsDefaultEgress() })
      .sg('sg-postgres', { name: 'postgres-sg', description: 'PostgreSQL', ingress: [tcp(5432, defaultGroup, 'PostgreSQL from members of the default group')], egress: awsDefaultEgress() })
      .instance('web-1', { name: 'web-1', role: 'web', subnet: 'subnet-public-a', groups: [defaultGroup, 'sg-web'], publicIp: true })
      .instance('web-2', { name: 'web-2', role: 'web', subnet: 'subnet-public-b', groups: [defaultGroup, 'sg-web'], publicIp: true })
      .rds('db-1', { name: 'db-1', engine: 'postgres', subnets: ['subnet-private-a', 'subnet-private-b'], groups: ['sg-postgres'] })
      .build();
    return layOut(d, { rows: { 'vpc-app': [['subnet-public-a', 'subnet-public-b'], ['subnet-private-a', 'subnet-private-b']] } });
  },
};
