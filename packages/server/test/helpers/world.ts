import { randomBytes } from 'node:crypto';
import { startDailyFake, startWherebyFake, type DailyFake, type WherebyFake } from '@meetbridge/fakes';
import type { Clock } from '@meetbridge/platforms';
import type { TestDatabase } from './database.js';
import { startTestServer, type TestServer } from './server.js';

/** Meetbridge wired to the Whereby and Daily fakes, which deliver their webhooks to it. */
export interface World {
  t: TestServer;
  daily: DailyFake;
  whereby: WherebyFake;
  dailySecret: string;
  wherebySecret: string;
  close(): Promise<void>;
}

export async function startWorld(
  env: Record<string, string> = {},
  options: { clock?: Clock; testDb?: TestDatabase; previousSecrets?: { daily: string; whereby: string } } = {},
): Promise<World> {
  const dailySecret = randomBytes(32).toString('base64');
  const wherebySecret = `whereby-${randomBytes(8).toString('hex')}`;
  const daily = await startDailyFake({ webhookSecret: dailySecret });
  const whereby = await startWherebyFake({ webhookSecret: wherebySecret });
  const t = await startTestServer(
    {
      WHEREBY_API_URL: whereby.url,
      WHEREBY_API_KEY: whereby.apiKey,
      WHEREBY_WEBHOOK_SECRET: options.previousSecrets ? `${options.previousSecrets.whereby},${wherebySecret}` : wherebySecret,
      DAILY_API_URL: daily.url,
      DAILY_API_KEY: daily.apiKey,
      DAILY_WEBHOOK_SECRET: options.previousSecrets ? `${options.previousSecrets.daily},${dailySecret}` : dailySecret,
      DAILY_MIGRATION_ENABLED: 'true',
      ...env,
    },
    options,
  );
  daily.control.setWebhookUrl(`${t.url}/v1/daily/webhook`);
  whereby.control.setWebhookUrl(`${t.url}/v1/whereby`);
  return {
    t,
    daily,
    whereby,
    dailySecret,
    wherebySecret,
    async close() {
      await t.close();
      await daily.close();
      await whereby.close();
    },
  };
}

/** Creates a room on `platform` and returns its (new) meeting. */
export async function roomWithMeeting(t: TestServer, name: string, platform: string): Promise<any> {
  const room = await t.request('POST', '/v1/rooms', { body: { name, platform } });
  if (room.status !== 201) throw new Error(`room ${name}: ${room.status} ${JSON.stringify(room.body)}`);
  const meeting = await t.request('POST', `/v1/rooms/${name}/meeting`);
  if (meeting.status !== 201) throw new Error(`meeting ${name}: ${meeting.status} ${JSON.stringify(meeting.body)}`);
  return meeting.body;
}
