import ipaddr from 'ipaddr.js';
import { err, ok, type Result } from '../model/result.ts';
import { explainBadIpv4, explainBadIpv6, intendedFamily } from './address-diagnosis.ts';
import { BoundedCache } from './bounded-cache.ts';
import { netError, type NetError } from './net-error.ts';

export type IpFamily = 4 | 6;

/** One IPv4 or IPv6 address. `value` is the address as an unsigned integer; `text` its canonical spelling. */
export interface Address {
  readonly family: IpFamily;
  readonly value: bigint;
  readonly text: string;
}

/** What reading an address text gave: the address, or why it is not one (without the input in the sentence). */
export type AddressReading =
  | { ok: true; family: IpFamily; value: bigint }
  | { ok: false; family: IpFamily | undefined; reason: string };

const MAPPED_PREFIX = 0xffffn; // ::ffff:0:0/96 holds IPv4-mapped addresses (RFC 4291 2.5.5.2)

/** Width in bits of an address of the family. */
export function addressBits(family: IpFamily): 32 | 128 {
  return family === 4 ? 32 : 128;
}

/** The largest address value of the family. */
export function maxAddressValue(family: IpFamily): bigint {
  return family === 4 ? 0xffff_ffffn : (1n << 128n) - 1n;
}

/** Reads an address without building messages around it: the shared core of address and CIDR parsing. */
export function readAddress(text: string): AddressReading {
  const family = intendedFamily(text);
  if (family === 6) return readIpv6(text);
  if (family === 4) return readIpv4(text);
  return {
    ok: false,
    family: undefined,
    reason: 'expected a.b.c.d (IPv4) or hexadecimal groups separated by colons (IPv6)',
  };
}

function readIpv4(text: string): AddressReading {
  // ipaddr.js alone also takes 10.1, 0x0a.0.0.1 and octal parts; AWS takes dotted decimal only.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return { ok: false, family: 4, reason: explainBadIpv4(text) };
  const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(text).octets;
  return { ok: true, family: 4, value: BigInt(((a << 24) >>> 0) + (b << 16) + (c << 8) + d) };
}

function readIpv6(text: string): AddressReading {
  const fail = (): AddressReading => ({ ok: false, family: 6, reason: explainBadIpv6(text) });
  if (text.includes('%')) return fail();
  let spelled = text;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    // ipaddr.js lets hex and leading-zero octets through in a dotted tail; hold it to AWS's IPv4 rules.
    if (!ipaddr.IPv4.isValidFourPartDecimal(text.slice(lastColon + 1))) return fail();
    // ipaddr.js reads "::a.b.c.d" (IPv4-compatible) as IPv4-mapped; "0::a.b.c.d" keeps its real value.
    if (lastColon === 1 && text.startsWith('::')) spelled = `0${text}`;
  }
  let parts: number[];
  try {
    parts = ipaddr.IPv6.parse(spelled).parts;
  } catch {
    return fail();
  }
  let value = 0n;
  for (const part of parts) value = (value << 16n) | BigInt(part);
  return { ok: true, family: 6, value };
}

/** Parses an IPv4 or IPv6 address (surrounding whitespace ignored) into its canonical form. */
export function parseAddress(text: string): Result<Address, NetError> {
  const trimmed = text.trim();
  if (trimmed === '') return err(netError('address/syntax', 'The address is empty: expected an IPv4 or IPv6 address', text));
  const reading = readAddress(trimmed);
  if (!reading.ok) {
    const what = reading.family === undefined ? 'an IP address' : `an IPv${reading.family} address`;
    return err(netError('address/syntax', `${trimmed} is not ${what}: ${reading.reason}`, text));
  }
  return ok(addressFromValue(reading.family, reading.value));
}

const addressCache = new BoundedCache<string, Result<Address, NetError>>(16_384);

/** parseAddress memoised on the exact text; results are frozen and shared. */
export function parseAddressCached(text: string): Result<Address, NetError> {
  let result = addressCache.get(text);
  if (result === undefined) {
    result = Object.freeze(parseAddress(text));
    addressCache.set(text, result);
  }
  return result;
}

/** Builds the address of a family from its integer value. */
export function addressFromValue(family: IpFamily, value: bigint): Address {
  if (value < 0n || value > maxAddressValue(family)) {
    throw new RangeError(`${value} is outside the IPv${family} address space`);
  }
  return Object.freeze({ family, value, text: formatAddress(family, value) });
}

/** Canonical text of an address value: dotted decimal, or RFC 5952 IPv6 (lowercase, longest zero run as ::). */
export function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 4) return formatIpv4(Number(value));
  // RFC 5952 section 5: IPv4-mapped addresses keep their IPv4 part dotted, as Go and Python 3.13 print them.
  if (value >> 32n === MAPPED_PREFIX) return `::ffff:${formatIpv4(Number(value & 0xffff_ffffn))}`;
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((value >> shift) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
}

function formatIpv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d); any other address unchanged. */
export function unmapIpv4(address: Address): Address {
  if (address.family === 6 && address.value >> 32n === MAPPED_PREFIX) {
    return addressFromValue(4, address.value & 0xffff_ffffn);
  }
  return address;
}

/** Compares addresses for sorting: IPv4 before IPv6, then by value. */
export function compareAddresses(a: Address, b: Address): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
