/**
 * Who a rule is about, read as the scanners read it: "the world" is 0.0.0.0/0 and ::/0 (both
 * families), public means not entirely inside private space (RFC 1918, CGNAT, link-local, ULA).
 */
import type { RulePeer } from '../../model/types.ts';
import { isPrivateCidr, isWorldCidr, parseCidrCached, type Cidr } from '../../net/index.ts';

/** The two world CIDRs, IPv4 first. */
export const WORLD_CIDRS = ['0.0.0.0/0', '::/0'] as const;

/** A CIDR text parsed (host bits cleared as AWS does), or undefined when it is not a CIDR. */
export function cidrOf(text: string): Cidr | undefined {
  const r = parseCidrCached(text);
  return r.ok ? r.value : undefined;
}

/** The CIDR a rule peer names, or undefined for group and prefix-list peers. */
export function peerCidr(peer: RulePeer): Cidr | undefined {
  return peer.kind === 'cidr' ? cidrOf(peer.cidr) : undefined;
}

/** Whether a CIDR text is 0.0.0.0/0 or ::/0 (any spelling). */
export function isWorldText(text: string): boolean {
  const c = cidrOf(text);
  return c !== undefined && isWorldCidr(c);
}

/** Whether a rule peer is the world (a 0.0.0.0/0 or ::/0 CIDR). */
export function isWorldPeer(peer: RulePeer): boolean {
  const c = peerCidr(peer);
  return c !== undefined && isWorldCidr(c);
}

/** Whether a block reaches outside private space: the world, and any block not wholly private. */
export function isPublicCidr(c: Cidr): boolean {
  return !isPrivateCidr(c);
}

/** Whether a block is public and narrower than the world (a named range of the Internet). */
export function isPublicRange(c: Cidr): boolean {
  return !isWorldCidr(c) && isPublicCidr(c);
}
