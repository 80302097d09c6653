import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../core/model/index.ts';
import { placeItem } from './place.ts';
import { keyboardTarget } from './keyboard-target.ts';

function build() {
  let d: Design = emptyDesign();
  const step = (kind: Parameters<typeof placeItem>[1], target = {}) => {
    const r = placeItem(d, kind, target);
    if (!r.ok) throw new Error(r.error.message);
    d = r.value.design;
    return r.value.id;
  };
  const vpc = step('vpc');
  const pub = step('public-subnet', { vpcId: vpc });
  const priv = step('private-subnet', { vpcId: vpc });
  const web = step('instance', { subnetId: pub });
  return { d, vpc, pub, priv, web };
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
