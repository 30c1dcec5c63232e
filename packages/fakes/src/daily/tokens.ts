import { createHmac } from 'node:crypto';

/** Token property → abbreviated JWT claim, as in Daily's self-signed tokens (https://docs.daily.co/reference/rest-api/meeting-tokens/self-signing-tokens). */
const CLAIMS: Record<string, string> = {
  room_name: 'r',
  exp: 'exp',
  nbf: 'nbf',
  is_owner: 'o',
  user_name: 'u',
  user_id: 'ud',
  start_cloud_recording: 'sr',
  start_cloud_recording_opts: 'sro',
  enable_recording: 'er',
  enable_screenshare: 'ss',
  start_video_off: 'vo',
  start_audio_off: 'ao',
  eject_at_token_exp: 'ejt',
  eject_after_elapsed: 'eje',
  knocking: 'k',
  close_tab_on_exit: 'ctoe',
  redirect_on_meeting_exit: 'rome',
  auto_start_transcription: 'ast',
  lang: 'uil',
  enable_recording_ui: 'erui',
  permissions: 'p',
};

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Mints an HS256 JWT carrying the token properties as Daily's abbreviated claims, signed with the API key. */
export function mintMeetingToken(properties: Record<string, unknown>, apiKey: string, domainId: string, nowMs: number): string {
  const payload: Record<string, unknown> = { d: domainId, iat: Math.floor(nowMs / 1000) };
  for (const [key, value] of Object.entries(properties)) payload[CLAIMS[key] ?? key] = value;
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  const signature = createHmac('sha256', apiKey).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Decodes (without verifying) the claims of a JWT, e.g. to inspect a token in tests. */
export function decodeTokenClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
