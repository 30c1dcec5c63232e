/**
 * The provider's call page, as far as a test needs one. Real room URLs (`https://<sub>.whereby.com/…`,
 * `https://<domain>.daily.co/…`) cannot point at a loopback fake, so browser tests route those URLs to
 * `GET /_rooms/<room>` on the fake (Playwright `route()`); the page says which room it is, whether the
 * fake knows it, in which role, and whether a meeting token leaked into the URL.
 */
export interface RoomPageInput {
  provider: 'whereby' | 'daily';
  room: string;
  known: boolean;
  role: 'host' | 'viewer' | 'participant';
  /** The query string the page was opened with (what the SDK added to the room URL). */
  query: Record<string, string>;
  /** Query parameters that carry a credential (`t` for Daily); their values are never shown. */
  tokenParams: readonly string[];
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderRoomPage(input: RoomPageInput): string {
  const tokens = input.tokenParams.filter((p) => p in input.query);
  const params = Object.entries(input.query)
    .map(
      ([k, v]) => `<li><code>${escape(k)}</code> = <code>${escape(k === 'roomKey' || input.tokenParams.includes(k) ? '…' : v)}</code></li>`,
    )
    .join('');
  const title = `${input.provider === 'daily' ? 'Daily' : 'Whereby'} fake room`;
  // Whereby's embed element turns the call page's postMessage {type, payload} into DOM events ("leave").
  const leave =
    input.provider === 'whereby'
      ? `<button id="leave" type="button">Leave</button><script>document.getElementById('leave').onclick = () => parent.postMessage({ type: 'leave', payload: { removed: false } }, '*');</script>`
      : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;background:#102a43;color:#f0f4f8}code{color:#ffd166}</style></head>
<body><main data-fake-room="${input.provider}" data-room="${escape(input.room)}" data-known="${input.known}" data-role="${input.role}" data-token-in-url="${tokens.length > 0}">
<h1>${title}</h1><p>Room <code>${escape(input.room)}</code>${input.known ? '' : ' (unknown to the fake)'}, as <strong>${input.role}</strong>.</p>
<p>Meeting token in the URL: <strong>${tokens.length ? `yes (${tokens.join(', ')})` : 'no'}</strong>.</p>
<p>Query parameters from the SDK:</p><ul>${params}</ul>${leave}</main></body></html>`;
}
