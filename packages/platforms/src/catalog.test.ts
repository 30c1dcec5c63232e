import { describe, expect, it } from 'vitest';
import { PlatformCatalog, type SelectionFlags } from './catalog.js';
import type { AdapterDeps, EnvRecord } from './core/adapter.js';
import { systemClock } from './core/clock.js';
import { ConfigError, PlatformUnavailableError } from './core/errors.js';
import { silentLogger } from './core/logger.js';
import { DailyAdapter } from './providers/daily/adapter.js';
import { WherebyAdapter } from './providers/whereby/adapter.js';

const deps: AdapterDeps = { clock: systemClock, logger: silentLogger, baseUrl: 'http://localhost:3000' };
const WHEREBY: EnvRecord = { WHEREBY_API_KEY: 'wb-key' };
const DAILY: EnvRecord = { DAILY_API_KEY: 'daily-key' };
const BOTH: EnvRecord = { ...WHEREBY, ...DAILY };
const off: SelectionFlags = { defaultPlatform: null, dailyMigrationEnabled: false, dailyMigrationRoomIds: [] };
const on: SelectionFlags = { ...off, dailyMigrationEnabled: true };

function catalog(env: EnvRecord, flags: SelectionFlags = off): PlatformCatalog {
  return new PlatformCatalog(env, flags, deps);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('PlatformCatalog availability', () => {
  it('lists configured platforms and the variables the others still need', () => {
    const c = catalog(WHEREBY);
    expect(c.available()).toEqual(['mock', 'whereby']);
    expect(c.missing('daily')).toEqual(['DAILY_API_KEY']);
    expect(c.missing('whereby')).toEqual([]);
  });

  it('describes each platform for the boot log', () => {
    expect(catalog(WHEREBY).describe()).toEqual({ mock: 'available', whereby: 'available', daily: 'off (DAILY_MIGRATION_ENABLED=false)' });
    expect(catalog({}, on).describe()).toEqual({
      mock: 'available',
      whereby: 'not configured (missing WHEREBY_API_KEY)',
      daily: 'not configured (missing DAILY_API_KEY)',
    });
  });

  it('fails at boot on an invalid provider value, naming the variable', () => {
    const error = thrown(() => catalog({ ...WHEREBY, WHEREBY_API_URL: 'nope' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['WHEREBY_API_URL']);
  });

  it('rolls DEFAULT_VIDEO_PLATFORM=daily back to Whereby while the migration switch is off (the spec rule), with a boot warning', () => {
    const c = catalog(BOTH, { ...off, defaultPlatform: 'daily' });
    expect(c.defaultPlatform()).toBe('whereby');
    expect(c.platformForNewRoom(undefined)).toBe('whereby');
    expect(c.warnings()).toEqual([expect.stringContaining('DEFAULT_VIDEO_PLATFORM=daily is overridden by DAILY_MIGRATION_ENABLED=false')]);
    expect(catalog(BOTH, { ...on, defaultPlatform: 'daily' }).warnings()).toEqual([]);
    expect(catalog(BOTH, { ...on, defaultPlatform: 'daily' }).defaultPlatform()).toBe('daily');
  });
});

describe('PlatformCatalog default platform', () => {
  it('uses the configured default', () => {
    expect(catalog(BOTH, { ...on, defaultPlatform: 'daily' }).defaultPlatform()).toBe('daily');
  });

  it('falls back to whereby when it is configured and no default is set', () => {
    expect(catalog(BOTH, on).defaultPlatform()).toBe('whereby');
  });

  it('falls back to daily only when whereby is missing and the switch is on', () => {
    expect(catalog(DAILY, on).defaultPlatform()).toBe('daily');
    expect(catalog(DAILY, off).defaultPlatform()).toBe('mock');
  });

  it('falls back to mock when nothing is configured', () => {
    expect(catalog({}).defaultPlatform()).toBe('mock');
    expect(catalog({}).platformForNewRoom(null)).toBe('mock');
  });
});

describe('PlatformCatalog new rooms', () => {
  it('honours an explicit platform', () => {
    expect(catalog(BOTH, on).platformForNewRoom('daily')).toBe('daily');
    expect(catalog(WHEREBY).platformForNewRoom(undefined)).toBe('whereby');
  });

  it('refuses an unknown platform, listing the allowed ones', () => {
    const error = thrown(() => catalog(BOTH).platformForNewRoom('zoom'));
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect((error as Error).message).toContain('mock, whereby, daily');
  });

  it('refuses daily while the switch is off, naming the switch', () => {
    const error = thrown(() => catalog(BOTH).platformForNewRoom('daily'));
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect((error as PlatformUnavailableError).variables).toEqual(['DAILY_MIGRATION_ENABLED']);
    expect((error as Error).message).toContain('DAILY_MIGRATION_ENABLED=true');
  });

  it('refuses a platform without credentials, naming the missing variables', () => {
    const error = thrown(() => catalog({}).platformForNewRoom('whereby'));
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect((error as PlatformUnavailableError).status).toBe(409);
    expect((error as PlatformUnavailableError).variables).toEqual(['WHEREBY_API_KEY']);
    expect((error as Error).message).toContain('set WHEREBY_API_KEY');
  });
});

describe('PlatformCatalog meetings', () => {
  it('keeps a room on its platform', () => {
    expect(catalog(BOTH, on).platformForMeeting({ id: 'r1', platform: 'whereby' })).toBe('whereby');
    expect(catalog(BOTH, on).platformForMeeting({ id: 'r1', platform: 'daily' })).toBe('daily');
  });

  it('moves a Daily room to Whereby while the switch is off', () => {
    expect(catalog(BOTH, off).platformForMeeting({ id: 'r1', platform: 'daily' })).toBe('whereby');
  });

  it('moves rooms listed in DAILY_MIGRATION_ROOM_IDS to Daily, only with the switch on', () => {
    const flags = { ...on, dailyMigrationRoomIds: ['r1'] };
    expect(catalog(BOTH, flags).platformForMeeting({ id: 'r1', platform: 'whereby' })).toBe('daily');
    expect(catalog(BOTH, flags).platformForMeeting({ id: 'r2', platform: 'whereby' })).toBe('whereby');
    expect(catalog(BOTH, { ...flags, dailyMigrationEnabled: false }).platformForMeeting({ id: 'r1', platform: 'whereby' })).toBe('whereby');
  });

  it('reports the effective platform without checking credentials', () => {
    expect(catalog({}, off).effectivePlatform({ id: 'r1', platform: 'daily' })).toBe('whereby');
    expect(catalog({}, { ...on, dailyMigrationRoomIds: ['r1'] }).effectivePlatform({ id: 'r1', platform: 'mock' })).toBe('daily');
  });

  it('refuses a room whose platform is not registered', () => {
    expect(thrown(() => catalog(BOTH).platformForMeeting({ id: 'r1', platform: 'jitsi' }))).toBeInstanceOf(PlatformUnavailableError);
  });

  it('refuses a migrated room when Daily has no credentials', () => {
    const error = thrown(() =>
      catalog(WHEREBY, { ...on, dailyMigrationRoomIds: ['r1'] }).platformForMeeting({ id: 'r1', platform: 'whereby' }),
    );
    expect((error as PlatformUnavailableError).variables).toEqual(['DAILY_API_KEY']);
  });
});

describe('PlatformCatalog adapters', () => {
  it('builds each adapter once and reuses it', () => {
    const c = catalog(BOTH, on);
    expect(c.adapter('whereby')).toBeInstanceOf(WherebyAdapter);
    expect(c.adapter('whereby')).toBe(c.adapter('whereby'));
    expect(c.adapter('daily')).toBeInstanceOf(DailyAdapter);
  });

  it('still serves existing Daily meetings while the switch is off, but not unconfigured or unknown platforms', () => {
    const c = catalog(BOTH, off);
    expect(() => c.adapter('daily')).toThrow(PlatformUnavailableError);
    expect(c.adapterForExisting('daily')).toBeInstanceOf(DailyAdapter);
    expect(catalog(WHEREBY).adapterForExisting('daily')).toBeNull();
    expect(c.adapterForExisting('zoom')).toBeNull();
  });
});
