/**
 * The lint worker: runs the whole catalogue off the main thread. At 1,000 resources a run takes
 * a second or two (the Internet's multi-hop exposure and the NACL checks); here that time never
 * freezes the canvas while people keep editing.
 */
import { runLint } from '../core/lint/index.ts';
import type { Design } from '../core/model/index.ts';
import { toPortable, type PortableFinding } from './portable-findings.ts';

export interface LintRequest {
  id: number;
  design: Design;
}

export type LintReply = { id: number; findings: PortableFinding[] } | { id: number; error: string };

addEventListener('message', (e: MessageEvent<LintRequest>) => {
  const { id, design } = e.data;
  let reply: LintReply;
  try {
    reply = { id, findings: runLint(design).map(toPortable) };
  } catch (x) {
    reply = { id, error: x instanceof Error ? x.message : String(x) };
  }
  postMessage(reply);
});
