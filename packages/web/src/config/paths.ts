/** Every client route, with its pattern (for the router) and a builder for links. */
export const paths = {
  rooms: { pattern: '/', href: () => '/' },
  newRoom: { pattern: '/rooms/new', href: () => '/rooms/new' },
  editRoom: { pattern: '/rooms/:roomId/edit', href: (roomId: string) => `/rooms/${encodeURIComponent(roomId)}/edit` },
  authCallback: { pattern: '/auth/callback', href: () => '/auth/callback' },
  /** A room's page. Room names never collide with the routes above (they have one segment). */
  room: { pattern: '/:roomName', href: (roomName: string) => `/${encodeURIComponent(roomName)}` },
} as const;
