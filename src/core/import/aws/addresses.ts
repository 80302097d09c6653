/** CIDRs and addresses from the bundle, in the canonical form the design stores. */
import { parseAddress, parseCidr } from '../../net/index.ts';
import { describeValue, type Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';

/**
 * The canonical CIDR of the string field `key`, or undefined when it is missing. A block with host
 * bits set is cleared the way AWS stores it, with a warning; text that is no CIDR is an error.
 */
export function readCidr(item: Cursor, key: string, ctx: ImportContext, family?: 4 | 6): string | undefined {
  const raw = item.str(key);
  if (raw === undefined || raw.trim() === '') return undefined;
  return cidrText(raw, item.at(key), ctx, family);
}

/** readCidr for a position that holds the CIDR string itself (an element of a list of CIDRs). */
export function readCidrValue(at: Cursor, ctx: ImportContext, family?: 4 | 6): string | undefined {
  if (at.missing) return undefined;
  if (typeof at.value !== 'string') return at.fail(`should be a CIDR string, but it is ${describeValue(at.value)}.`);
  return at.value.trim() === '' ? undefined : cidrText(at.value, at, ctx, family);
}

function cidrText(raw: string, at: Cursor, ctx: ImportContext, family?: 4 | 6): string {
  const parsed = parseCidr(raw);
  if (!parsed.ok) at.fail(`is not a CIDR: ${parsed.error.message}.`, 'import/cidr');
  const cidr = parsed.value;
  if (family && cidr.family !== family) at.fail(`is an IPv${cidr.family} CIDR (${raw}); an IPv${family} one belongs here.`, 'import/cidr');
  const strict = parseCidr(raw, { strict: true });
  if (!strict.ok) {
    ctx.warn('import/cidr-canonicalised', `${raw.trim()} has host bits set; it was read as ${cidr.text}, the way AWS stores it.`, at);
  }
  return cidr.text;
}

const DASHED_IPV4 = /^\d{1,3}(-\d{1,3}){3}$/;

/**
 * The canonical address in the string field `key`, or undefined when missing or unreadable.
 * "10-0-0-157" (the hostname spelling, seen in AWS's own examples) is read as 10.0.0.157 with a
 * warning; anything else unreadable is left out with a warning.
 */
export function readAddress(item: Cursor, key: string, ctx: ImportContext): string | undefined {
  const raw = item.str(key)?.trim();
  if (raw === undefined || raw === '') return undefined;
  const at = item.at(key);
  const parsed = parseAddress(raw);
  if (parsed.ok) return parsed.value.text;
  if (DASHED_IPV4.test(raw)) {
    const repaired = parseAddress(raw.replaceAll('-', '.'));
    if (repaired.ok) {
      ctx.warn('import/address-repaired', `"${raw}" is not an IP address; it was read as ${repaired.value.text}.`, at);
      return repaired.value.text;
    }
  }
  ctx.warn('import/address-dropped', `"${raw}" is not an IP address and was left out (${parsed.error.message}).`, at);
  return undefined;
}
