import { randomBytes } from 'node:crypto';
import { objectCreatedRecord, startDailyFake, startWherebyFake } from '@meetbridge/fakes';
import type { AdapterDeps, EnvRecord, PlatformAdapter, ProviderMeeting, ProviderModule } from '../../src/core/adapter.js';
import { systemClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import { dailyProvider } from '../../src/providers/daily/index.js';
import { mockProvider } from '../../src/providers/mock/index.js';
import { MockProviderState } from '../../src/providers/mock/state.js';
import { verifyMockJoinToken } from '../../src/providers/mock/join-token.js';
import { wherebyProvider } from '../../src/providers/whereby/index.js';
import { MockProviderFake } from './mock-provider-fake.js';
import { startWebhookCollector, type WebhookCollector } from './webhook-collector.js';

/** Who joins a call in the contract suite. */
export interface Caller {
  userId: string;
  userName: string;
}

/**
 * One adapter wired to its provider's stand-in (the mock's in-process world, the Whereby fake, the
 * Daily fake), with the few hooks the suite needs to act as "the provider's side". The suite only
 * calls a hook when the adapter declares the matching capability; it never looks at the name.
 */
export interface ContractHarness {
  readonly adapter: PlatformAdapter;
  /** Receives every webhook the provider's stand-in sends. */
  readonly collector: WebhookCollector;
  /** A participant enters the provider room; returns the provider's session id for them. */
  join(meeting: ProviderMeeting, who: Caller): Promise<string>;
  /** The participant leaves (the room empties if they were alone). */
  leave(meeting: ProviderMeeting, sessionId: string): Promise<void>;
  /**
   * Lets `ms` pass on the provider's side (its stand-in's clock) and runs what became due then:
   * Whereby's insights catch up and its sessions end, Daily's delayed `meeting.ended` is sent.
   */
  passTime(ms: number): Promise<void>;
  /** The stand-in's current time (webhooks are signed with it). */
  now(): Date;
  /** When the provider room ends, as the provider recorded it (Daily `exp`, Whereby `endDate`). */
  roomEnd(meeting: ProviderMeeting): Promise<Date | null>;
  /** Whether the provider still has the room (not deleted). */
  isLive(meeting: ProviderMeeting): Promise<boolean>;
  /** A finished recording the provider hosts (capability `recordingLinks`). */
  hostedRecording(meeting: ProviderMeeting): Promise<string>;
  /** The logo the provider stored for the room (capability `logo`). */
  storedLogo(meeting: ProviderMeeting): Promise<{ contentType: string | undefined; size: number } | null>;
  /** What a join token grants, as the provider recorded it at issue (capability `joinTokens`). */
  tokenGrant(token: string): Promise<{ isOwner: boolean; userId: string | null }>;
  /**
   * Records the call of a meeting created with cloud recording, the way Meetbridge sets it up,
   * until the provider reports the recording ready by webhook (capability `recordingSource`).
   */
  recordCall(meeting: ProviderMeeting): Promise<void>;
  /** `bucket/key` of every object the provider wrote into our buckets (capability `recordingSource`). */
  bucketObjects(): Promise<string[]>;
  /**
   * The S3 event notification records (`ObjectCreated:Put`, as S3 sends them to SQS) of every object
   * the provider wrote into our buckets (capability `recordingNotices`).
   */
  bucketNotices(): Promise<unknown[]>;
  close(): Promise<void>;
}

/** The part of a Whereby `POST /meetings` body (as the fake recorded it) that says where recordings go. */
type WherebyRecordingBody = { recording?: { destination?: { bucket?: string } } };
/** The part of a Daily fake room snapshot that says where recordings go. */
type DailyRoomSnapshot = { properties?: { recordings_bucket?: { bucket_name?: string } } };

/** Adapter deps for the suite: real clock, no logs, no waiting between retries. */
export const contractDeps: AdapterDeps = {
  clock: systemClock,
  logger: silentLogger,
  baseUrl: 'http://127.0.0.1:1250',
  http: { sleep: async () => {}, timeoutMs: 5000 },
};

const S3_ENV = {
  AWS_WHEREBY_S3_BUCKET: 'contract-recordings/whereby',
  AWS_WHEREBY_ACCESS_KEY_ID: 'AKIACONTRACTTEST',
  AWS_WHEREBY_ACCESS_KEY_SECRET: 'contract-s3-secret',
  AWS_DAILY_S3_BUCKET: 'contract-recordings-daily',
  AWS_DAILY_S3_REGION: 'eu-west-1',
  AWS_DAILY_ROLE_ARN: 'arn:aws:iam::123456789012:role/DailyContract',
};

/** Builds an adapter the way the server does: the provider module reads its env, then `create`. */
function build<C>(provider: ProviderModule<C>, env: EnvRecord, patch: (config: C) => C = (c) => c): PlatformAdapter {
  const result = provider.loadConfig({ ...S3_ENV, ...env });
  if (!result.ok) throw new Error(`${provider.name}: missing ${result.missing.join(', ')}`);
  return provider.create(patch(result.config), contractDeps);
}

const notCapable = (what: string) => async (): Promise<never> => {
  throw new Error(`the suite asked for ${what}, which this adapter does not declare`);
};

async function mockHarness(): Promise<ContractHarness> {
  const collector = await startWebhookCollector();
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const state = new MockProviderState();
  const fake = new MockProviderFake(state, secret, collector.url, systemClock);
  const adapter = build(mockProvider, { MOCK_WEBHOOK_SECRET: secret }, (c) => ({ ...c, state }));
  const room = (m: ProviderMeeting) => state.room(m.providerRoomName);
  return {
    adapter,
    collector,
    join: (m, who) => fake.join(m.providerRoomName, who),
    leave: (m, sessionId) => fake.leave(m.providerRoomName, sessionId),
    passTime: async () => {},
    now: () => new Date(),
    roomEnd: async (m) => room(m)?.endDate ?? null,
    isLive: async (m) => room(m)?.deleted === false,
    hostedRecording: notCapable('hostedRecording'),
    storedLogo: notCapable('storedLogo'),
    tokenGrant: async (token) => {
      const grant = verifyMockJoinToken([secret], token, new Date());
      if (!grant) throw new Error('the mock adapter did not sign this token');
      return { isOwner: grant.owner, userId: grant.sub };
    },
    recordCall: notCapable('recordCall'),
    bucketObjects: notCapable('bucketObjects'),
    bucketNotices: notCapable('bucketNotices'),
    close: () => collector.close(),
  };
}

/** A stand-in's clock: real time plus what the suite let pass (`passTime`). */
function offsetClock(): { now: () => number; pass: (ms: number) => void } {
  let offset = 0;
  return { now: () => Date.now() + offset, pass: (ms) => void (offset += ms) };
}

async function wherebyHarness(): Promise<ContractHarness> {
  const collector = await startWebhookCollector();
  const clock = offsetClock();
  const fake = await startWherebyFake({ webhookUrl: collector.url, now: clock.now });
  const adapter = build(wherebyProvider, {
    WHEREBY_API_URL: fake.url,
    WHEREBY_API_KEY: fake.apiKey,
    WHEREBY_WEBHOOK_SECRET: fake.webhookSecret,
  });
  const snapshot = (m: ProviderMeeting) => fake.control.state().meetings.find((s) => s.meetingId === m.providerMeetingId);
  return {
    adapter,
    collector,
    join: async (m, who) =>
      (await fake.control.addParticipant({ meetingId: m.providerMeetingId, displayName: who.userName, externalId: who.userId }))
        .participantId,
    leave: (_m, participantId) => fake.control.removeParticipant({ participantId }),
    passTime: async (ms) => {
      clock.pass(ms);
      await fake.control.tick();
    },
    now: () => new Date(clock.now()),
    roomEnd: async (m) => {
      const end = snapshot(m)?.endDate;
      return end ? new Date(end) : null;
    },
    isLive: async (m) => snapshot(m)?.deleted === false,
    hostedRecording: async (m) => {
      await fake.control.addParticipant({ meetingId: m.providerMeetingId, roleName: 'recorder' });
      return (await fake.control.finishRecording({ meetingId: m.providerMeetingId })).recordingId;
    },
    storedLogo: async (m) => snapshot(m)?.logo ?? null,
    tokenGrant: notCapable('tokenGrant'),
    recordCall: async (m) => {
      await fake.control.addParticipant({ meetingId: m.providerMeetingId, roleName: 'recorder' });
      await fake.control.finishRecording({ meetingId: m.providerMeetingId });
    },
    // Whereby uploads `<filename>` under the meeting's `recording.destination.bucket` ("bucket/sub/folder").
    bucketObjects: async () => {
      const { meetings, recordings } = fake.control.state();
      return recordings.flatMap((r) => {
        const body = meetings.find((m) => m.meetingId === r.meetingId)?.requestBody as WherebyRecordingBody | undefined;
        const destination = body?.recording?.destination;
        return r.provider === 's3' && destination?.bucket ? [`${destination.bucket}/${r.filename}`] : [];
      });
    },
    bucketNotices: async () => {
      const { meetings, recordings } = fake.control.state();
      return recordings.flatMap((r) => {
        const body = meetings.find((m) => m.meetingId === r.meetingId)?.requestBody as WherebyRecordingBody | undefined;
        const [bucket = '', ...folders] = (body?.recording?.destination?.bucket ?? '').split('/');
        const key = [...folders, r.filename].join('/');
        return r.provider === 's3' && bucket ? [objectCreatedRecord({ bucket, key, size: 42, eTag: 'e' }, clock.now())] : [];
      });
    },
    close: async () => {
      await fake.close();
      await collector.close();
    },
  };
}

async function dailyHarness(): Promise<ContractHarness> {
  const collector = await startWebhookCollector();
  const clock = offsetClock();
  const fake = await startDailyFake({ webhookUrl: collector.url, now: clock.now });
  const adapter = build(dailyProvider, { DAILY_API_URL: fake.url, DAILY_API_KEY: fake.apiKey, DAILY_WEBHOOK_SECRET: fake.webhookSecret });
  return {
    adapter,
    collector,
    join: async (m, who) =>
      (await fake.control.addParticipant({ room: m.providerRoomName, userId: who.userId, userName: who.userName })).sessionId,
    leave: (m, sessionId) => fake.control.removeParticipant({ room: m.providerRoomName, sessionId }),
    passTime: async (ms) => {
      clock.pass(ms);
      await fake.control.tick();
    },
    now: () => new Date(clock.now()),
    roomEnd: async (m) => {
      const exp = (fake.control.state().rooms.find((r) => r.name === m.providerRoomName)?.properties as { exp?: number } | undefined)?.exp;
      return typeof exp === 'number' ? new Date(exp * 1000) : null;
    },
    isLive: async (m) => fake.control.state().rooms.some((r) => r.name === m.providerRoomName && r.deleted === false),
    // Daily links cover composed (cloud) recordings only, so this records in a room of its own
    // with enable_recording "cloud" (Meetbridge's rooms use raw-tracks, which have no link).
    hostedRecording: async () => {
      const name = `contract-cloud-${randomBytes(4).toString('hex')}`;
      const res = await fetch(`${fake.url}/rooms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, properties: { enable_recording: 'cloud' } }),
      });
      if (!res.ok) throw new Error(`could not create the cloud room: ${res.status}`);
      await fake.control.addParticipant({ room: name });
      const started = await fake.control.startRecording({ room: name, type: 'cloud' });
      return (await fake.control.finishRecording({ recordingId: started.id })).id;
    },
    storedLogo: notCapable('storedLogo'),
    recordCall: async (m) => {
      const started = await fake.control.startRecording({ room: m.providerRoomName, type: 'raw-tracks' });
      await fake.control.finishRecording({ recordingId: started.id });
    },
    // Daily writes every track (raw-tracks) or the composite into the room's `recordings_bucket`.
    bucketObjects: async () => {
      const { rooms, recordings } = fake.control.state();
      return recordings.flatMap((r) => {
        const room = rooms.find((candidate) => candidate.name === r.room_name) as DailyRoomSnapshot | undefined;
        const bucket = room?.properties?.recordings_bucket?.bucket_name;
        const tracks = (r.tracks ?? []) as { s3Key: string }[];
        const keys = r.type === 'raw-tracks' ? tracks.map((t) => t.s3Key) : [String(r.s3key)];
        return bucket ? keys.map((key) => `${bucket}/${key}`) : [];
      });
    },
    bucketNotices: notCapable('bucketNotices'),
    tokenGrant: async (token) => {
      const issued = fake.control.tokens().find((t) => t.token === token);
      if (!issued) throw new Error('the Daily fake never issued this token');
      const userId = issued.properties.user_id;
      return { isOwner: issued.properties.is_owner === true, userId: typeof userId === 'string' ? userId : null };
    },
    close: async () => {
      await fake.close();
      await collector.close();
    },
  };
}

/**
 * Every adapter the contract suite runs against. `provider` ties a harness to its registry entry
 * (a test checks that every registered provider has one); `label` only names the test group.
 */
export const harnesses: { provider: Pick<ProviderModule, 'name'>; label: string; start: () => Promise<ContractHarness> }[] = [
  { provider: mockProvider, label: 'mock adapter (in-process world)', start: mockHarness },
  { provider: wherebyProvider, label: 'whereby adapter (Whereby fake)', start: wherebyHarness },
  { provider: dailyProvider, label: 'daily adapter (Daily fake)', start: dailyHarness },
];
