/** The classic three-tier design: web, app and database tiers, admin access from CorpNet (and VendorNet for the database). */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, CORPNET, VENDORNET, awsDefaultEgress, type Template } from './types.ts';

const admin = (from: string, who: string) => [tcp(22, from, `SSH from ${who}`), tcp(3389, from, `RDP from ${who}`)];

export const threeTier: Template = {
  id: 'three-tier',
  title: 'Classic three-tier',
  description: 'Web, app and database tiers in two AZs; SSH and RDP only from CorpNet (and VendorNet to the database).',
  build: () => {
    const d = design('Three-tier web app')
      .vpc('vpc-prod', '10.0.0.0/16', { name: 'production' })
      .igw('igw-prod', { name: 'igw' })
      .subnet('subnet-web-a', '10.0.1.0/24', 'us-east-1a', { name: 'web-a' })
      .subnet('subnet-web-b', '10.0.2.0/24', 'us-east-1b', { name: 'web-b' })
      .subnet('subnet-app-a', '10.0.11.0/24', 'us-east-1a', { name: 'app-a' })
      .subnet('subnet-app-b', '10.0.12.0/24', 'us-east-1b', { name: 'app-b' })
      .subnet('subnet-db-a', '10.0.21.0/24', 'us-east-1a', { name: 'db-a' })
      .subnet('subnet-db-b', '10.0.22.0/24', 'us-east-1b', { name: 'db-b' })
      .nat('nat-a', 'subnet-web-a', { name: 'nat' })
      .routeTable('rtb-public', { name: 'public', routes: [[ANYWHERE, 'igw-prod']], subnets: ['subnet-web-a', 'subnet-web-b'] })
      .routeTable('rtb-app', { name: 'app', routes: [[ANYWHERE, 'nat-a']], subnets: ['subnet-app-a', 'subnet-app-b'] })
      .internet()
      .external('corpnet', [CORPNET], { name: 'CorpNet' })
      .external('vendornet', [VENDORNET], { name: 'VendorNet' })
      .sg('sg-web', { name: 'WebSG', description: 'Web tier', ingress: [tcp(80, ANYWHERE, 'HTTP from anywhere'), tcp(443, ANYWHERE, 'HTTPS from anywhere'), ...admin(CORPNET, 'CorpNet')], egress: awsDefaultEgress() })
      .sg('sg-app', { name: 'AppSG', description: 'App tier', ingress: [tcp(8080, 'sg-web', 'App port from the web tier'), ...admin(CORPNET, 'CorpNet')], egress: awsDefaultEgress() })
      .sg('sg-db', { name: 'DBSG', description: 'Database tier', ingress: [tcp(5432, 'sg-app', 'PostgreSQL from the app tier'), ...admin(CORPNET, 'CorpNet'), ...admin(VENDORNET, 'VendorNet')], egress: awsDefaultEgress() })
      .instance('web-1', { name: 'web-1', role: 'web', subnet: 'subnet-web-a', groups: ['sg-web'], publicIp: true })
      .instance('web-2', { name: 'web-2', role: 'web', subnet: 'subnet-web-b', groups: ['sg-web'], publicIp: true })
      .instance('app-1', { name: 'app-1', role: 'app', subnet: 'subnet-app-a', groups: ['sg-app'] })
      .instance('app-2', { name: 'app-2', role: 'app', subnet: 'subnet-app-b', groups: ['sg-app'] })
      .rds('db-1', { name: 'db-1', engine: 'postgres', subnets: ['subnet-db-a', 'subnet-db-b'], groups: ['sg-db'] })
      .build();
    return layOut(d, {
      rows: { 'vpc-prod': [['subnet-web-a', 'subnet-web-b'], ['subnet-app-a', 'subnet-app-b'], ['subnet-db-a', 'subnet-db-b']] },
      externals: ['corpnet', 'vendornet'],
    });
  },
};
