/**
 * The export worker: runs the core exporters off the main thread. A 1,000-resource design takes
 * the CloudFormation writer most of a second; here that second never freezes the dialog.
 */
import type { Design } from '../../../core/model/index.ts';
import { generateText, type Generated, type TextRequest } from './formats.ts';

export interface WorkerRequest {
  id: number;
  design: Design;
  request: TextRequest;
}

export interface WorkerReply {
  id: number;
  result: Generated;
}

addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const { id, design, request } = e.data;
  const reply: WorkerReply = { id, result: generateText(design, request) };
  postMessage(reply);
});
