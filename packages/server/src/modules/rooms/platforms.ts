import {
  getProvider,
  platformNames,
  PlatformUnavailableError,
  type Capabilities,
  type PlatformCatalog,
  type PlatformName,
} from '@meetbridge/platforms';
import type { PlatformCapabilities, PlatformInfo } from './schemas.js';

/** Each capability's API name; a capability added to the contract fails to compile here until it is named. */
const CAPABILITY_NAMES = {
  hostUrl: 'host_url',
  joinTokens: 'join_tokens',
  presence: 'presence',
  sessions: 'sessions',
  deleteMeeting: 'delete_meeting',
  serverSideRecording: 'server_side_recording',
  rawTracks: 'raw_tracks',
  recordingLinks: 'recording_links',
  recordingSource: 'recording_source',
  logo: 'logo',
  webhookAdmin: 'webhook_admin',
  extendMeeting: 'extend_meeting',
  recordingNotices: 'recording_notices',
  recordingPolling: 'recording_polling',
  plannedRoomNames: 'planned_room_names',
} as const satisfies Record<keyof Capabilities, keyof PlatformCapabilities>;

function toApiCapabilities(capabilities: Capabilities): PlatformCapabilities {
  const out = {} as PlatformCapabilities;
  for (const [key, name] of Object.entries(CAPABILITY_NAMES) as [keyof Capabilities, keyof PlatformCapabilities][]) {
    out[name] = capabilities[key];
  }
  return out;
}

/** True when the catalog would accept `name` for a new room (configured, and switched on where a switch applies). */
function acceptsNewRooms(catalog: PlatformCatalog, name: PlatformName): boolean {
  try {
    catalog.platformForNewRoom(name);
    return true;
  } catch (error) {
    if (error instanceof PlatformUnavailableError) return false;
    throw error;
  }
}

/** The platforms a room may be created on or moved to here, with their declared capabilities. */
export function availablePlatforms(catalog: PlatformCatalog): PlatformInfo[] {
  const fallback = catalog.defaultPlatform();
  return platformNames
    .filter((name) => acceptsNewRooms(catalog, name))
    .map((name) => {
      const provider = getProvider(name);
      return {
        name,
        display_name: provider.displayName,
        is_default: name === fallback,
        capabilities: toApiCapabilities(provider.capabilities),
      };
    });
}
