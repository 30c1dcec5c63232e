import { RoomEntryError } from './enter-room';

/** Which screen explains a failed room entry. */
export type EntryProblem =
  | { screen: 'room-not-found' }
  | { screen: 'meeting-ended' }
  /** Our server or the video provider cannot serve right now: retry (after `retryAfterSeconds` when given). */
  | { screen: 'unavailable'; retryAfterSeconds: number | null; detail: string }
  | { screen: 'error'; detail: string };

export function classifyEntryError(error: unknown): EntryProblem {
  const entry = error instanceof RoomEntryError ? error : null;
  const api = entry?.apiError ?? null;
  const detail = error instanceof Error ? error.message : 'Something went wrong.';
  if (!api) return { screen: 'error', detail };
  if (api.status === 503) return { screen: 'unavailable', retryAfterSeconds: api.retryAfterSeconds, detail };
  if (api.status === 502) return { screen: 'unavailable', retryAfterSeconds: api.retryAfterSeconds, detail };
  switch (entry?.step) {
    case 'room':
    case 'meeting':
      if (api.status === 404 || (entry.step === 'room' && api.status === 400)) return { screen: 'room-not-found' };
      break;
    case 'reserve':
    case 'join':
      if (api.status === 409 || api.status === 404) return { screen: 'meeting-ended' };
      break;
    case undefined:
      break;
  }
  return { screen: 'error', detail };
}
