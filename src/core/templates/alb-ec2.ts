/** An Application Load Balancer in front of EC2 instances that admit traffic from it only. */
import { design, tcp } from '../model/builder.ts';
import { layOut } from './layout.ts';
import { ANYWHERE, awsDefaultEgress, type Template } from './types.ts';

export const albEc2: Template = {
  id: 'alb-ec2',
  title: 'ALB in front of EC2',
  description: 'The load balancer takes HTTP and HTTPS from anyone; the instances admit port 80 from alb-sg only.',
  build: () => {
    const d = design('ALB in front of EC2')
      .vpc('vpc-web', '10.0.0.0/16', { name: 'web' })
      .igw('igw-web', { name: 'igw' })
      .subnet('subnet-public-a', '10.0.1.0/24', 'us-east-1a', { name: 'public-a' })
      .subnet('subnet-public-b', '10.0.2.0/24', 'us-east-1b', { name: 'public-b' })
      .subnet('subnet-private-a', '10.0.11.0/24', 'us-east-1a', { name: 'private-a' })
      .subnet('subnet-private-b', '10.0.12.0/24', 'us-east-1b', { name: 'private-b' })
      .routeTable('rtb-public', { name: 'public', routes: [[ANYWHERE, 'igw-web']], subnets: ['subnet-public-a', 'subnet-public-b'] })
      .internet()
      .sg('sg-alb', { name: 'alb-sg', description: 'Load balancer', ingress: [tcp(80, ANYWHERE, 'HTTP from anywhere'), tcp(443, ANYWHERE, 'HTTPS from anywhere')], egress: awsDefaultEgress() })
      .sg('sg-ec2', { name: 'ec2-sg', description: 'Instances behind the load balancer', ingress: [tcp(80, 'sg-alb', 'HTTP from the load balancer')], egress: awsDefaultEgress() })
      .instance('app-1', { name: 'app-1', role: 'app', subnet: 'subnet-private-a', groups: ['sg-ec2'] })
      .instance('app-2', { name: 'app-2', role: 'app', subnet: 'subnet-private-b', groups: ['sg-ec2'] })
      .alb('alb-1', {
        name: 'alb-1',
        subnets: ['subnet-public-a', 'subnet-public-b'],
        groups: ['sg-alb'],
        listeners: [{ port: 80, targetGroup: 'tg-app' }],
        targetGroups: [{ id: 'tg-app', name: 'app', port: 80, targets: ['app-1', 'app-2'] }],
      })
      .build();
    return layOut(d, { rows: { 'vpc-web': [['subnet-public-a', 'subnet-public-b'], ['subnet-private-a', 'subnet-private-b']] } });
  },
};
