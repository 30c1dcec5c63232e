import type { PlatformName } from '@/lib/api/types';
import type { RoomModule } from './types';

/**
 * The web side of the provider registry: one line per platform, each room component in its own lazy
 * chunk. The key set must equal the server's platform enum (from the generated API types), so a new
 * provider fails to compile here until its room component exists. Nothing else in the app names a
 * platform: `RoomContainer` looks the meeting's platform up in this map.
 */
export const roomModules = {
  mock: () => import('./mock/room'),
  whereby: () => import('./whereby/room'),
  daily: () => import('./daily/room'),
} as const satisfies Record<PlatformName, () => Promise<RoomModule>>;

/** The loader of a platform's room component, or null for a platform this build does not know. */
export function roomModuleLoader(platform: string): (() => Promise<RoomModule>) | null {
  return Object.hasOwn(roomModules, platform) ? roomModules[platform as PlatformName] : null;
}
