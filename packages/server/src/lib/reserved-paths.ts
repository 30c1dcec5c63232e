/**
 * First path segments the server answers itself. Everything else under `/` belongs to the web app
 * (a room page is `/{room_name}`), so no room may be named after one of these, and the web app's
 * client-route fallback never answers under them: an unknown `/v1/...` stays a problem-details 404.
 */
export const SERVER_PATH_SEGMENTS = ['v1', 'docs', 'openapi.json', 'health', 'ready', 'mock', 'assets'] as const;

/** True when `pathname` (e.g. `/v1/rooms`) is the server's own, not a web app route. */
export function isServerPath(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return (SERVER_PATH_SEGMENTS as readonly string[]).includes(first);
}
