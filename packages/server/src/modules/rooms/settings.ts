import type { RoomSettings } from '@meetbridge/platforms';
import type { RoomRow } from '../../db/schema/index.js';

/** The settings columns rooms have and meetings snapshot. */
type SettingsColumns = Pick<RoomRow, 'isLocked' | 'roomMode' | 'roomSize' | 'recordingType' | 'recordingTrigger'>;

/** The settings of a room (or the snapshot a meeting was created with). */
export function roomSettings(row: SettingsColumns): RoomSettings {
  return {
    isLocked: row.isLocked,
    roomMode: row.roomMode as RoomSettings['roomMode'],
    roomSize: row.roomSize,
    recordingType: row.recordingType as RoomSettings['recordingType'],
    recordingTrigger: row.recordingTrigger as RoomSettings['recordingTrigger'],
  };
}
