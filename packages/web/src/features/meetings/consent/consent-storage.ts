/**
 * What this browser remembers about recording consent, in localStorage: one anonymous device id
 * (generated once; the server records a decision per user when signed in, else per device) and the
 * answer given for each meeting, so the question is not asked again in that meeting.
 */
const DEVICE_KEY = 'meetbridge.device-id';
const answerKey = (meetingId: string) => `meetbridge.consent.${meetingId}`;

export type ConsentAnswer = 'given' | 'declined';

/** Storage may be unavailable (private mode, blocked): then nothing is remembered. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** This browser's device id, created on first use. */
export function deviceId(store: Storage | null = storage()): string {
  const existing = store?.getItem(DEVICE_KEY);
  if (existing) return existing;
  const id = crypto.randomUUID();
  try {
    store?.setItem(DEVICE_KEY, id);
  } catch {
    // Quota or blocked storage: this page keeps using the id it made.
  }
  return id;
}

/** The answer already given in this meeting, or null when it has not been asked here. */
export function rememberedAnswer(meetingId: string, store: Storage | null = storage()): ConsentAnswer | null {
  const value = store?.getItem(answerKey(meetingId));
  return value === 'given' || value === 'declined' ? value : null;
}

export function rememberAnswer(meetingId: string, answer: ConsentAnswer, store: Storage | null = storage()): void {
  try {
    store?.setItem(answerKey(meetingId), answer);
  } catch {
    // Not remembered: the question comes back on reload, which is the safe side.
  }
}
