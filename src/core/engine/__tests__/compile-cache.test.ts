/** The compiled index is cached on the network collections, so a layout-only edit keeps it. */
import { describe, expect, it } from 'vitest';
import { compile, exposure } from '../index.ts';
import { setLayout } from '../../model/commands/layout.ts';
import { tcp } from '../../model/builder.ts';
import { topologyT, T } from '../../model/fixtures/topology-t.ts';

describe('compile cache', () => {
  it('reuses the index after a layout-only edit (a new design object with the same network collections)', () => {
    const d = topologyT().build();
    const ix = compile(d);
    const moved = setLayout(d, { [T.app]: { x: 10, y: 20 } });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value).not.toBe(d);
    expect(compile(moved.value)).toBe(ix);
    expect(exposure(moved.value, { kind: 'internet' })).toEqual(exposure(d, { kind: 'internet' }));
  });

  it('builds a new index when a network collection changes', () => {
    const d = topologyT().build();
    const edited = { ...d, securityGroups: { ...d.securityGroups } };
    expect(compile(edited)).not.toBe(compile(d));
    expect(compile(structuredClone(d))).not.toBe(compile(d));
  });

  it('answers from the edited network, not from a stale index', () => {
    const d = topologyT().build();
    const opened = topologyT().ingress(T.sgBastion, tcp(8080, '0.0.0.0/0')).build();
    const edited = { ...d, securityGroups: opened.securityGroups };
    const opens8080 = (x: typeof d) => exposure(x, { kind: 'internet' }, { multiHop: false }).entries.some((e) => e.resourceId === T.bastion && e.traffic.includes('8080'));
    expect(opens8080(edited)).toBe(true);
    expect(opens8080(d)).toBe(false);
  });
});
