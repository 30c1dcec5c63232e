import type { RecordingNoticeReader } from './adapter.js';

/** The reader of a provider whose recordings no bucket notice announces: it reads none. */
export const noRecordingNotices: RecordingNoticeReader = { parse: () => null };
