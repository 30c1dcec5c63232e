/** Every client route, with its pattern (for the router) and a builder for links. */
export const paths = {
  rooms: { pattern: '/', href: () => '/' },
  newRoom: { pattern: '/rooms/new', href: () => '/rooms/new' },
  editRoom: { pattern: '/rooms/:roomId/edit', href: (roomId: string) => `/rooms/${encodeURIComponent(roomId)}/edit` },
  roomRecordings: {
    pattern: '/rooms/:roomId/recordings',
    href: (roomId: string) => `/rooms/${encodeURIComponent(roomId)}/recordings`,
  },
  transcript: {
    pattern: '/transcripts/:transcriptId',
    href: (transcriptId: string) => `/transcripts/${encodeURIComponent(transcriptId)}`,
  },
  authCallback: { pattern: '/auth/callback', href: () => '/auth/callback' },
  /** A room's page. Room names never collide with the routes above (those have two segments, or are `/`). */
  room: { pattern: '/:roomName', href: (roomName: string) => `/${encodeURIComponent(roomName)}` },
} as const;
