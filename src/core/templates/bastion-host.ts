/** A bastion host: SSH from the corporate network to the bastion, and from the bastion to private servers. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, CORPNET, awsDefaultEgress, type Template } from './types.ts';

export const bastionHost: Template = {
  id: 'bastion-host',
  title: 'Bastion host',
  description: 'SSH from CorpNet to a bastion in a public subnet; private servers admit SSH from the bastion only.',
  build: () => {
    const d = design('Bastion host')
      .vpc('vpc-ops', '10.0.0.0/16', { name: 'ops' })
      .igw('igw-ops', { name: 'igw' })
      .subnet('subnet-public-a', '10.0.1.0/24', 'us-east-1a', { name: 'public-a', routes: [[ANYWHERE, 'igw-ops']] })
      .subnet('subnet-private-a', '10.0.11.0/24', 'us-east-1a', { name: 'private-a' })
      .external('corpnet', [CORPNET], { name: 'CorpNet' })
      .sg('sg-bastion', { name: 'bastion-sg', description: 'Bastion', ingress: [tcp(22, CORPNET, 'SSH from CorpNet')], egress: awsDefaultEgress() })
      .sg('sg-app', { name: 'app-sg', description: 'Private servers', ingress: [tcp(22, 'sg-bastion', 'SSH from the bastion')], egress: awsDefaultEgress() })
      .instance('bastion-1', { name: 'bastion', role: 'bastion', subnet: 'subnet-public-a', groups: ['sg-bastion'], publicIp: true })
      .instance('app-1', { name: 'app-1', role: 'app', subnet: 'subnet-private-a', groups: ['sg-app'] })
      .instance('app-2', { name: 'app-2', role: 'app', subnet: 'subnet-private-a', groups: ['sg-app'] })
      .build();
    return layOut(d, { rows: { 'vpc-ops': [['subnet-public-a', 'subnet-private-a']] } });
  },
};
