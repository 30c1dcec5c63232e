import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { Meeting } from '@/lib/api/types';

/** What the room list shows about a room's live meetings. */
export interface RoomActivity {
  meetings: number;
  participants: number;
  since: string;
}

export const getActiveMeetings = async () =>
  (await unwrap(api.GET('/v1/meetings', { params: { query: { active: 'true', page_size: 100 } } }))).items;

/** Live meetings of the caller's rooms, summed up per room. */
export function activityByRoom(meetings: readonly Meeting[]): Map<string, RoomActivity> {
  const out = new Map<string, RoomActivity>();
  for (const m of meetings) {
    const seen = out.get(m.room_id);
    out.set(m.room_id, {
      meetings: (seen?.meetings ?? 0) + 1,
      participants: (seen?.participants ?? 0) + m.num_clients,
      since: seen && seen.since < m.start_date ? seen.since : m.start_date,
    });
  }
  return out;
}

/** Refreshed every 10 s while the list is open, so participant counts follow the calls. */
export const activeMeetingsQueryOptions = () =>
  queryOptions({ queryKey: ['meetings', 'active'], queryFn: getActiveMeetings, select: activityByRoom, refetchInterval: 10_000 });

export const useRoomActivity = () => useQuery(activeMeetingsQueryOptions());
