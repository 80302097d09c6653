import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addressFromValue,
  compareAddresses,
  formatAddress,
  parseAddress,
  parseAddressCached,
  unmapIpv4,
  type Address,
} from './address.ts';
import { unwrap } from '../model/result.ts';

const addr = (text: string): Address => unwrap(parseAddress(text));
const errorOf = (text: string) => {
  const r = parseAddress(text);
  if (r.ok) throw new Error(`${text} parsed as ${r.value.text}`);
  return r.error;
};

describe('parseAddress', () => {
  it('reads IPv4 dotted decimal into its integer value', () => {
    expect(addr('10.1.2.3')).toEqual({ family: 4, value: 0x0a010203n, text: '10.1.2.3' });
    expect(addr('0.0.0.0')).toEqual({ family: 4, value: 0n, text: '0.0.0.0' });
    expect(addr('255.255.255.255')).toEqual({ family: 4, value: 0xffffffffn, text: '255.255.255.255' });
  });

  it('reads IPv6 and spells it compressed and lowercase (RFC 5952)', () => {
    expect(addr('2001:DB8:0:0:0:0:0:1')).toEqual({ family: 6, value: 0x20010db8000000000000000000000001n, text: '2001:db8::1' });
    expect(addr('::')).toEqual({ family: 6, value: 0n, text: '::' });
    expect(addr('FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF').value).toBe((1n << 128n) - 1n);
    expect(addr('2001:0db8:0000:0000:0001:0000:0000:0001').text).toBe('2001:db8::1:0:0:1');
    expect(addr('1:2:3:4:5:6:7::').text).toBe('1:2:3:4:5:6:7:0');
  });

  it('ignores surrounding whitespace but not whitespace inside', () => {
    expect(addr('  10.0.0.1\t')).toEqual({ family: 4, value: 0x0a000001n, text: '10.0.0.1' });
    expect(errorOf('10.0. 0.1')).toEqual({
      code: 'address/syntax',
      message: '10.0. 0.1 is not an IPv4 address: " 0" is not a decimal number',
      input: '10.0. 0.1',
    });
  });

  it('keeps IPv4-mapped IPv6 addresses IPv6, spelled with a dotted tail', () => {
    const mapped = addr('::FFFF:10.0.0.1');
    expect(mapped).toEqual({ family: 6, value: 0xffff0a000001n, text: '::ffff:10.0.0.1' });
    expect(addr('::ffff:a00:1')).toEqual(mapped);
    expect(unmapIpv4(mapped)).toEqual({ family: 4, value: 0x0a000001n, text: '10.0.0.1' });
  });

  it('gives the deprecated IPv4-compatible form ::a.b.c.d its own value, not the mapped one', () => {
    expect(addr('::1.2.3.4')).toEqual({ family: 6, value: 0x01020304n, text: '::102:304' });
    expect(unmapIpv4(addr('::1.2.3.4')).family).toBe(6);
  });

  it.each([
    ['10.0.0.300', 'address/syntax', '10.0.0.300 is not an IPv4 address: 300 is over 255'],
    ['010.0.0.1', 'address/syntax', '010.0.0.1 is not an IPv4 address: 010 has a leading zero; write it as 10'],
    ['10.0.0', 'address/syntax', '10.0.0 is not an IPv4 address: it has 3 parts separated by dots; an IPv4 address has 4 (a.b.c.d)'],
    ['10..0.1', 'address/syntax', '10..0.1 is not an IPv4 address: one of its four numbers is empty'],
    ['0x0a.0.0.1', 'address/syntax', '0x0a.0.0.1 is not an IPv4 address: "0x0a" is not a decimal number'],
    ['167772161', 'address/syntax', '167772161 is not an IPv4 address: it has 1 part separated by dots; an IPv4 address has 4 (a.b.c.d)'],
    ['', 'address/syntax', 'The address is empty: expected an IPv4 or IPv6 address'],
    ['host', 'address/syntax', 'host is not an IP address: expected a.b.c.d (IPv4) or hexadecimal groups separated by colons (IPv6)'],
    ['fe80::1%eth0', 'address/syntax', 'fe80::1%eth0 is not an IPv6 address: zone ids (the %… suffix) are not allowed'],
    ['2001:db8::g', 'address/syntax', '2001:db8::g is not an IPv6 address: "g" is not a hexadecimal digit'],
    ['1::2::3', 'address/syntax', "1::2::3 is not an IPv6 address: '::' may appear only once"],
    ['1:::2', 'address/syntax', "1:::2 is not an IPv6 address: ':::' is not allowed; '::' stands for a run of zero groups"],
    ['12345::', 'address/syntax', '12345:: is not an IPv6 address: group 12345 has more than 4 hex digits'],
    ['1:2:3:4:5:6:7', 'address/syntax', "1:2:3:4:5:6:7 is not an IPv6 address: it has 7 groups; without '::' an IPv6 address needs 8"],
    [':1:2:3:4:5:6:7', 'address/syntax', ':1:2:3:4:5:6:7 is not an IPv6 address: it starts with a single colon'],
    ['1:2:3:4:5:6:7:', 'address/syntax', '1:2:3:4:5:6:7: is not an IPv6 address: it ends with a single colon'],
    ['::ffff:1.2.3.256', 'address/syntax', '::ffff:1.2.3.256 is not an IPv6 address: its IPv4 part 1.2.3.256 is not valid: 256 is over 255'],
    ['::ffff:01.2.3.4', 'address/syntax', '::ffff:01.2.3.4 is not an IPv6 address: its IPv4 part 01.2.3.4 is not valid: 01 has a leading zero; write it as 1'],
    ['1.2.3.4::', 'address/syntax', '1.2.3.4:: is not an IPv6 address: a dotted IPv4 part may only come last'],
  ])('refuses %j saying exactly why', (input, code, message) => {
    expect(errorOf(input)).toEqual({ code, message, input });
  });
});

describe('parseAddressCached', () => {
  it('returns the same frozen result for the same text', () => {
    const a = parseAddressCached('192.0.2.7');
    expect(parseAddressCached('192.0.2.7')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual(parseAddress('192.0.2.7'));
  });

  it('caches refusals too', () => {
    const r = parseAddressCached('300.1.1.1');
    expect(r.ok).toBe(false);
    expect(parseAddressCached('300.1.1.1')).toBe(r);
  });
});

describe('addressFromValue and formatAddress', () => {
  it('refuses values outside the family', () => {
    expect(() => addressFromValue(4, 1n << 32n)).toThrow(RangeError);
    expect(() => addressFromValue(6, -1n)).toThrow(RangeError);
  });

  it('round-trips every IPv4 value through text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 0xffffffffn }), (v) => {
        expect(addr(formatAddress(4, v)).value).toBe(v);
      }),
    );
  });

  it('round-trips every IPv6 value through canonical text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (v) => {
        const text = formatAddress(6, v);
        expect(addr(text)).toEqual({ family: 6, value: v, text });
      }),
    );
  });

  it('round-trips zero-heavy IPv6 values, where compression is tricky', () => {
    const group = fc.constantFrom(0, 0, 0, 1, 0xffff, 0xdb8);
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const v = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
        expect(addr(formatAddress(6, v)).value).toBe(v);
        expect(addr(groups.map((g) => g.toString(16).toUpperCase()).join(':')).text).toBe(formatAddress(6, v));
      }),
    );
  });
});

describe('compareAddresses', () => {
  it('sorts IPv4 before IPv6, then by value', () => {
    const sorted = ['::1', '10.0.0.2', '9.255.255.255', '10.0.0.1'].map(addr).sort(compareAddresses);
    expect(sorted.map((a) => a.text)).toEqual(['9.255.255.255', '10.0.0.1', '10.0.0.2', '::1']);
  });
});
