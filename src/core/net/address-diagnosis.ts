/**
 * Says why a text is not an address. ipaddr.js decides validity; this only finds the words for
 * the first rule broken, so that a user typing into a field learns exactly what to fix.
 */

const DECIMAL = /^\d+$/;

/** Which family the text was presumably meant to be: a colon means IPv6, digits and dots IPv4. */
export function intendedFamily(text: string): 4 | 6 | undefined {
  if (text.includes(':')) return 6;
  if (/^[\d.]+$/.test(text) || text.includes('.')) return 4;
  return undefined;
}

/** The first rule of dotted-quad IPv4 notation that the text breaks. */
export function explainBadIpv4(text: string): string {
  return ipv4Problem(text) ?? 'it is not a dotted-quad address';
}

/** The first broken rule of dotted-quad notation, or undefined when the text follows them all. */
function ipv4Problem(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return `it has ${parts.length} ${parts.length === 1 ? 'part' : 'parts'} separated by dots; an IPv4 address has 4 (a.b.c.d)`;
  }
  for (const part of parts) {
    if (part === '') return 'one of its four numbers is empty';
    if (!DECIMAL.test(part)) return `${JSON.stringify(part)} is not a decimal number`;
    // Some tools read a leading zero as octal (010 = 8), others as decimal: refuse the ambiguity.
    if (part.length > 1 && part.startsWith('0')) return `${part} has a leading zero; write it as ${Number(part)}`;
    if (Number(part) > 255) return `${part} is over 255`;
  }
  return undefined;
}

/** The first rule of IPv6 notation (RFC 4291 section 2.2) that the text breaks. */
export function explainBadIpv6(text: string): string {
  if (text.includes('%')) return 'zone ids (the %… suffix) are not allowed';
  if (/\s/.test(text)) return 'it contains whitespace';
  const bad = /[^0-9a-f:.]/i.exec(text);
  if (bad) return `${JSON.stringify(bad[0])} is not a hexadecimal digit`;
  if (text.includes(':::')) return "':::' is not allowed; '::' stands for a run of zero groups";
  const compressions = text.split('::').length - 1;
  if (compressions > 1) return "'::' may appear only once";
  if (/^:[^:]/.test(text)) return 'it starts with a single colon';
  if (/[^:]:$/.test(text)) return 'it ends with a single colon';

  const lastColon = text.lastIndexOf(':');
  const dotted = text.includes('.');
  const tail = text.slice(lastColon + 1);
  if (dotted && !tail.includes('.')) return 'a dotted IPv4 part may only come last';
  if (dotted) {
    const reason = ipv4Problem(tail);
    if (reason) return `its IPv4 part ${tail} is not valid: ${reason}`;
  }
  const groups = (dotted ? text.slice(0, lastColon + 1) : text).split(':').filter((g) => g !== '');
  for (const g of groups) {
    if (g.includes('.')) return 'a dotted IPv4 part may only come last';
    if (g.length > 4) return `group ${g} has more than 4 hex digits`;
  }
  const groupCount = groups.length + (dotted ? 2 : 0); // a dotted IPv4 tail fills two groups
  if (compressions === 0 && groupCount !== 8) {
    return `it has ${groupCount} groups; without '::' an IPv6 address needs 8`;
  }
  if (compressions === 1 && groupCount > 7) {
    return `it has ${groupCount} groups and '::'; '::' must stand for at least one zero group, so at most 7 may be written`;
  }
  return 'it does not follow IPv6 notation';
}
