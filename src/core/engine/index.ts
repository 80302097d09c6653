/** The reachability engine: which flows a design lets through, by which components, and why not. */
export type * from './types.ts';
export { reach } from './reach.ts';
export { exposure } from './exposure.ts';
export { reachMatrix } from './matrix.ts';
export { compile } from './compile.ts';
export { askedTraffic, describeFlow } from './flow-traffic.ts';
export { reverseExposure, type Reacher, type ReverseExposureOptions, type ReverseExposureResult } from './reverse-exposure.ts';
export { sourcesPhrase, summariseExposure, type ReachRoute, type ResourceReach } from './exposure-summary.ts';
