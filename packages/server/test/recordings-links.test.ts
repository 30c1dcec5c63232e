import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingWhen } from './helpers/recordings.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * Recordings the provider hosts are fetched through its download link, which comes from outside:
 * a link to a loopback or private address is refused (no SSRF through webhook payloads) unless the
 * configuration allows it (the fakes listen on 127.0.0.1). Whereby without an S3 destination hosts
 * its recordings and hands out such links.
 */

async function hostedRecording(w: World, name: string, content: string): Promise<any> {
  const m = await roomWithMeeting(w.t, name, 'whereby');
  await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
  await w.whereby.control.finishRecording({ meetingId: m.provider_meeting_id, content });
  await w.whereby.control.settle();
  // The in-process worker may be applying the delivery right now (its rows are skipped by this drain
  // until it commits), so wait for the recording to be listed rather than reading once.
  const deadline = Date.now() + 20_000;
  for (;;) {
    await w.t.server.container.webhooks.drain.drain();
    const list = await w.t.request('GET', `/v1/meetings/${m.id}/recordings`);
    if (list.body.items.length > 0 || Date.now() > deadline) {
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('download links on private addresses', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
  });
  afterAll(async () => w?.close());

  it('refuses a link to 127.0.0.1 by default: `error`, nothing fetched', async () => {
    const rec = await hostedRecording(w, 'ssrf-refused', 'not fetched');
    const row = await recordingWhen(w.t, rec.id, (r) => r.status === 'error');
    expect(row.error).toMatch(/Refused to fetch http:\/\/127\.0\.0\.1:\d+\/_files\/whereby\/recordings\/.*private, loopback or reserved/);
    expect(row.error).not.toMatch(/expires=/);
  });
});

describe('download links with RECORDING_DOWNLOAD_ALLOW_PRIVATE', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600', RECORDING_DOWNLOAD_ALLOW_PRIVATE: 'true', RECORDING_MAX_BYTES: '2048' });
  });
  afterAll(async () => w?.close());

  it('fetches it; bytes that are not media end `invalid`', async () => {
    const rec = await hostedRecording(w, 'ssrf-allowed', 'FAKE RECORDING BYTES');
    const row = await recordingWhen(w.t, rec.id, (r) => r.status === 'invalid');
    expect(row.error).toMatch(/not a readable media file/);
    expect(row.tracks).toHaveLength(1);
    // Raw SQL: PostgreSQL returns bigint columns as strings (the API reads them through Drizzle as numbers).
    expect(Number(row.size_bytes)).toBe('FAKE RECORDING BYTES'.length);
    expect(row.source).toEqual({ kind: 'link' });
  });

  it('refuses a recording larger than RECORDING_MAX_BYTES: `invalid`, nothing stored', async () => {
    const rec = await hostedRecording(w, 'too-large', 'x'.repeat(4096));
    const row = await recordingWhen(w.t, rec.id, (r) => r.status === 'invalid');
    expect(row.error).toMatch(/larger than RECORDING_MAX_BYTES \(2048 bytes/);
    expect(await w.t.server.container.storage.stat(`recordings/${rec.id}/composite.mp4`)).toBeNull();
  });
});
