import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWherebyFake } from '../src/index.js';
import type { WherebyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver } from './helpers/receiver.js';
import type { Receiver } from './helpers/receiver.js';
import { verifyWherebySignature } from './helpers/verify.js';

interface Envelope {
  id: string;
  apiVersion: string;
  createdAt: string;
  type: string;
  data: Record<string, unknown>;
}

const SECRET = 'wb-secret';
let fake: WherebyFake;
let receiver: Receiver;
let meetingId: string;
let roomName: string;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startWherebyFake({ apiKey: 'k', webhookSecret: SECRET, webhookUrl: receiver.url, subdomain: 'acme' });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(async () => {
  const res = await call(`${fake.url}/meetings`, {
    method: 'POST',
    headers: bearer('k'),
    body: { endDate: '2099-01-01T00:00:00Z', roomNamePrefix: 'wh-' },
  });
  meetingId = String(res.body.meetingId);
  roomName = String(res.body.roomName);
});
afterEach(() => {
  fake.control.reset();
  receiver.received.length = 0;
  receiver.respondWith(() => 200);
});

const types = () => receiver.json<Envelope>().map((e) => e.type);

describe('Whereby webhook payloads', () => {
  it('sends room.client.joined/left with numClients after the event and session start/end around them', async () => {
    const a = await fake.control.addParticipant({ meetingId, displayName: 'Ann', roleName: 'host', externalId: 'u-1', metadata: 'm' });
    await fake.control.addParticipant({ roomName, displayName: 'Bob' });
    await fake.control.removeParticipant({ participantId: a.participantId });
    expect(types()).toEqual(['room.client.joined', 'room.client.joined', 'room.session.started', 'room.client.left']);
    const [first, second, , left] = receiver.json<Envelope>();
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      apiVersion: '1.0',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      type: 'room.client.joined',
      data: {
        meetingId,
        roomName,
        subdomain: 'acme',
        displayName: 'Ann',
        roomSessionId: a.roomSessionId,
        participantId: a.participantId,
        roleName: 'host',
        numClients: 1,
        numClientsByRoleName: { host: 1 },
        metadata: 'm',
        externalId: 'u-1',
        isDialIn: false,
      },
    });
    expect(second?.data).toMatchObject({ numClients: 2, numClientsByRoleName: { host: 1, visitor: 1 } });
    expect(left?.data).toMatchObject({ participantId: a.participantId, numClients: 1, numClientsByRoleName: { visitor: 1 } });
  });

  it('ends the session when the last participant leaves, and on DELETE of the meeting', async () => {
    await fake.control.addParticipant({ meetingId });
    await fake.control.addParticipant({ meetingId });
    const del = await call(`${fake.url}/meetings/${meetingId}`, { method: 'DELETE', headers: bearer('k') });
    expect(del.status).toBe(204);
    await fake.control.settle();
    expect(types().slice(-3)).toEqual(['room.client.left', 'room.client.left', 'room.session.ended']);
    expect(receiver.json<Envelope>().at(-2)?.data.numClients).toBe(0);
  });

  it('sends recording.finished with the file name <room without slash>-<ISO seconds>Z.<ext>', async () => {
    await fake.control.addParticipant({ meetingId });
    const rec = await fake.control.finishRecording({ meetingId, startedAtMs: Date.UTC(2025, 0, 2, 3, 4, 5, 678) });
    const event = receiver.json<Envelope>().at(-1);
    expect(event?.type).toBe('recording.finished');
    expect(event?.data).toEqual({
      filename: `${roomName.slice(1)}-2025-01-02T03:04:05Z.mp4`,
      recordingId: rec.recordingId,
      roomName,
      status: 'completed',
    });
  });
});

describe('Whereby webhook signatures', () => {
  it('signs the exact compact JSON bytes, verifiable with node:crypto per the Whereby docs', async () => {
    await fake.control.addParticipant({ meetingId, displayName: 'Zoë ✓' });
    const [delivery] = receiver.received;
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(delivery?.body).toBe(JSON.stringify(JSON.parse(delivery?.body ?? '')));
    const { valid, t } = verifyWherebySignature(delivery?.headers ?? {}, delivery?.body ?? '', SECRET);
    expect(valid).toBe(true);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(5);
  });

  it('signs with a wrong secret on request', async () => {
    fake.control.setWebhookOptions({ wrongSecret: true });
    await fake.control.addParticipant({ meetingId });
    const [delivery] = receiver.received;
    expect(verifyWherebySignature(delivery?.headers ?? {}, delivery?.body ?? '', SECRET).valid).toBe(false);
  });

  it('sends a stale timestamp on request (still a valid HMAC)', async () => {
    fake.control.setWebhookOptions({ timestampOffsetSeconds: -600 });
    await fake.control.addParticipant({ meetingId });
    const [delivery] = receiver.received;
    const { valid, t } = verifyWherebySignature(delivery?.headers ?? {}, delivery?.body ?? '', SECRET);
    expect(valid).toBe(true);
    expect(Date.now() / 1000 - t).toBeGreaterThan(590);
  });
});

describe('Whereby webhook delivery faults', () => {
  it('duplicates each webhook with the same id and body', async () => {
    fake.control.setWebhookOptions({ duplicate: 1 });
    await fake.control.addParticipant({ meetingId });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
  });

  it('holds a batch and releases it reversed, or shuffled reproducibly by seed', async () => {
    const group = await call(`${fake.url}/meetings`, {
      method: 'POST',
      headers: bearer('k'),
      body: { endDate: '2099-01-01T00:00:00Z', roomMode: 'group' },
    });
    meetingId = String(group.body.meetingId);
    fake.control.setWebhookOptions({ hold: true });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await fake.control.addParticipant({ meetingId, displayName: `P${i}` })).participantId);
    expect(receiver.received).toHaveLength(0);
    await fake.control.flushWebhooks({ order: 'reversed' });
    const order = receiver.json<Envelope>().map((e) => `${e.type}:${String(e.data.participantId ?? '')}`);
    expect(order[0]).toBe(`room.client.joined:${ids[4]}`);
    expect(order.at(-1)).toBe(`room.client.joined:${ids[0]}`);
    receiver.received.length = 0;
    for (const id of ids) await fake.control.removeParticipant({ participantId: id, endSessionWhenEmpty: false });
    const held = fake.webhooks.filter((d) => d.state === 'held').map((d) => d.eventId);
    await fake.control.flushWebhooks({ order: 'shuffled', seed: 42 });
    const shuffled = receiver.json<Envelope>().map((e) => e.id);
    expect([...shuffled].sort()).toEqual([...held].sort());
    expect(shuffled).not.toEqual(held);
  });

  it('drops the next webhook (lost-webhook simulation) and records it as dropped', async () => {
    fake.control.setWebhookOptions({ dropNext: 1 });
    await fake.control.addParticipant({ meetingId });
    await fake.control.addParticipant({ meetingId });
    expect(types()).toEqual(['room.client.joined', 'room.session.started']);
    expect(fake.webhooks.map((d) => d.state)).toEqual(['dropped', 'delivered', 'delivered']);
  });

  it('retries a webhook answered with 5xx twice, as Whereby documents', async () => {
    receiver.respondWith((i) => (i < 2 ? 500 : 200));
    await fake.control.addParticipant({ meetingId });
    expect(receiver.received).toHaveLength(3);
    expect(fake.webhooks[0]?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(fake.webhooks[0]?.state).toBe('delivered');
  });
});
