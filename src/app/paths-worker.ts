/**
 * The path worker: answers the Paths panel's question off the main thread. From the Internet on a
 * 1,000-resource design the multi-hop exposure alone takes a few hundred milliseconds; here it
 * never holds up a drag or a keystroke. The view is plain data, so it crosses as it is.
 */
import type { Design } from '../core/model/index.ts';
import { computePaths } from '../ui/placement/paths/view.ts';
import type { PathQuery } from '../ui/placement/paths/query.ts';
import { serveInWorker } from './worker-runner.ts';

export interface PathsRequest {
  design: Design;
  query: PathQuery;
}

serveInWorker(({ design, query }: PathsRequest) => computePaths(design, query));
