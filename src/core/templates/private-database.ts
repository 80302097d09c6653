/** An app server in a public subnet and its database in private subnets, reachable from the app only. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

export const privateDatabase: Template = {
  id: 'private-database',
  title: 'Database in a private subnet',
  description: 'The database has no route to the Internet and admits PostgreSQL from the app server only.',
  build: () => {
    const d = design('Database in a private subnet')
      .vpc('vpc-app', '10.0.0.0/16', { name: 'app' })
      .igw('igw-app', { name: 'igw' })
      .subnet('subnet-public-a', '10.0.1.0/24', 'us-east-1a', { name: 'public-a', routes: [[ANYWHERE, 'igw-app']] })
      .subnet('subnet-private-a', '10.0.11.0/24', 'us-east-1a', { name: 'private-a' })
      .subnet('subnet-private-b', '10.0.12.0/24', 'us-east-1b', { name: 'private-b' })
      .internet()
      .sg('sg-app', { name: 'app-sg', description: 'App server', ingress: [tcp(443, ANYWHERE, 'HTTPS from anywhere')], egress: awsDefaultEgress() })
      .sg('sg-db', { name: 'db-sg', description: 'Database', ingress: [tcp(5432, 'sg-app', 'PostgreSQL from the app server')], egress: awsDefaultEgress() })
      .instance('app-1', { name: 'app-1', role: 'app', subnet: 'subnet-public-a', groups: ['sg-app'], publicIp: true })
      .rds('db-1', { name: 'db-1', engine: 'postgres', subnets: ['subnet-private-a', 'subnet-private-b'], groups: ['sg-db'] })
      .build();
    return layOut(d, { rows: { 'vpc-app': [['subnet-public-a'], ['subnet-private-a', 'subnet-private-b']] } });
  },
};
