/**
 * The intrinsic functions that compute on values already resolved: Fn::Join, Fn::Split,
 * Fn::Select, Fn::Base64, Fn::Cidr (on the project's CIDR algebra) and Fn::GetAZs. A malformed
 * call is the template's error and fails with its path; an argument that is Unresolved makes the
 * result Unresolved.
 */
import { addressBits, cidrFromBlock, parseCidr } from '../../net/index.ts';
import type { Cursor } from '../aws/cursor.ts';
import { describeValue } from '../aws/cursor.ts';
import { findUnresolved, scalarText, Unresolved, type Resolved } from './values.ts';

const INDEX = /^\s*\d+\s*$/;

/** A call the template got wrong: an error naming the function and what is wrong, at its path. */
export function malformed(at: Cursor, fn: string, detail: string): never {
  return at.fail(`is a malformed ${fn}: ${detail}.`, 'import/cfn-intrinsic');
}

function text(value: Resolved, at: Cursor, fn: string, what: string): string | Unresolved {
  if (value instanceof Unresolved) return value;
  const s = scalarText(value);
  if (s === undefined) return malformed(at, fn, `${what} should be text, but it is ${describeValue(value)}`);
  return s;
}

/** Fn::Join [delimiter, [values]]. */
export function join(args: Resolved, at: Cursor): Resolved {
  if (!Array.isArray(args) || args.length !== 2) return malformed(at, 'Fn::Join', 'it takes [delimiter, [values]]');
  const [delimiter, list] = args;
  const u = findUnresolved(args);
  if (u) return u;
  if (typeof delimiter !== 'string') return malformed(at, 'Fn::Join', `the delimiter should be a string, but it is ${describeValue(delimiter)}`);
  if (!Array.isArray(list)) return malformed(at, 'Fn::Join', `it joins a list, but it was given ${describeValue(list)}`);
  const parts: string[] = [];
  for (const item of list) {
    const s = text(item, at, 'Fn::Join', 'every value');
    if (s instanceof Unresolved) return s;
    parts.push(s);
  }
  return parts.join(delimiter);
}

/** Fn::Split [delimiter, text]. */
export function split(args: Resolved, at: Cursor): Resolved {
  if (!Array.isArray(args) || args.length !== 2) return malformed(at, 'Fn::Split', 'it takes [delimiter, text]');
  const u = findUnresolved(args);
  if (u) return u;
  const [delimiter, source] = args;
  if (typeof delimiter !== 'string' || delimiter === '') return malformed(at, 'Fn::Split', 'the delimiter should be a non-empty string');
  const s = text(source as Resolved, at, 'Fn::Split', 'the text to split');
  return s instanceof Unresolved ? s : s.split(delimiter);
}

/** Fn::Select [index, [values]]. */
export function select(args: Resolved, at: Cursor): Resolved {
  if (!Array.isArray(args) || args.length !== 2) return malformed(at, 'Fn::Select', 'it takes [index, [values]]');
  const [index, list] = args;
  if (index instanceof Unresolved) return index;
  if (list instanceof Unresolved) return list;
  const n = typeof index === 'number' ? index : typeof index === 'string' && INDEX.test(index) ? Number(index) : NaN;
  if (!Number.isInteger(n) || n < 0) return malformed(at, 'Fn::Select', `the index should be a whole number, but it is ${describeValue(index)}`);
  if (!Array.isArray(list)) return malformed(at, 'Fn::Select', `it picks from a list, but it was given ${describeValue(list)}`);
  if (n >= list.length) return new Unresolved(`Fn::Select asks for item ${n} of a list of ${list.length}`);
  return list[n]!;
}

/** Fn::Base64 text. */
export function base64(arg: Resolved, at: Cursor): Resolved {
  const s = text(arg, at, 'Fn::Base64', 'its argument');
  if (s instanceof Unresolved) return s;
  return base64Text(s);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 of the text's UTF-8 bytes (core code has neither btoa nor TextEncoder in its types). */
export function base64Text(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** Fn::Cidr [block, count, hostBits]: the first `count` blocks of `hostBits` host bits inside `block`. */
export function cidr(args: Resolved, at: Cursor): Resolved {
  if (!Array.isArray(args) || args.length !== 3) return malformed(at, 'Fn::Cidr', 'it takes [ipBlock, count, cidrBits]');
  const u = findUnresolved(args);
  if (u) return u;
  const [blockText, countRaw, bitsRaw] = args;
  const block = typeof blockText === 'string' ? parseCidr(blockText) : undefined;
  if (!block?.ok) return malformed(at, 'Fn::Cidr', `the block should be a CIDR, but it is ${describeValue(blockText)}`);
  const count = Number(countRaw);
  const hostBits = Number(bitsRaw);
  const total = addressBits(block.value.family);
  if (!Number.isInteger(count) || count < 1 || count > 256) return malformed(at, 'Fn::Cidr', `the count is 1 to 256, not ${describeValue(countRaw)}`);
  const prefix = total - hostBits;
  if (!Number.isInteger(hostBits) || hostBits < 0 || prefix < block.value.prefix) {
    return malformed(at, 'Fn::Cidr', `${block.value.text} cannot be cut into blocks of ${describeValue(bitsRaw)} host bits`);
  }
  const available = 2n ** BigInt(prefix - block.value.prefix);
  if (BigInt(count) > available) return malformed(at, 'Fn::Cidr', `${block.value.text} holds ${available} blocks of ${hostBits} host bits, not ${count}`);
  const size = 2n ** BigInt(hostBits);
  return Array.from({ length: count }, (_, i) => cidrFromBlock(block.value.family, block.value.first + BigInt(i) * size, prefix).text);
}

/** Zone letters assumed per Region: us-east-1 has six, us-west-2 four, most others three. */
const ZONE_LETTERS: Record<string, string> = { 'us-east-1': 'abcdef', 'us-west-2': 'abcd', 'ap-northeast-1': 'acd' };

/** Fn::GetAZs: the Region's zone names, as far as they can be known without an account. */
export function zonesOf(region: string): string[] {
  return [...(ZONE_LETTERS[region] ?? 'abc')].map((letter) => `${region}${letter}`);
}

/** The parts of an Fn::Sub string: literal text and `${name}` / `${Resource.Attribute}` references. */
export type SubPart = { text: string } | { ref: string; attribute?: string };

/** Splits an Fn::Sub template; `${!Literal}` stays literal as `${Literal}`. */
export function subParts(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let rest = template;
  for (;;) {
    const start = rest.indexOf('${');
    if (start < 0) break;
    const end = rest.indexOf('}', start);
    if (end < 0) break;
    if (start > 0) parts.push({ text: rest.slice(0, start) });
    const inner = rest.slice(start + 2, end);
    if (inner.startsWith('!')) parts.push({ text: `\${${inner.slice(1)}}` });
    else {
      const name = inner.trim();
      const dot = name.indexOf('.');
      parts.push(dot < 0 || name.startsWith('AWS::') ? { ref: name } : { ref: name.slice(0, dot), attribute: name.slice(dot + 1) });
    }
    rest = rest.slice(end + 1);
  }
  if (rest !== '') parts.push({ text: rest });
  return parts;
}
