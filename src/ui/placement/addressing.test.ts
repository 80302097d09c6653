import { describe, expect, it } from 'vitest';
import { addSubnet, addVpc, emptyDesign, unwrap, type Design } from '../../core/model/index.ts';
import { nextSubnetCidr, nextVpcCidr, pickAvailabilityZone } from './addressing.ts';

const withVpc = (cidr = '10.0.0.0/16'): Design => unwrap(addVpc(emptyDesign(), { id: 'vpc-a', name: 'main', cidr }));

describe('nextVpcCidr', () => {
  it('starts at 10.0.0.0/16 and skips ranges a VPC already covers', () => {
    expect(nextVpcCidr(emptyDesign())).toBe('10.0.0.0/16');
    expect(nextVpcCidr(withVpc())).toBe('10.1.0.0/16');
    expect(nextVpcCidr(withVpc('10.0.0.0/15'))).toBe('10.2.0.0/16');
  });
});

describe('nextSubnetCidr', () => {
  it('hands out /24s from the second block on, skipping used ones', () => {
    let d = withVpc();
    expect(nextSubnetCidr(d, 'vpc-a')).toBe('10.0.1.0/24');
    d = unwrap(addSubnet(d, { vpcId: 'vpc-a', name: 'a', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a' }));
    expect(nextSubnetCidr(d, 'vpc-a')).toBe('10.0.2.0/24');
  });

  it('uses the first block last and reports a full VPC', () => {
    let d = withVpc('10.0.0.0/23');
    d = unwrap(addSubnet(d, { vpcId: 'vpc-a', name: 'a', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a' }));
    expect(nextSubnetCidr(d, 'vpc-a')).toBe('10.0.0.0/24');
    d = unwrap(addSubnet(d, { vpcId: 'vpc-a', name: 'b', cidr: '10.0.0.0/24', availabilityZone: 'us-east-1a' }));
    expect(nextSubnetCidr(d, 'vpc-a')).toBeUndefined();
  });

  it('splits a VPC smaller than /24 no further than the VPC itself', () => {
    expect(nextSubnetCidr(withVpc('10.0.0.0/26'), 'vpc-a')).toBe('10.0.0.0/26');
  });
});

describe('pickAvailabilityZone', () => {
  it('spreads subnets of one kind across zones', () => {
    let d = withVpc();
    expect(pickAvailabilityZone(d, 'vpc-a', false)).toBe('us-east-1a');
    d = unwrap(addSubnet(d, { vpcId: 'vpc-a', name: 'a', cidr: '10.0.1.0/24', availabilityZone: 'us-east-1a' }));
    expect(pickAvailabilityZone(d, 'vpc-a', false)).toBe('us-east-1b');
    expect(pickAvailabilityZone(d, 'vpc-a', true)).toBe('us-east-1a');
  });
});
