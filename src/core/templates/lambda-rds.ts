/** Lambda functions in private subnets reach RDS, and the Internet through a NAT gateway. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

export const lambdaRds: Template = {
  id: 'lambda-rds',
  title: 'Lambda to RDS',
  description: 'Functions in private subnets; db-sg admits PostgreSQL from lambda-sg; a NAT gateway for outbound calls.',
  build: () => {
    const d = design('Lambda to RDS')
      .vpc('vpc-fn', '10.0.0.0/16', { name: 'functions' })
      .igw('igw-fn', { name: 'igw' })
      .subnet('subnet-public-a', '10.0.1.0/24', 'us-east-1a', { name: 'public-a', routes: [[ANYWHERE, 'igw-fn']] })
      .subnet('subnet-private-a', '10.0.11.0/24', 'us-east-1a', { name: 'private-a' })
      .subnet('subnet-private-b', '10.0.12.0/24', 'us-east-1b', { name: 'private-b' })
      .nat('nat-a', 'subnet-public-a', { name: 'nat' })
      .routeTable('rtb-private', { name: 'private', routes: [[ANYWHERE, 'nat-a']], subnets: ['subnet-private-a', 'subnet-private-b'] })
      .internet()
      .sg('sg-lambda', { name: 'lambda-sg', description: 'Functions: no inbound traffic', egress: awsDefaultEgress() })
      .sg('sg-db', { name: 'db-sg', description: 'Database', ingress: [tcp(5432, 'sg-lambda', 'PostgreSQL from the functions')], egress: awsDefaultEgress() })
      .lambda('fn-1', { name: 'orders-fn', subnets: ['subnet-private-a', 'subnet-private-b'], groups: ['sg-lambda'] })
      .rds('db-1', { name: 'db-1', engine: 'postgres', subnets: ['subnet-private-b', 'subnet-private-a'], groups: ['sg-db'] })
      .build();
    return layOut(d, { rows: { 'vpc-fn': [['subnet-public-a'], ['subnet-private-a', 'subnet-private-b']] } });
  },
};
