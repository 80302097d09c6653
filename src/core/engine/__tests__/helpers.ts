/** Short names for endpoints and flows in engine tests. */
import type { Endpoint, Flow, ReachResult } from '../types.ts';

export const res = (resourceId: string, eniId?: string): Endpoint => ({ kind: 'resource', resourceId, ...(eniId ? { eniId } : {}) });
export const internet = (address?: string): Endpoint => ({ kind: 'internet', ...(address ? { address } : {}) });
export const external = (externalNetworkId: string, address?: string): Endpoint => ({ kind: 'external', externalNetworkId, ...(address ? { address } : {}) });

export const tcpFlow = (port?: number): Flow => ({ protocol: 'tcp', ...(port !== undefined ? { port } : {}) });
export const udpFlow = (port?: number): Flow => ({ protocol: 'udp', ...(port !== undefined ? { port } : {}) });
export const allFlow = (): Flow => ({ protocol: 'all' });
export const icmpFlow = (icmpType?: number, icmpCode?: number): Flow => ({ protocol: 'icmp', ...(icmpType !== undefined ? { icmpType } : {}), ...(icmpCode !== undefined ? { icmpCode } : {}) });

/** The codes of a result's explanations, in order. */
export const codes = (r: ReachResult): string[] => r.explanations.map((e) => e.code);

/** Component ids along the path. */
export const pathIds = (r: ReachResult): string[] => r.path.map((h) => h.componentId);
