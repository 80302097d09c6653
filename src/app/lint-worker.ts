/**
 * The lint worker: runs the whole catalogue off the main thread. At 1,000 resources a run takes
 * a second or two (the Internet's multi-hop exposure and the NACL checks); here that time never
 * freezes the canvas while people keep editing.
 */
import { runLint } from '../core/lint/index.ts';
import type { Design } from '../core/model/index.ts';
import { toPortable } from './portable-findings.ts';
import { serveInWorker } from './worker-runner.ts';

serveInWorker((design: Design) => runLint(design).map(toPortable));
