/** Short messages for people: refusals of edits (a command's ModelError) and confirmations. */
import type { Slice } from './types.ts';

export type NoticeTone = 'error' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (text: string, tone?: NoticeTone) => void;
  dismiss: (id: number) => void;
}

/** Older notices give way: a projector audience reads two at most. */
const MAX_NOTICES = 2;
let nextNoticeId = 1;

export const createNoticeSlice: Slice<NoticeSlice> = (set) => ({
  notices: [],
  notify: (text, tone = 'error') =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: nextNoticeId++, tone, text }].slice(-MAX_NOTICES) })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
