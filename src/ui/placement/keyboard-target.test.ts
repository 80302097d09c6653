import { describe, expect, it } from 'vitest';
import { placer } from './test-placer.ts';
import { emptyDesign } from '../../core/model/index.ts';
import { keyboardTarget } from './keyboard-target.ts';

function build() {
  const p = placer();
  const vpc = p.place('vpc');
  const pub = p.place('public-subnet', { vpcId: vpc });
  const priv = p.place('private-subnet', { vpcId: vpc });
  const web = p.place('instance', { subnetId: pub });
  return { d: p.design, vpc, pub, priv, web };
}

describe('keyboardTarget', () => {
  it('puts canvas items on the canvas whatever is selected', () => {
    const { d, pub } = build();
    expect(keyboardTarget(d, pub, 'vpc')).toEqual({});
  });

  it('uses the selected subnet, or the subnet of the selected resource', () => {
    const { d, vpc, pub, priv, web } = build();
    expect(keyboardTarget(d, priv, 'instance')).toEqual({ vpcId: vpc, subnetId: priv });
    expect(keyboardTarget(d, web, 'database')).toEqual({ vpcId: vpc, subnetId: pub });
  });

  it('picks a subnet that suits the item when the selection holds none', () => {
    const { d, vpc, pub, priv } = build();
    expect(keyboardTarget(d, vpc, 'database')).toEqual({ vpcId: vpc, subnetId: priv });
    expect(keyboardTarget(d, null, 'load-balancer')).toEqual({ vpcId: vpc, subnetId: pub });
  });

  it('aims subnets at the selected or first VPC, and finds nothing in an empty design', () => {
    const { d, vpc, web } = build();
    expect(keyboardTarget(d, web, 'public-subnet')).toEqual({ vpcId: vpc });
    expect(keyboardTarget(emptyDesign(), null, 'instance')).toEqual({});
  });
});
