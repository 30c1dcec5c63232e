import { deviceId } from '../consent/consent-storage';

/**
 * Records this participant's recording consent for the meeting (`POST /v1/meetings/{id}/consent`):
 * the server keys it by the signed-in user, else by this browser's device id.
 * TODO(recordings route): the typed call once `npm run api:generate` brings the route.
 */
export const giveConsent = (meetingId: string, consentGiven: boolean) =>
  Promise.reject(new Error(`Recording consent cannot be saved yet (${meetingId}, ${String(consentGiven)}, ${deviceId()}).`));
