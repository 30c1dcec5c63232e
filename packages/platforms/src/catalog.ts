import type { AdapterDeps, EnvRecord, PlatformAdapter } from './core/adapter.js';
import { PlatformUnavailableError } from './core/errors.js';
import { getProvider, isPlatformName, platformNames, providers, type PlatformName } from './registry.js';

/** The platform-selection flags (`DEFAULT_VIDEO_PLATFORM`, `DAILY_MIGRATION_ENABLED`, `DAILY_MIGRATION_ROOM_IDS`). */
export interface SelectionFlags {
  /** `DEFAULT_VIDEO_PLATFORM`; `null` = the first configured of whereby, daily, else mock. */
  defaultPlatform: PlatformName | null;
  /** `DAILY_MIGRATION_ENABLED`: master switch; when false Daily is never chosen. */
  dailyMigrationEnabled: boolean;
  /** `DAILY_MIGRATION_ROOM_IDS`: rooms whose next meetings move to Daily. */
  dailyMigrationRoomIds: readonly string[];
}

const DAILY: string = 'daily';
const WHEREBY: string = 'whereby';
const MOCK = 'mock';
const SWITCH = 'DAILY_MIGRATION_ENABLED';

/**
 * The configured providers of one deployment: which are available, their adapters (built once and
 * reused), and the selection rules that decide a room's and a meeting's platform.
 */
export class PlatformCatalog {
  private readonly configs = new Map<PlatformName, unknown>();
  private readonly missingVars = new Map<PlatformName, string[]>();
  private readonly adapters = new Map<PlatformName, PlatformAdapter>();

  /** Reads every provider's configuration; an invalid value throws `ConfigError`. */
  constructor(
    env: EnvRecord,
    private readonly flags: SelectionFlags,
    private readonly deps: AdapterDeps,
  ) {
    for (const provider of providers) {
      const result = provider.loadConfig(env);
      if (result.ok) this.configs.set(provider.name, result.config);
      else this.missingVars.set(provider.name, result.missing);
    }
  }

  /**
   * What the operator should know at boot about the selection flags: the spec's rollback is
   * "set DAILY_MIGRATION_ENABLED=false", which overrides DEFAULT_VIDEO_PLATFORM=daily (new rooms and
   * meetings go to Whereby) instead of stopping the boot.
   */
  warnings(): string[] {
    if (this.flags.defaultPlatform !== DAILY || this.flags.dailyMigrationEnabled) return [];
    return [
      `DEFAULT_VIDEO_PLATFORM=daily is overridden by ${SWITCH}=false: new rooms and meetings go to Whereby; meetings already on Daily keep working.`,
    ];
  }

  /** Platforms whose credentials are configured. */
  available(): PlatformName[] {
    return platformNames.filter((name) => this.configs.has(name));
  }

  /** The variables a platform still needs (empty when it is configured). */
  missing(name: PlatformName): string[] {
    return this.missingVars.get(name) ?? [];
  }

  /**
   * The platform new rooms get when they do not ask for one. The spec's selection rule comes first:
   * with `DAILY_MIGRATION_ENABLED=false` Daily is never chosen, so a Daily default becomes Whereby
   * (the rollback; see `warnings`).
   */
  defaultPlatform(): PlatformName {
    const chosen = this.flags.defaultPlatform;
    if (chosen === DAILY && !this.flags.dailyMigrationEnabled) return WHEREBY as PlatformName;
    if (chosen) return chosen;
    const preferred = [WHEREBY, ...(this.flags.dailyMigrationEnabled ? [DAILY] : [])];
    const found = preferred.find((name) => isPlatformName(name) && this.configs.has(name));
    return (found ?? MOCK) as PlatformName;
  }

  /** The adapter of a platform; throws `PlatformUnavailableError` when it cannot be used here. */
  adapter(name: PlatformName): PlatformAdapter {
    this.assertUsable(name);
    return this.build(name);
  }

  /**
   * The adapter for an existing meeting's platform, or `null` when its credentials are gone. The
   * Daily switch does not apply: meetings already on Daily keep working (webhooks, joins, cleanup).
   */
  adapterForExisting(name: string): PlatformAdapter | null {
    if (!isPlatformName(name) || !this.configs.has(name)) return null;
    return this.build(name);
  }

  private build(name: PlatformName): PlatformAdapter {
    let adapter = this.adapters.get(name);
    if (!adapter) {
      adapter = getProvider(name).create(this.configs.get(name), this.deps);
      this.adapters.set(name, adapter);
    }
    return adapter;
  }

  /** Decides a new room's platform: the explicit request, else the default. */
  platformForNewRoom(requested: string | null | undefined): PlatformName {
    const name = requested ?? this.defaultPlatform();
    if (!isPlatformName(name)) {
      throw new PlatformUnavailableError(name, `Unknown platform "${name}". Allowed platforms: ${platformNames.join(', ')}.`, []);
    }
    this.assertUsable(name);
    return name;
  }

  /**
   * The platform a room's next meeting uses: Daily when the migration switch is on and the room is
   * listed; otherwise the room's platform, except that Daily rooms fall back to Whereby when the
   * switch is off. Does not check that the platform is configured (see `platformForMeeting`).
   */
  effectivePlatform(room: { id: string; platform: string }): string {
    if (this.flags.dailyMigrationEnabled && this.flags.dailyMigrationRoomIds.includes(room.id)) return DAILY;
    if (room.platform === DAILY && !this.flags.dailyMigrationEnabled) return WHEREBY;
    return room.platform;
  }

  /** Decides a new meeting's platform (`effectivePlatform`) and checks it can be used here. */
  platformForMeeting(room: { id: string; platform: string }): PlatformName {
    const name = this.effectivePlatform(room);
    if (!isPlatformName(name)) {
      throw new PlatformUnavailableError(
        name,
        `The room's platform "${name}" is not registered. Allowed platforms: ${platformNames.join(', ')}.`,
        [],
      );
    }
    this.assertUsable(name);
    return name;
  }

  /** One line per platform for the boot log: available, or which variables are missing. */
  describe(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of platformNames) {
      if (name === DAILY && !this.flags.dailyMigrationEnabled) out[name] = `off (${SWITCH}=false)`;
      else out[name] = this.configs.has(name) ? 'available' : `not configured (missing ${this.missing(name).join(', ')})`;
    }
    return out;
  }

  private assertUsable(name: PlatformName): void {
    if (name === DAILY && !this.flags.dailyMigrationEnabled) {
      throw new PlatformUnavailableError(name, `Daily is switched off: set ${SWITCH}=true to create rooms or meetings on Daily.`, [SWITCH]);
    }
    if (!this.configs.has(name)) {
      const missing = this.missing(name);
      throw new PlatformUnavailableError(name, `The ${name} platform is not configured: set ${missing.join(', ')} to use it.`, missing);
    }
  }
}
