/** Messages between the page and the HCL parser's worker. */
export interface HclRequest {
  id: number;
  file: string;
  text: string;
}

export type HclReply =
  | { id: number; ok: true; json: unknown }
  | { id: number; ok: false; syntax: { file: string; line: number | undefined; column: number | undefined; detail: string } }
  | { id: number; ok: false; message: string };
