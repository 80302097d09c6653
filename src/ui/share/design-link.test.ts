import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { emptyDesign, SCHEMA_VERSION, type Design } from '../../core/model/index.ts';
import { TEMPLATES, templateById } from '../../core/templates/index.ts';
import { placeItem } from '../placement/place.ts';
import { MAX_SHARE_FRAGMENT_LENGTH, MAX_SHARE_URL_LENGTH, readShareFragment, shareLink, sharedCopyName } from './design-link.ts';

const BASE = 'https://tierwise.example/app/';
const threeTier = () => templateById('three-tier')!.build();
const fragmentOf = (url: string) => url.slice(url.indexOf('#'));
const packed = (value: unknown) => `#design=${compressToEncodedURIComponent(JSON.stringify(value))}`;

/** A design with `count` instances across a few subnets, placed as the palette places them. */
function sizable(count: number): Design {
  let d = emptyDesign('Big');
  const step = (kind: Parameters<typeof placeItem>[1], target = {}) => {
    const r = placeItem(d, kind, target);
    if (!r.ok) throw new Error(r.error.message);
    d = r.value.design;
    return r.value.id;
  };
  const vpc = step('vpc');
  const subnets = [step('public-subnet', { vpcId: vpc }), step('private-subnet', { vpcId: vpc })];
  for (let i = 0; i < count; i++) step('instance', { subnetId: subnets[i % 2] });
  return d;
}

describe('share links', () => {
  it('round-trips every template through the link, layout and all', () => {
    for (const t of TEMPLATES) {
      const design = t.build();
      const link = shareLink(design, BASE);
      if (!link.ok) throw new Error(`${t.id}: too large (${link.length})`);
      expect(link.url.startsWith(`${BASE}#design=`)).toBe(true);
      expect(link.url.length).toBeLessThanOrEqual(MAX_SHARE_URL_LENGTH);
      expect(readShareFragment(fragmentOf(link.url))).toEqual({ kind: 'design', design });
    }
  });

  it('drops a fragment the base URL already has', () => {
    const link = shareLink(threeTier(), `${BASE}#design=old`);
    expect(link.ok && link.url.split('#')).toHaveLength(2);
  });

  it('uses only characters that survive in a URL without escaping', () => {
    const link = shareLink(threeTier(), BASE);
    expect(link.ok && /^[A-Za-z0-9+\-$]*$/.test(link.url.slice(link.url.indexOf('=') + 1))).toBe(true);
  });

  it('refuses a design whose link would pass the limit, saying how long it would be', () => {
    const big = sizable(120);
    const link = shareLink(big, BASE);
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.reason).toBe('too-large');
    expect(link.limit).toBe(8000);
    const full = `${BASE}#design=${compressToEncodedURIComponent(JSON.stringify(big))}`;
    expect(link.length).toBe(full.length);
    expect(link.length).toBeGreaterThan(8000);
  });

  it('accepts a link exactly at the limit and refuses one character over', () => {
    const d = threeTier();
    const exact = (shareLink(d, BASE) as { url: string }).url.length;
    expect(shareLink(d, BASE, exact).ok).toBe(true);
    expect(shareLink(d, BASE, exact - 1)).toEqual({ ok: false, reason: 'too-large', length: exact, limit: exact - 1 });
  });

  it('finds the design among other fragment parameters', () => {
    const d = threeTier();
    const value = compressToEncodedURIComponent(JSON.stringify(d));
    expect(readShareFragment(`#view=1&design=${value}&x=2`)).toEqual({ kind: 'design', design: d });
  });
});

describe('reading a share fragment', () => {
  it('is "none" for an empty hash or one without a design', () => {
    expect(readShareFragment('')).toEqual({ kind: 'none' });
    expect(readShareFragment('#')).toEqual({ kind: 'none' });
    expect(readShareFragment('#section-2')).toEqual({ kind: 'none' });
    expect(readShareFragment('#designs=abc')).toEqual({ kind: 'none' });
  });

  it('says a link with nothing after design= holds no design', () => {
    expect(readShareFragment('#design=')).toEqual({ kind: 'bad', message: 'This share link holds no design (nothing follows "#design=").' });
    expect(readShareFragment('#design')).toEqual({ kind: 'bad', message: 'This share link holds no design (nothing follows "#design=").' });
  });

  const damaged = {
    kind: 'bad',
    message: 'This share link is damaged or incomplete (it may have been cut off when it was sent): ask for it again, or for the design file.',
  };

  it('calls a cut-off link damaged, wherever it was cut', () => {
    const full = fragmentOf((shareLink(threeTier(), BASE) as { url: string }).url);
    for (const keep of [0.1, 0.5, 0.9, 0.99]) {
      const cut = full.slice(0, Math.floor(full.length * keep));
      expect(readShareFragment(cut), `cut at ${keep}`).toEqual(damaged);
    }
  });

  it('calls characters lz-string never writes, and non-JSON content, damaged', () => {
    expect(readShareFragment('#design=%%%%')).toEqual(damaged);
    expect(readShareFragment('#design=hello world')).toEqual(damaged);
    expect(readShareFragment(`#design=${compressToEncodedURIComponent('not json {')}`)).toEqual(damaged);
  });

  it('refuses JSON that is not a design, with the reason the design reader gives', () => {
    expect(readShareFragment(packed([1, 2, 3]))).toEqual({
      kind: 'bad',
      message: 'This share link does not hold a design Tierwise can open: A design file must hold a JSON object in the share link.',
    });
    expect(readShareFragment(packed({ name: 'x' }))).toEqual({
      kind: 'bad',
      message: 'This share link does not hold a design Tierwise can open: The design in the share link has no valid schemaVersion (found nothing).',
    });
  });

  it('refuses a design from a newer Tierwise', () => {
    const result = readShareFragment(packed({ ...threeTier(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(result).toEqual({
      kind: 'bad',
      message: `This share link does not hold a design Tierwise can open: The design in the share link has schemaVersion ${SCHEMA_VERSION + 1}, newer than this Tierwise understands (${SCHEMA_VERSION}). Update Tierwise to open it.`,
    });
  });

  it('refuses a crafted design: prototype keys, bad shapes, broken references', () => {
    const proto = JSON.parse(`{"schemaVersion":${SCHEMA_VERSION},"name":"x","vpcs":{"__proto__":{"polluted":true}}}`);
    const r1 = readShareFragment(packed(proto));
    expect(r1).toEqual({
      kind: 'bad',
      message: 'This share link does not hold a design Tierwise can open: The key "__proto__" is not allowed in a design (at vpcs.__proto__).',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const d = threeTier();
    const r2 = readShareFragment(packed({ ...d, name: 42 }));
    expect(r2.kind).toBe('bad');
    expect(r2.kind === 'bad' && r2.message).toMatch(/^This share link does not hold a design Tierwise can open: Invalid design at name/);

    const subnet = Object.values(d.subnets)[0]!;
    const dangling = { ...d, subnets: { ...d.subnets, [subnet.id]: { ...subnet, vpcId: 'vpc-nowhere' } } };
    const r3 = readShareFragment(packed(dangling));
    expect(r3.kind).toBe('bad');
    expect(r3.kind === 'bad' && r3.message).toContain('vpc-nowhere');
  });

  it('does not try to expand a fragment longer than Tierwise ever writes', () => {
    const long = `#design=${'A'.repeat(MAX_SHARE_FRAGMENT_LENGTH + 1)}`;
    expect(readShareFragment(long)).toEqual({
      kind: 'bad',
      message: 'This share link is 16,001 characters long, more than Tierwise ever makes (at most 16,000), so it was not opened.',
    });
  });
});

describe('the name of a shared copy', () => {
  it('adds "(shared)", numbering it when the name is taken', () => {
    expect(sharedCopyName('Three-tier web app', new Set())).toBe('Three-tier web app (shared)');
    expect(sharedCopyName('Three-tier web app', new Set(['Three-tier web app (shared)']))).toBe('Three-tier web app (shared 2)');
    expect(sharedCopyName('A', new Set(['A (shared)', 'A (shared 2)']))).toBe('A (shared 3)');
  });

  it('stays within 255 characters', () => {
    const name = sharedCopyName('x'.repeat(255), new Set());
    expect(name).toBe(`${'x'.repeat(246)} (shared)`);
    expect(name).toHaveLength(255);
  });
});
