/**
 * describe-managed-prefix-lists (PrefixLists: id, name, AddressFamily, MaxEntries) with
 * get-managed-prefix-list-entries (Entries[{Cidr, Description}], named by the collector's top-level
 * PrefixListId). The older describe-prefix-lists shape (Cidrs[]) is read too.
 */
import type { PrefixList, PrefixListEntry } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr, readCidrValue } from './addresses.ts';
import { clipText, nameFrom, readTags } from './tags.ts';

function readEntry(entry: Cursor, ctx: ImportContext): PrefixListEntry | undefined {
  const cidr = readCidr(entry, 'Cidr', ctx);
  if (!cidr) return undefined;
  const description = entry.str('Description');
  return { cidr, ...(description ? { description: clipText(description, ctx, entry.at('Description'), 'description') } : {}) };
}

/** Imports managed prefix lists with their entries. */
export function importPrefixLists(
  items: Cursor[],
  entries: Array<{ prefixListId: string; item: Cursor }>,
  ctx: ImportContext,
): void {
  const byList = new Map<string, PrefixListEntry[]>();
  for (const { prefixListId, item } of entries) {
    const e = readEntry(item, ctx);
    const list = byList.get(prefixListId) ?? [];
    if (e && !list.some((x) => x.cidr === e.cidr)) list.push(e);
    byList.set(prefixListId, list);
  }
  for (const item of items) {
    const id = item.id('PrefixListId');
    const own = item.objects('Entries').flatMap((e) => readEntry(e, ctx) ?? []);
    const cidrs = item.list('Cidrs').flatMap((c) => readCidrValue(c, ctx) ?? []);
    const listed: PrefixListEntry[] = [];
    for (const e of [...own, ...cidrs.map((cidr) => ({ cidr })), ...(byList.get(id) ?? [])]) {
      if (!listed.some((x) => x.cidr === e.cidr)) listed.push(e);
    }
    const family = item.str('AddressFamily');
    const addressFamily: PrefixList['addressFamily'] =
      family === 'IPv6' || (family === undefined && listed.some((e) => e.cidr.includes(':'))) ? 'IPv6' : 'IPv4';
    let maxEntries = item.int('MaxEntries') ?? Math.max(listed.length, 1);
    if (maxEntries < 1 || maxEntries > 1000) {
      ctx.warn('import/prefix-list-size', `MaxEntries ${maxEntries} is outside 1..1000; ${Math.min(Math.max(maxEntries, 1), 1000)} was used.`, item.at('MaxEntries'), id);
      maxEntries = Math.min(Math.max(maxEntries, 1), 1000);
    }
    const tags = readTags(item, ctx);
    ctx.put('prefixLists', ctx.prefixLists, id, { id, name: nameFrom(tags, item.str('PrefixListName') || id), addressFamily, maxEntries, entries: listed }, item);
  }
  for (const id of byList.keys()) {
    if (!ctx.prefixLists.has(id)) {
      ctx.warn('import/unknown-prefix-list', `entries were given for prefix list ${id}, which describe-managed-prefix-lists does not list; they were left out.`, undefined, id);
    }
  }
}
