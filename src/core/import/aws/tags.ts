/** Tags and names: `Tags`, `TagSet` (network interfaces) or `TagList` (RDS), and the Name tag as the display name. */
import type { Tags } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';

const TAG_KEYS = ['Tags', 'TagSet', 'TagList'] as const;
/** Keys that would reach Object.prototype in a Tags record. */
export const RESERVED_TAG_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_TEXT = 255;

/** The item's tags as a record, or undefined when it has none. */
export function readTags(item: Cursor, ctx: ImportContext): Tags | undefined {
  const tags: Tags = {};
  let any = false;
  for (const key of TAG_KEYS) {
    for (const tag of item.objects(key)) {
      const k = tag.str('Key');
      if (k === undefined) continue;
      if (RESERVED_TAG_KEYS.has(k)) {
        ctx.warn('import/tag-dropped', `the tag key ${JSON.stringify(k)} cannot be kept in a design; it was left out.`, tag.at('Key'));
        continue;
      }
      tags[k] = tag.str('Value') ?? '';
      any = true;
    }
  }
  return any ? tags : undefined;
}

/** The Name tag when it has text, else the fallback (an id or a group name), at most 255 characters. */
export function nameFrom(tags: Tags | undefined, fallback: string): string {
  const tagged = tags?.Name?.trim();
  return (tagged ? tagged : fallback).slice(0, MAX_TEXT);
}

/** Text cut to the model's 255 characters, with a warning when something was cut. */
export function clipText(text: string, ctx: ImportContext, at: Cursor, what: string): string {
  if (text.length <= MAX_TEXT) return text;
  ctx.warn('import/text-clipped', `the ${what} is ${text.length} characters long; only the first ${MAX_TEXT} were kept.`, at);
  return text.slice(0, MAX_TEXT);
}
