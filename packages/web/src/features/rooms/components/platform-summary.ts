import type { PlatformCapabilities } from '@/lib/api/types';

/** Capabilities worth telling a room owner about, in words. */
const NOTABLE: [keyof PlatformCapabilities, string][] = [
  ['host_url', 'host link for the owner'],
  ['join_tokens', 'per-person join tokens'],
  ['presence', 'live presence'],
  ['server_side_recording', 'server-started recordings'],
  ['raw_tracks', 'one audio track per speaker'],
  ['recording_source', 'recordings fetched for transcripts'],
];

/** "host link for the owner · live presence · …" from a platform's declared capabilities. */
export function summarizeCapabilities(capabilities: PlatformCapabilities): string {
  const found = NOTABLE.filter(([key]) => capabilities[key]).map(([, words]) => words);
  return found.length ? found.join(' · ') : 'basic rooms';
}
