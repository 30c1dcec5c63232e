import { randomBytes } from 'node:crypto';
import {
  startDailyFake,
  startWherebyFake,
  type DailyFake,
  type DailyFakeOptions,
  type WherebyFake,
  type WherebyFakeOptions,
} from '@meetbridge/fakes';
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

/** Options of `startWorld`. */
export interface WorldOptions {
  /** The server's clock; the fakes follow it too (tests move it instead of sleeping). */
  clock?: Clock;
  testDb?: TestDatabase;
  previousSecrets?: { daily: string; whereby: string };
  /** Extra options of the Daily fake. */
  daily?: Partial<DailyFakeOptions>;
  /** Extra options of the Whereby fake. */
  whereby?: Partial<WherebyFakeOptions>;
}

export async function startWorld(env: Record<string, string> = {}, options: WorldOptions = {}): Promise<World> {
  const dailySecret = randomBytes(32).toString('base64');
  const wherebySecret = `whereby-${randomBytes(8).toString('hex')}`;
  const { clock } = options;
  const now = clock ? { now: () => clock.now().getTime() } : {};
  const daily = await startDailyFake({ webhookSecret: dailySecret, ...now, ...options.daily });
  const whereby = await startWherebyFake({ webhookSecret: wherebySecret, ...now, ...options.whereby });
  const t = await startTestServer(
    {
      WHEREBY_API_URL: whereby.url,
      WHEREBY_API_KEY: whereby.apiKey,
      WHEREBY_WEBHOOK_SECRET: options.previousSecrets ? `${options.previousSecrets.whereby},${wherebySecret}` : wherebySecret,
      // The fake's organisation has the Grow plan's 1000 points a minute; so does this process.
      WHEREBY_RATE_LIMIT_POINTS: '1000',
      DAILY_API_URL: daily.url,
      DAILY_API_KEY: daily.apiKey,
      DAILY_WEBHOOK_SECRET: options.previousSecrets ? `${options.previousSecrets.daily},${dailySecret}` : dailySecret,
      DAILY_MIGRATION_ENABLED: 'true',
      ...env,
    },
    { clock: options.clock, testDb: options.testDb },
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
