/**
 * What the Paths panel asks: reach from a source (optionally to a target), or who reaches a
 * resource, narrowed by a protocol and port. Plain data, so the store holds it and tests build it.
 */
import type { Design } from '../../../core/model/index.ts';
import type { Endpoint, Flow } from '../../../core/engine/index.ts';

/** One end people pick: the Internet, a named external network, or a resource. */
export type PathEnd = { kind: 'internet' } | { kind: 'external'; id: string } | { kind: 'resource'; id: string };

export type PathProtocol = 'all' | 'tcp' | 'udp' | 'icmp';

export interface PathFilter {
  protocol: PathProtocol;
  /** tcp/udp only; absent: every port. */
  port?: number;
}

export type PathQuery =
  /** Everything `source` reaches; with a target, the flow to it hop by hop. */
  | { mode: 'from'; source: PathEnd; target?: PathEnd; filter: PathFilter }
  /** Who reaches the resource `target`. */
  | { mode: 'to'; target: string; filter: PathFilter };

export const ALL_TRAFFIC: PathFilter = { protocol: 'all' };

export function flowOf(f: PathFilter): Flow {
  if (f.protocol === 'tcp' || f.protocol === 'udp') return f.port === undefined ? { protocol: f.protocol } : { protocol: f.protocol, port: f.port };
  return { protocol: f.protocol };
}

/** "all traffic", "tcp 22", "udp (every port)", "icmp". */
export function filterLabel(f: PathFilter): string {
  if (f.protocol === 'all') return 'all traffic';
  if (f.protocol === 'icmp') return 'icmp';
  return f.port === undefined ? `${f.protocol} (every port)` : `${f.protocol} ${f.port}`;
}

export function endpointOf(end: PathEnd): Endpoint {
  if (end.kind === 'internet') return { kind: 'internet' };
  if (end.kind === 'external') return { kind: 'external', externalNetworkId: end.id };
  return { kind: 'resource', resourceId: end.id };
}

/** The canvas node of the Internet: the design's first external network of kind internet. */
export function internetNodeId(d: Design): string | undefined {
  return Object.values(d.externalNetworks).find((n) => n.kind === 'internet')?.id;
}

/** The canvas node an end is drawn as, if it is drawn. */
export function nodeOfEnd(d: Design, end: PathEnd): string | undefined {
  if (end.kind === 'internet') return internetNodeId(d);
  if (end.kind === 'external') return d.externalNetworks[end.id] ? end.id : undefined;
  return d.resources[end.id] ? end.id : undefined;
}

/** How a chain names its ends ('internet', a network id, a resource id) to the canvas node. */
export function nodeOfChainId(d: Design, id: string): string | undefined {
  if (id === 'internet') return internetNodeId(d);
  return d.resources[id] || d.externalNetworks[id] ? id : undefined;
}

/** "the Internet", "CorpNet", "web-1". */
export function endName(d: Design, end: PathEnd): string {
  if (end.kind === 'internet') return 'the Internet';
  if (end.kind === 'external') return d.externalNetworks[end.id]?.name ?? end.id;
  return d.resources[end.id]?.name ?? end.id;
}

/** A chain id in words: "Internet", "CorpNet", "web-1". */
export function chainIdName(d: Design, id: string): string {
  if (id === 'internet') return 'Internet';
  return d.resources[id]?.name ?? d.externalNetworks[id]?.name ?? id;
}

/** Whether an end still exists in the design. */
export function endExists(d: Design, end: PathEnd): boolean {
  if (end.kind === 'internet') return true;
  if (end.kind === 'external') return d.externalNetworks[end.id] !== undefined;
  return d.resources[end.id] !== undefined;
}

/** A stable key for an end (select options, comparisons). */
export function endKey(end: PathEnd): string {
  return end.kind === 'internet' ? 'internet' : `${end.kind}:${end.id}`;
}

export function endFromKey(key: string): PathEnd | undefined {
  if (key === 'internet') return { kind: 'internet' };
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (!id) return undefined;
  if (kind === 'external') return { kind: 'external', id };
  if (kind === 'resource') return { kind: 'resource', id };
  return undefined;
}
