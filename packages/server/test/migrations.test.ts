import { rowsOf } from '../src/db/client.js';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/** A copy of the migrations folder holding only the first `n` migrations. */
function firstMigrations(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'meetbridge-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function rows(t: TestDatabase, query: ReturnType<typeof sql>) {
  return rowsOf<Record<string, unknown>>(await t.database.db.execute(query));
}

let t: TestDatabase | undefined;
afterEach(async () => t?.cleanup());

describe('migration history', () => {
  it('starts from a Whereby-only schema with no platform column', async () => {
    t = await createTestDatabase();
    await t.database.migrate(firstMigrations(1));
    const columns = await rows(
      t,
      sql`select table_name, column_name from information_schema.columns where column_name = 'platform' and table_schema = 'public'`,
    );
    expect(columns).toEqual([]);
  });

  it('"add platform support" keeps every existing row unchanged and marks it whereby', async () => {
    t = await createTestDatabase();
    await t.database.migrate(firstMigrations(1));
    await t.database.db.execute(sql`
      insert into room (id, name, user_id, is_locked, room_mode, room_size, recording_type, recording_trigger, skip_consent, created_at, updated_at) values
        ('11111111-1111-4111-8111-111111111111', 'legacy-one', 'u1', true, 'group', 12, 'cloud', 'prompt', true, '2025-01-02T03:04:05Z', '2025-02-03T04:05:06Z'),
        ('22222222-2222-4222-8222-222222222222', 'legacy-two', 'u2', false, 'normal', null, 'none', 'none', false, '2025-03-04T05:06:07Z', '2025-03-04T05:06:07Z')`);
    await t.database.db.execute(sql`
      insert into meeting (id, room_id, provider_meeting_id, provider_room_name, room_url, host_room_url, start_date, end_date, is_active, num_clients, is_locked, room_mode, room_size, recording_type, recording_trigger, created_at) values
        ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', '9cf691bf', '/legacy-one-793e9ec1', 'https://acme.whereby.com/legacy-one-793e9ec1', 'https://acme.whereby.com/legacy-one-793e9ec1?roomKey=k', '2025-01-02T10:00:00Z', '2025-01-02T18:00:00Z', true, 3, true, 'group', 12, 'cloud', 'prompt', '2025-01-02T10:00:00Z'),
        ('44444444-4444-4444-8444-444444444444', '22222222-2222-4222-8222-222222222222', 'a1b2c3', '/legacy-two-0000', 'https://acme.whereby.com/legacy-two-0000', null, '2025-03-04T10:00:00Z', '2025-03-04T18:00:00Z', false, 0, false, 'normal', null, 'none', 'none', '2025-03-04T10:00:00Z')`);
    const snapshot = async (table: 'room' | 'meeting') =>
      rows(t!, sql.raw(`select to_jsonb(x) - 'platform' as row from ${table} x order by id`));
    const roomsBefore = await snapshot('room');
    const meetingsBefore = await snapshot('meeting');

    await t.database.migrate(firstMigrations(2));

    expect(await snapshot('room')).toEqual(roomsBefore);
    expect(await snapshot('meeting')).toEqual(meetingsBefore);
    expect(await rows(t, sql`select distinct platform from room`)).toEqual([{ platform: 'whereby' }]);
    expect(await rows(t, sql`select distinct platform from meeting`)).toEqual([{ platform: 'whereby' }]);
    // and the later migrations apply on top of the upgraded rows
    await t.database.migrate();
    expect(await t.database.isReady()).toBe(true);
  });

  it('"provider behaviour" owes no provider-room deletion for meetings that ended before it', async () => {
    t = await createTestDatabase();
    await t.database.migrate(firstMigrations(3));
    await t.database.db.execute(sql`insert into room (id, name, user_id) values ('11111111-1111-4111-8111-111111111111', 'r', 'u')`);
    await t.database.db.execute(sql`
      insert into meeting (id, room_id, platform, provider_meeting_id, provider_room_name, room_url, end_date, is_active, ended_at, is_locked, room_mode, recording_type, recording_trigger) values
        ('33333333-3333-4333-8333-333333333331', '11111111-1111-4111-8111-111111111111', 'daily', 'p1', 'live', 'u', now(), true, null, false, 'normal', 'none', 'none'),
        ('33333333-3333-4333-8333-333333333332', '11111111-1111-4111-8111-111111111111', 'daily', 'p2', 'ended', 'u', now(), false, '2026-01-02T03:04:05Z', false, 'normal', 'none', 'none')`);
    await t.database.migrate();
    expect(await rows(t, sql`select provider_room_name, room_deleted_at from meeting order by provider_room_name`)).toEqual([
      { provider_room_name: 'ended', room_deleted_at: expect.anything() },
      { provider_room_name: 'live', room_deleted_at: null },
    ]);
    const [ended] = await rows(t, sql`select room_deleted_at = ended_at as same from meeting where provider_room_name = 'ended'`);
    expect(ended).toEqual({ same: true });
    expect(await rows(t, sql`select count(*)::int as n from webhook_health`)).toEqual([{ n: 0 }]);
  });

  it('is idempotent: applying all migrations twice changes nothing', async () => {
    t = await createTestDatabase();
    await t.database.migrate();
    await t.database.migrate();
    const applied = await rows(t, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(applied[0]!.n).toBe(journal.entries.length);
  });

  it('reports not ready until migrations are applied', async () => {
    t = await createTestDatabase();
    expect(await t.database.isReady()).toBe(false);
    await t.database.migrate();
    expect(await t.database.isReady()).toBe(true);
  });

  it('keeps provider room names unique per platform, not across platforms', async () => {
    t = await createTestDatabase();
    await t.database.migrate();
    await t.database.db.execute(sql`insert into room (id, name, user_id) values ('11111111-1111-4111-8111-111111111111', 'r', 'u')`);
    const insert = (id: string, platform: string) =>
      t!.database.db
        .execute(sql`insert into meeting (id, room_id, platform, provider_meeting_id, provider_room_name, room_url, end_date, is_locked, room_mode, recording_type, recording_trigger)
        values (${id}, '11111111-1111-4111-8111-111111111111', ${platform}, 'p', 'same-name', 'u', now(), false, 'normal', 'none', 'none')`);
    await insert('33333333-3333-4333-8333-333333333331', 'whereby');
    await insert('33333333-3333-4333-8333-333333333332', 'daily');
    await expect(insert('33333333-3333-4333-8333-333333333333', 'daily')).rejects.toThrow();
  });
});
