import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProviderFakes, type ProviderFakes } from './helpers/provider-fakes.js';
import { startTestServer } from './helpers/server.js';

let fakes: ProviderFakes;
beforeAll(async () => {
  fakes = await startProviderFakes();
});
afterAll(async () => fakes.close());

type Item = { name: string; display_name: string; is_default: boolean; capabilities: Record<string, boolean> };

async function platforms(env: Record<string, string>, inspect?: (doc: any) => void): Promise<Item[]> {
  const t = await startTestServer({ RUN_WORKERS: 'false', ...env });
  try {
    const res = await t.request('GET', '/v1/platforms');
    expect(res.status).toBe(200);
    inspect?.((await t.request('GET', '/openapi.json')).body);
    return res.body.items as Item[];
  } finally {
    await t.close();
  }
}

describe('GET /v1/platforms', () => {
  it('lists only the mock provider, as the default, when nothing else is configured (documented in the OpenAPI)', async () => {
    const items = await platforms({}, (doc) => expect(doc.paths['/v1/platforms'].get.responses['200']).toBeDefined());
    expect(items).toEqual([
      {
        name: 'mock',
        display_name: 'Mock (built-in)',
        is_default: true,
        capabilities: expect.objectContaining({ presence: true, host_url: expect.any(Boolean), join_tokens: true }),
      },
    ]);
    expect(Object.keys(items[0]!.capabilities).sort()).toEqual(
      [
        'delete_meeting',
        'extend_meeting',
        'host_url',
        'join_tokens',
        'logo',
        'planned_room_names',
        'presence',
        'raw_tracks',
        'recording_links',
        'recording_notices',
        'recording_polling',
        'recording_source',
        'server_side_recording',
        'sessions',
        'webhook_admin',
      ].sort(),
    );
  });

  it('leaves out a configured platform whose switch is off, and marks the default', async () => {
    const items = await platforms({ ...fakes.wherebyEnv, ...fakes.dailyEnv });
    expect(items.map((p) => [p.name, p.is_default])).toEqual([
      ['mock', false],
      ['whereby', true],
    ]);
  });

  it('lists every configured platform with its declared capabilities once switched on', async () => {
    const items = await platforms({
      ...fakes.wherebyEnv,
      ...fakes.dailyEnv,
      DAILY_MIGRATION_ENABLED: 'true',
      DEFAULT_VIDEO_PLATFORM: 'mock',
    });
    expect(items.map((p) => [p.name, p.is_default])).toEqual([
      ['mock', true],
      ['whereby', false],
      ['daily', false],
    ]);
    const daily = items.find((p) => p.name === 'daily')!;
    expect(daily.capabilities).toMatchObject({ join_tokens: true, presence: true, raw_tracks: true });
  });
});
