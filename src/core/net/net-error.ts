/** Why a piece of network text (an address, a CIDR, a protocol, a port or ICMP range) was refused. */
export type NetErrorCode =
  | 'address/syntax'
  | 'cidr/syntax'
  | 'cidr/prefix'
  | 'cidr/not-canonical'
  | 'protocol/unknown'
  | 'protocol/range'
  | 'port/range'
  | 'icmp/range';

/** A refused input: a stable code for the UI and tests, a sentence for people, and the text refused. */
export interface NetError {
  readonly code: NetErrorCode;
  readonly message: string;
  readonly input: string;
}

/** Builds a NetError; frozen because parse results are shared through caches. */
export function netError(code: NetErrorCode, message: string, input: string): NetError {
  return Object.freeze({ code, message, input });
}
