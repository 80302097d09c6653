import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES, formatBytes } from './limits.ts';
import { readPicked } from './read-files.ts';

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
/** A file that claims a size without holding the bytes: the cap must refuse it unread. */
function sized(name: string, size: number): File {
  const f = file(name, '{}');
  Object.defineProperty(f, 'size', { value: size });
  Object.defineProperty(f, 'text', { value: () => Promise.reject(new Error('must not be read')) });
  return f;
}

describe('readPicked', () => {
  it('reads files as sources, sorted by name, keeping folder paths', async () => {
    const r = await readPicked([{ file: file('b.json', '{"Vpcs":[]}'), path: 'acct/b.json' }, { file: file('a.json', '{"Subnets":[]}'), path: 'acct/a.json' }]);
    expect(r).toEqual({ ok: true, skipped: [], sources: [{ name: 'acct/a.json', text: '{"Subnets":[]}' }, { name: 'acct/b.json', text: '{"Vpcs":[]}' }] });
  });

  it("leaves out a folder's files that cannot be inputs, but passes picked files whatever their name", async () => {
    const r = await readPicked([{ file: file('a.json', '{}'), path: 'acct/a.json' }, { file: file('README.md', '#'), path: 'acct/README.md' }, { file: file('notes.txt', 'x') }]);
    expect(r).toEqual({ ok: true, skipped: ['acct/README.md'], sources: [{ name: 'acct/a.json', text: '{}' }, { name: 'notes.txt', text: 'x' }] });
  });

  it('refuses a file over the cap before reading it, naming the file, its size and the cap', async () => {
    const r = await readPicked([{ file: file('small.json', '{}') }, { file: sized('account.json', 20 * 1024 * 1024) }]);
    expect(r).toMatchObject({ ok: false, file: 'account.json' });
    if (r.ok) return;
    expect(r.message).toContain('account.json is 20.0 MB');
    expect(r.message).toContain(`up to ${formatBytes(MAX_FILE_BYTES)}`);
  });

  it('refuses files that together exceed the total cap', async () => {
    const each = MAX_FILE_BYTES - 1;
    const n = Math.ceil(MAX_TOTAL_BYTES / each) + 1;
    const r = await readPicked(Array.from({ length: n }, (_, i) => ({ file: sized(`part-${i}.json`, each) })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`up to ${formatBytes(MAX_TOTAL_BYTES)} at once`);
  });

  it('says so when nothing is left to read', async () => {
    expect(await readPicked([])).toEqual({ ok: false, message: 'No files were given.' });
    const r = await readPicked([{ file: file('x.png', ''), path: 'd/x.png' }]);
    expect(r).toEqual({ ok: false, message: 'd/x.png is not an input Tierwise reads (.json, .yaml, .yml, .tf, .tfstate).' });
  });
});

describe('formatBytes', () => {
  it('reads like people write sizes', () => {
    expect([formatBytes(812), formatBytes(512 * 1024), formatBytes(20 * 1024 * 1024)]).toEqual(['812 bytes', '512 KB', '20.0 MB']);
  });
});
