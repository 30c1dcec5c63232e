import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreateMeetingInput, JoinResult, MeetingRef, ProviderMeeting, RoomSettings } from '../src/core/adapter.js';
import { UnsupportedCapabilityError, WebhookVerificationError } from '../src/core/errors.js';
import type { MeetingEvent, ParticipantEvent, RecordingReadyEvent } from '../src/core/events.js';
import { recordingRefOf } from '../src/core/recording.js';
import { providers } from '../src/registry.js';
import { harnesses, type ContractHarness } from './contract/harnesses.js';

/**
 * One contract, every adapter (house style 28). Each group runs the same tests against one adapter
 * and its provider's stand-in over real HTTP. Tests branch only on the adapter's declared
 * `capabilities`, never on its name: a capability it declares must work; one it does not declare
 * must throw `UnsupportedCapabilityError`.
 */

const plain: RoomSettings = { isLocked: false, roomMode: 'normal', roomSize: null, recordingType: 'none', recordingTrigger: 'none' };
const recorded: RoomSettings = { ...plain, recordingType: 'cloud', recordingTrigger: 'prompt' };
const ada = { userId: 'user-ada', userName: 'Ada Lovelace' };

/** An end date one hour ahead on a whole second (providers keep seconds at most). */
function inAnHour(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
}

function ref(meeting: ProviderMeeting): MeetingRef {
  return { ...meeting };
}

function isParticipant(e: MeetingEvent): e is ParticipantEvent {
  return e.kind === 'participant.joined' || e.kind === 'participant.left';
}

it('runs the contract suite for every registered provider', () => {
  expect(harnesses.map((h) => h.provider.name).sort()).toEqual(providers.map((p) => p.name).sort());
});

describe.each(harnesses)('$label', ({ start }) => {
  let h: ContractHarness;
  let n = 0;
  const create = (settings: RoomSettings = plain, endDate = inAnHour()): Promise<ProviderMeeting> => {
    const input: CreateMeetingInput = { roomName: `contract-${++n}`, settings, endDate };
    return h.adapter.createMeeting(input);
  };
  /** Verifies and normalizes every webhook the provider's stand-in sent since the last test. */
  const receivedEvents = (): MeetingEvent[] =>
    h.collector.received
      .filter((w) => !h.adapter.webhooks.isPing(w.rawBody, w.headers))
      .flatMap((w) => h.adapter.webhooks.parse(h.adapter.webhooks.verify(w.rawBody, w.headers, h.now())));

  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => h?.close());
  beforeEach(() => h.collector.clear());

  it('creates a meeting with provider ids, an absolute room URL, the requested end date, and a host URL exactly when it declares hostUrl', async () => {
    const endDate = inAnHour();
    const meeting = await create(plain, endDate);
    expect(meeting.providerMeetingId).toMatch(/\S/);
    expect(meeting.providerRoomName).toMatch(/contract-\d+/);
    expect(new URL(meeting.roomUrl).protocol).toMatch(/^https?:$/);
    expect(meeting.endDate.getTime()).toBe(endDate.getTime());
    expect(await h.isLive(meeting)).toBe(true);
    if (h.adapter.capabilities.hostUrl) {
      expect(new URL(meeting.hostRoomUrl ?? '').protocol).toMatch(/^https?:$/);
      expect(meeting.hostRoomUrl).not.toBe(meeting.roomUrl);
    } else {
      expect(meeting.hostRoomUrl).toBeNull();
    }
    const other = await create();
    expect(other.providerMeetingId).not.toBe(meeting.providerMeetingId);
    expect(other.providerRoomName).not.toBe(meeting.providerRoomName);
  });

  it('deletes a meeting idempotently: the room is gone, and a second delete and a delete of an unknown room succeed', async () => {
    const meeting = await create();
    if (!h.adapter.capabilities.deleteMeeting) {
      await expect(h.adapter.deleteMeeting(ref(meeting))).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    await h.adapter.deleteMeeting(ref(meeting));
    expect(await h.isLive(meeting)).toBe(false);
    await expect(h.adapter.deleteMeeting(ref(meeting))).resolves.toBeUndefined();
    const unknown: MeetingRef = {
      ...ref(meeting),
      providerMeetingId: randomUUID(),
      providerRoomName: `/never-created-${randomUUID()}`.slice(0, 40),
    };
    await expect(h.adapter.deleteMeeting(unknown)).resolves.toBeUndefined();
  });

  it('creates the room under a name planned before the call and deletes it by that name alone, idempotently, or refuses both when it does not declare plannedRoomNames', async () => {
    const roomName = `contract-${++n}`;
    if (!h.adapter.capabilities.plannedRoomNames) {
      expect(() => h.adapter.planRoomName(roomName)).toThrow(UnsupportedCapabilityError);
      const planned: CreateMeetingInput = { roomName, settings: plain, endDate: inAnHour(), providerRoomName: `${roomName}-planned` };
      await expect(h.adapter.createMeeting(planned)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      await expect(h.adapter.deleteRoomByName(`${roomName}-planned`)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    const planned = h.adapter.planRoomName(roomName);
    expect(planned).toMatch(new RegExp(`^/?${roomName}-`));
    expect(h.adapter.planRoomName(roomName)).not.toBe(planned);
    const meeting = await h.adapter.createMeeting({ roomName, settings: plain, endDate: inAnHour(), providerRoomName: planned });
    expect(meeting.providerRoomName).toBe(planned);
    expect(await h.isLive(meeting)).toBe(true);
    await h.adapter.deleteRoomByName(planned);
    expect(await h.isLive(meeting)).toBe(false);
    await expect(h.adapter.deleteRoomByName(planned)).resolves.toBeUndefined();
    await expect(h.adapter.deleteRoomByName(h.adapter.planRoomName('never-created'))).resolves.toBeUndefined();
  });

  it('gives the owner the host URL only where it declares hostUrl, and a token per caller exactly when it declares joinTokens', async () => {
    const meeting = await create();
    const join = (user: { id: string; name: string } | null, isOwner: boolean) =>
      h.adapter.createJoin({ meeting: ref(meeting), settings: plain, user, isOwner });
    const owner = await join({ id: 'owner-1', name: 'Olivia Owner' }, true);
    const visitor = await join({ id: 'visitor-1', name: 'Victor Visitor' }, false);
    const anonymous = await join(null, false);
    const roomPath = meeting.providerRoomName.replace(/^\//, '');
    for (const result of [owner, visitor, anonymous]) {
      if (result.kind === 'url') expect(new URL(result.url).pathname.endsWith(roomPath)).toBe(true);
      else {
        expect(result.roomName).toBe(meeting.providerRoomName);
        expect(new URL(result.serverUrl).protocol).toMatch(/^(wss?|https?):$/);
        expect(result.token).toMatch(/\S/);
      }
    }
    /** The page a URL join opens; an SDK join opens none. */
    const page = (r: JoinResult) => (r.kind === 'url' ? r.url : '');
    for (const result of [visitor, anonymous]) expect(page(result)).not.toContain(meeting.hostRoomUrl ?? '\u0000');
    if (h.adapter.capabilities.hostUrl) expect(page(owner).startsWith(meeting.hostRoomUrl ?? '\u0000')).toBe(true);
    if (!h.adapter.capabilities.joinTokens) {
      expect([owner.token, visitor.token, anonymous.token]).toEqual([null, null, null]);
      return;
    }
    const tokens = [owner, visitor, anonymous].map((r) => r.token ?? '');
    expect(new Set(tokens).size).toBe(3);
    // A token is handed over next to the URL, never in it (browsers keep URLs in history and logs).
    [owner, visitor, anonymous].forEach((r, i) => r.kind === 'url' && expect(r.url).not.toContain(tokens[i]));
    expect(await h.tokenGrant(tokens[0]!)).toEqual({ isOwner: true, userId: 'owner-1' });
    expect(await h.tokenGrant(tokens[1]!)).toEqual({ isOwner: false, userId: 'visitor-1' });
    expect(await h.tokenGrant(tokens[2]!)).toEqual({ isOwner: false, userId: null });
  });

  it('reports who the provider says is in the call through getPresence, or refuses it when it does not declare presence', async () => {
    const meeting = await create();
    if (!h.adapter.capabilities.presence) {
      await expect(h.adapter.getPresence(ref(meeting))).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    expect(await h.adapter.getPresence(ref(meeting))).toEqual({ participants: [], total: 0 });
    const sessionId = await h.join(meeting, ada);
    const present = await h.adapter.getPresence(ref(meeting));
    expect(present).toEqual({
      participants: [{ sessionId, userId: ada.userId, userName: ada.userName, joinedAt: expect.any(Date) }],
      total: 1,
    });
    await h.leave(meeting, sessionId);
    expect(await h.adapter.getPresence(ref(meeting))).toEqual({ participants: [], total: 0 });
  });

  it('declares where presence comes from: its presence API exactly when it declares presence, else the webhooks', () => {
    expect(h.adapter.presence.source).toBe(h.adapter.capabilities.presence ? 'api' : 'webhooks');
    expect(h.adapter.presence.presenceLagSeconds).toBeGreaterThanOrEqual(0);
    expect(h.adapter.presence.sessionsLagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('lists a two-person call session through getSessions once its lag passed, and ends it after the room empties, or refuses it when it does not declare sessions', async () => {
    const meeting = await create();
    if (!h.adapter.capabilities.sessions) {
      await expect(h.adapter.getSessions(ref(meeting))).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    expect(await h.adapter.getSessions(ref(meeting))).toEqual([]);
    const first = await h.join(meeting, ada);
    const second = await h.join(meeting, { userId: 'user-bo', userName: 'Bo' });
    // Sessions APIs report the past (Whereby insights lag 10-15 minutes): let the declared lag pass.
    const lagMs = (h.adapter.presence.sessionsLagSeconds + 120) * 1000;
    await h.passTime(lagMs);
    const running = await h.adapter.getSessions(ref(meeting));
    expect(running).toEqual([{ sessionId: expect.any(String), startedAt: expect.any(Date), endedAt: null }]);
    await h.leave(meeting, first);
    await h.leave(meeting, second);
    await h.passTime(lagMs);
    const ended = await h.adapter.getSessions(ref(meeting));
    expect(ended).toHaveLength(1);
    expect(ended[0]?.sessionId).toBe(running[0]?.sessionId);
    expect(ended[0]?.endedAt).toBeInstanceOf(Date);
  });

  it("verifies the provider's own signed webhooks and normalizes them to participant.joined / participant.left with the room name and session id", async () => {
    const meeting = await create();
    const sessionId = await h.join(meeting, ada);
    await h.leave(meeting, sessionId);
    expect(h.collector.received.length).toBeGreaterThanOrEqual(2);
    const events = receivedEvents().filter(isParticipant);
    const expected = { providerRoomName: meeting.providerRoomName, sessionId, userId: ada.userId, userName: ada.userName };
    expect(events.map((e) => e.kind)).toEqual(['participant.joined', 'participant.left']);
    expect(events[0]).toMatchObject({ ...expected, kind: 'participant.joined' });
    expect(events[1]).toMatchObject({ ...expected, kind: 'participant.left' });
    expect(events[0]?.eventId).not.toBe(events[1]?.eventId);
    for (const e of events) expect(Math.abs(e.occurredAt.getTime() - h.now().getTime())).toBeLessThan(60_000);
  });

  it('refuses a webhook whose body was changed after the provider signed it', async () => {
    const meeting = await create();
    await h.join(meeting, ada);
    const signed = h.collector.received.find((w) => w.rawBody.includes(ada.userName));
    expect(signed).toBeDefined();
    const tampered = Buffer.from(signed!.rawBody.toString('utf8').replace(ada.userName, 'Mallory'));
    expect(tampered.equals(signed!.rawBody)).toBe(false);
    expect(() => h.adapter.webhooks.verify(tampered, signed!.headers, h.now())).toThrow(WebhookVerificationError);
  });

  it('starts a server-side recording while someone is in the call (repeatable per instance), or refuses it when it does not declare serverSideRecording', async () => {
    const meeting = await create(recorded);
    const input = { type: h.adapter.capabilities.rawTracks ? ('raw-tracks' as const) : ('cloud' as const), instanceId: randomUUID() };
    if (!h.adapter.capabilities.serverSideRecording) {
      await expect(h.adapter.startRecording(ref(meeting), input)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    await h.join(meeting, ada);
    const first = await h.adapter.startRecording(ref(meeting), input);
    expect(first.recordingId).toMatch(/\S/);
    const again = await h.adapter.startRecording(ref(meeting), input);
    expect([first.recordingId, null]).toContain(again.recordingId);
  });

  it('hands out a working download link for a recording it hosts, or refuses it when it does not declare recordingLinks', async () => {
    const meeting = await create();
    if (!h.adapter.capabilities.recordingLinks) {
      await expect(h.adapter.getRecordingLink(randomUUID())).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    const recordingId = await h.hostedRecording(meeting);
    const link = await h.adapter.getRecordingLink(recordingId);
    expect(link.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("tells a download job where a recorded call's files are (objects the provider wrote to our bucket, or a working link), or refuses it when it does not declare recordingSource", async () => {
    const meeting = await create(recorded);
    if (!h.adapter.capabilities.recordingSource) {
      const ref = { recordingId: randomUUID(), kind: 'composite' as const, keys: [] };
      await expect(h.adapter.getRecordingSource(ref)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    await h.join(meeting, ada);
    await h.recordCall(meeting);
    const ready = receivedEvents().find((e): e is RecordingReadyEvent => e.kind === 'recording.ready');
    expect(ready?.providerRoomName).toBe(meeting.providerRoomName);
    const source = await h.adapter.getRecordingSource(recordingRefOf(ready!));
    if (source.kind === 'link') {
      expect(source.expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect((await fetch(source.url)).status).toBe(200);
      return;
    }
    expect(source.keys.length).toBeGreaterThan(0);
    expect(await h.bucketObjects()).toEqual(expect.arrayContaining(source.keys.map((key) => `${source.bucket}/${key}`)));
  });

  it('reads the bucket notice of a recorded call as the recording its webhook announced (same recording, same inbox key), or reads no notice when it does not declare recordingNotices', async () => {
    const foreign = {
      eventName: 'ObjectCreated:Put',
      eventTime: new Date().toISOString(),
      s3: { bucket: { name: 'elsewhere' }, object: { key: 'a-2026-01-01T00:00:00Z.mp4', size: 1 } },
    };
    expect(h.adapter.recordingNotices.parse(foreign)).toBeNull();
    expect(h.adapter.recordingNotices.parse({ Event: 's3:TestEvent' })).toBeNull();
    if (!h.adapter.capabilities.recordingNotices) return;
    const meeting = await create(recorded);
    await h.join(meeting, ada);
    await h.recordCall(meeting);
    const ready = receivedEvents().find((e): e is RecordingReadyEvent => e.kind === 'recording.ready');
    const notices = (await h.bucketNotices()).map((r) => h.adapter.recordingNotices.parse(r)).filter((e) => e !== null);
    const notice = notices.find((e) => e.recordingId === ready?.recordingId);
    expect(notice).toMatchObject({ kind: 'recording.ready', eventId: ready?.eventId, providerRoomName: meeting.providerRoomName });
    const [fromNotice, fromWebhook] = [notice!, ready!].map(async (e) => h.adapter.getRecordingSource(recordingRefOf(e)));
    expect(await fromNotice).toEqual(await fromWebhook);
  });

  it('finds a recorded call by listing recordings, as the recording its webhook announced (same recording, same inbox key, the stored item parses back), or refuses when it does not declare recordingPolling', async () => {
    if (!h.adapter.capabilities.recordingPolling) {
      await expect(h.adapter.listRecordings({ cursor: null, since: null })).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      expect(() => h.adapter.parseListedRecording({})).toThrow(UnsupportedCapabilityError);
      expect(h.adapter.recordingPollSeconds).toBeNull();
      return;
    }
    expect(h.adapter.recordingPollSeconds).toBeGreaterThan(0);
    const meeting = await create(recorded);
    await h.join(meeting, ada);
    await h.recordCall(meeting);
    const ready = receivedEvents().find((e): e is RecordingReadyEvent => e.kind === 'recording.ready');
    const page = await h.adapter.listRecordings({ cursor: null, since: new Date(Date.now() - 3_600_000) });
    const listed = page.recordings.find((r) => r.event.recordingId === ready?.recordingId);
    expect(listed?.event).toMatchObject({
      eventId: ready?.eventId,
      providerRoomName: meeting.providerRoomName,
      recordingType: ready?.recordingType,
      tracks: ready?.tracks,
    });
    expect(h.adapter.parseListedRecording(JSON.parse(JSON.stringify(listed!.raw)))).toEqual(listed!.event);
    expect(await h.adapter.listRecordings({ cursor: null, since: new Date(Date.now() + 3_600_000) })).toMatchObject({
      recordings: [],
      cursor: null,
    });
  });

  it("uploads a logo to the meeting's room, or refuses it when it does not declare logo", async () => {
    const meeting = await create();
    const logo = {
      data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      contentType: 'image/png',
      filename: 'logo.png',
    };
    if (!h.adapter.capabilities.logo) {
      await expect(h.adapter.uploadLogo(ref(meeting), logo)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    await h.adapter.uploadLogo(ref(meeting), logo);
    expect(await h.storedLogo(meeting)).toEqual({ contentType: 'image/png', size: logo.data.length });
  });
  it('moves the room end later while people are in it, or refuses when it does not declare extendMeeting', async () => {
    const meeting = await create();
    const later = new Date(meeting.endDate.getTime() + 3_600_000);
    if (!h.adapter.capabilities.extendMeeting) {
      await expect(h.adapter.extendMeeting(ref(meeting), later)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      expect(await h.roomEnd(meeting)).toEqual(meeting.endDate);
      return;
    }
    const sessionId = await h.join(meeting, ada);
    await h.adapter.extendMeeting(ref(meeting), later);
    expect(await h.roomEnd(meeting)).toEqual(later);
    await h.leave(meeting, sessionId);
  });

  it("points its webhook at a URL through the provider's API and lists it active, or refuses when it does not declare webhookAdmin", async () => {
    if (!h.adapter.capabilities.webhookAdmin) {
      await expect(h.adapter.listWebhooks()).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      await expect(h.adapter.registerWebhook(h.collector.url)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      await expect(h.adapter.reactivateWebhook('any')).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    const registered = await h.adapter.registerWebhook(h.collector.url);
    expect(registered).toMatchObject({ url: h.collector.url, state: 'active', failedCount: 0 });
    expect(await h.adapter.listWebhooks()).toEqual([registered]);
    expect(await h.adapter.reactivateWebhook(registered.id)).toMatchObject({ id: registered.id, state: 'active' });
  });
});
