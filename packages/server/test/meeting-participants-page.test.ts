import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
let meetingId: string;
beforeAll(async () => {
  t = await startTestServer({ RUN_WORKERS: 'false' });
  await t.request('POST', '/v1/rooms', { body: { name: 'big-meeting' } });
  meetingId = (await t.request('POST', '/v1/rooms/big-meeting/meeting')).body.id;
  await t.query(`
    insert into participant_session (meeting_id, provider_session_id, joined_at)
    select '${meetingId}', 's-' || lpad(i::text, 5, '0'), timestamptz '2026-01-01' + i * interval '1 second'
    from generate_series(1, 1200) as i`);
});
afterAll(async () => t.close());

describe('GET /v1/meetings/{id} pages the participant sessions', () => {
  it('returns the first 500 sessions, the total and a link to the next page', async () => {
    const res = await t.request('GET', `/v1/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    expect(res.body.participants).toHaveLength(500);
    expect(res.body.participants[0].provider_session_id).toBe('s-00001');
    expect(res.body.participants_total).toBe(1200);
    expect(res.body.participants_next).toBe(`/v1/meetings/${meetingId}?participants_limit=500&participants_offset=500`);
  });

  it('follows the next links to the end, seeing every session once', async () => {
    const seen: string[] = [];
    let path: string | null = `/v1/meetings/${meetingId}?participants_limit=450`;
    while (path) {
      const res = await t.request('GET', path);
      expect(res.status).toBe(200);
      seen.push(...res.body.participants.map((p: { provider_session_id: string }) => p.provider_session_id));
      path = res.body.participants_next;
    }
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
  });

  it('refuses a page larger than 1000 with 400', async () => {
    expect((await t.request('GET', `/v1/meetings/${meetingId}?participants_limit=5000`)).status).toBe(400);
  });
});
