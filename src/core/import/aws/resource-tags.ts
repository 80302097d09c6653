/**
 * Tags read beside their resources: elbv2 describe-tags (TagDescriptions, by ResourceArn) and
 * lambda list-tags (a key-to-value map the collector files with its FunctionArn). Neither
 * describe-load-balancers nor list-functions prints tags, and the Name tag is where a design name
 * that is not a valid AWS name (ALBs: 32 of [A-Za-z0-9-]; functions: 64 of [A-Za-z0-9-_]) survives.
 */
import type { Tags } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readTags, RESERVED_TAG_KEYS } from './tags.ts';

/** Tags by resource ARN; a later file's tag of the same key wins. */
export type TagsByArn = Map<string, Tags>;

function merge(into: TagsByArn, arn: string, tags: Tags): void {
  into.set(arn, { ...into.get(arn), ...tags });
}

/** elbv2 describe-tags: each TagDescription's Tags list under its ResourceArn. */
export function readTagDescriptions(items: Cursor[], ctx: ImportContext): TagsByArn {
  const out: TagsByArn = new Map();
  for (const item of items) {
    const arn = item.optionalId('ResourceArn');
    const tags = readTags(item, ctx);
    if (!tags) continue;
    if (!arn) {
      ctx.warn('import/tags-unattached', 'these tags name no ResourceArn, so no load balancer could take them; they were left out.', item);
      continue;
    }
    merge(out, arn, tags);
  }
  return out;
}

/** lambda list-tags maps under the FunctionArn the collector wrote beside them. */
export function readFunctionTags(entries: Array<{ functionArn: string | undefined; tags: Cursor }>, ctx: ImportContext): TagsByArn {
  const out: TagsByArn = new Map();
  for (const { functionArn, tags: map } of entries) {
    const tags: Tags = {};
    let any = false;
    for (const key of map.keys()) {
      const value = map.str(key);
      if (RESERVED_TAG_KEYS.has(key)) {
        ctx.warn('import/tag-dropped', `the tag key ${JSON.stringify(key)} cannot be kept in a design; it was left out.`, map.at(key));
        continue;
      }
      // null is what some tools print for an empty value; the tag is still there.
      tags[key] = value ?? '';
      any = true;
    }
    if (!any) continue;
    if (!functionArn) {
      ctx.warn('import/tags-unattached', 'these lambda list-tags tags have no FunctionArn beside them, so no function could take them; they were left out.', map);
      continue;
    }
    merge(out, functionArn, tags);
  }
  return out;
}

/** An item's own tags with the tags read for its ARN on top; undefined when there are none. */
export function tagsWith(own: Tags | undefined, arn: string | undefined, byArn: TagsByArn): Tags | undefined {
  const extra = arn ? byArn.get(arn) : undefined;
  return extra ? { ...own, ...extra } : own;
}
