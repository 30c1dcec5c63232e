import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { deviceId } from '../consent/consent-storage';

/**
 * Records this participant's recording consent for the meeting (`POST /v1/meetings/{id}/consent`):
 * the server keys it by the signed-in user, else by this browser's device id.
 */
export const giveConsent = (meetingId: string, consentGiven: boolean) =>
  unwrap(
    api.POST('/v1/meetings/{meeting_id}/consent', {
      params: { path: { meeting_id: meetingId } },
      body: { consent_given: consentGiven, device_id: deviceId() },
    }),
  );
