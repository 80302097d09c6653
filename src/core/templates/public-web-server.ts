/** One public web server: HTTP and HTTPS from anyone, SSH from one trusted address. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

const TRUSTED_IP = '203.0.113.10/32';

export const publicWebServer: Template = {
  id: 'public-web-server',
  title: 'Public web server',
  description: 'One web server: HTTP and HTTPS from anyone, SSH only from a trusted IP.',
  build: () => {
    const d = design('Public web server')
      .vpc('vpc-site', '10.0.0.0/16', { name: 'site' })
      .igw('igw-site', { name: 'igw' })
      .subnet('subnet-public', '10.0.1.0/24', 'us-east-1a', { name: 'public-a', routes: [[ANYWHERE, 'igw-site']] })
      .internet()
      .external('trusted', [TRUSTED_IP], { name: 'Admin IP' })
      .sg('sg-web', { name: 'web-sg', description: 'Web server', ingress: [tcp(80, ANYWHERE, 'HTTP from anywhere'), tcp(443, ANYWHERE, 'HTTPS from anywhere'), tcp(22, TRUSTED_IP, 'SSH from the admin IP')], egress: awsDefaultEgress() })
      .instance('web-1', { name: 'web-1', role: 'web', subnet: 'subnet-public', groups: ['sg-web'], publicIp: true })
      .build();
    return layOut(d);
  },
};
