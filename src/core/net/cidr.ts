import { err, ok, type Result } from '../model/result.ts';
import { addressBits, formatAddress, readAddress, type Address, type IpFamily } from './address.ts';
import { BoundedCache } from './bounded-cache.ts';
import { netError, type NetError } from './net-error.ts';

/** A CIDR block as the inclusive address range [first, last]; `text` is the canonical spelling AWS stores. */
export interface Cidr {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
  readonly prefix: number;
  readonly text: string;
}

export interface ParseCidrOptions {
  /** Refuse host bits after the prefix (10.0.0.5/16) instead of clearing them as AWS does. */
  strict?: boolean;
  /** Read a bare address as a single-address block (/32 or /128). */
  allowBareAddress?: boolean;
}

const DIGITS = /^\d+$/;

/** Parses an IPv4 or IPv6 CIDR (surrounding whitespace ignored); host bits are cleared unless `strict`. */
export function parseCidr(text: string, options: ParseCidrOptions = {}): Result<Cidr, NetError> {
  const s = text.trim();
  if (s === '') return err(netError('cidr/syntax', 'The CIDR is empty: expected a block such as 10.0.0.0/16 or 2001:db8::/56', text));
  const slash = s.indexOf('/');
  if (slash !== s.lastIndexOf('/')) return err(netError('cidr/syntax', `${s} is not a CIDR: it has more than one '/'`, text));

  const reading = readAddress(slash < 0 ? s : s.slice(0, slash));
  if (!reading.ok) {
    const what = reading.family === undefined ? 'a CIDR' : `an IPv${reading.family} CIDR`;
    return err(netError('cidr/syntax', `${s} is not ${what}: ${reading.reason}`, text));
  }
  const { family, value } = reading;
  const bits = addressBits(family);

  let prefix: number = bits;
  if (slash < 0) {
    if (!options.allowBareAddress) {
      return err(netError('cidr/prefix', `${s} has no prefix length: write ${s}/${bits} for this one address, or give the block's /n`, text));
    }
  } else {
    const prefixText = s.slice(slash + 1);
    if (prefixText === '') return err(netError('cidr/prefix', `${s} has no prefix length after '/'`, text));
    if (!DIGITS.test(prefixText)) {
      return err(netError('cidr/prefix', `${s}: the prefix length ${JSON.stringify(prefixText)} is not a whole number`, text));
    }
    if (prefixText.length > 1 && prefixText.startsWith('0')) {
      return err(netError('cidr/prefix', `${s}: the prefix length ${prefixText} has a leading zero; write /${Number(prefixText)}`, text));
    }
    prefix = Number(prefixText);
    if (prefix > bits) {
      return err(netError('cidr/prefix', `${s}: an IPv${family} prefix length is 0 to ${bits}, not ${prefixText}`, text));
    }
  }

  const cidr = cidrFromBlock(family, value, prefix);
  if (options.strict && cidr.first !== value) {
    return err(
      netError('cidr/not-canonical', `${s} has host bits set after /${prefix}: write ${cidr.text} (AWS stores it that way)`, text),
    );
  }
  return ok(cidr);
}

const cidrCache = new BoundedCache<string, Result<Cidr, NetError>>(16_384);

/** parseCidr memoised on the exact text and options; results are frozen and shared. */
export function parseCidrCached(text: string, options: ParseCidrOptions = {}): Result<Cidr, NetError> {
  const key = `${options.strict ? 's' : '-'}${options.allowBareAddress ? 'b' : '-'}${text}`;
  let result = cidrCache.get(key);
  if (result === undefined) {
    result = Object.freeze(parseCidr(text, options));
    cidrCache.set(key, result);
  }
  return result;
}

/** The canonical spelling of a CIDR (host bits cleared, IPv6 compressed lowercase), or why it is not one. */
export function canonicalCidr(text: string, options: ParseCidrOptions = {}): Result<string, NetError> {
  const parsed = parseCidr(text, options);
  return parsed.ok ? ok(parsed.value.text) : parsed;
}

/** The block of the given prefix length that contains `value` (host bits are cleared). */
export function cidrFromBlock(family: IpFamily, value: bigint, prefix: number): Cidr {
  const bits = addressBits(family);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
    throw new RangeError(`an IPv${family} prefix length is 0 to ${bits}, not ${prefix}`);
  }
  const hostBits = BigInt(bits - prefix);
  const first = (value >> hostBits) << hostBits;
  const last = first | ((1n << hostBits) - 1n);
  return Object.freeze({ family, first, last, prefix, text: `${formatAddress(family, first)}/${prefix}` });
}

/** Whether the address lies in the block (always false across families). */
export function cidrContainsAddress(cidr: Cidr, address: Address): boolean {
  return cidr.family === address.family && cidr.first <= address.value && address.value <= cidr.last;
}

/** Whether `inner` lies entirely in `outer`. */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

/** Whether the two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Whether the block is the whole address space of its family (0.0.0.0/0 or ::/0). */
export function isWorldCidr(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}

/** Number of addresses in the block. */
export function cidrSize(cidr: Cidr): bigint {
  return cidr.last - cidr.first + 1n;
}

/** Index of the most specific candidate containing the address (the first on a tie), or -1: route selection. */
export function longestPrefixMatch(address: Address, candidates: readonly Cidr[]): number {
  let best = -1;
  let bestPrefix = -1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.prefix > bestPrefix && cidrContainsAddress(c, address)) {
      best = i;
      bestPrefix = c.prefix;
    }
  }
  return best;
}

/** Orders blocks for stable output: IPv4 first, then by first address, then wider before narrower. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.first !== b.first) return a.first < b.first ? -1 : 1;
  return a.prefix - b.prefix;
}
