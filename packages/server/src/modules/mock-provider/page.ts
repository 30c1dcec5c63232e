import type { MockRoom } from '@meetbridge/platforms';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
.box{border:1px solid #ccc;border-radius:8px;padding:1.5rem}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><div class="box">${body}</div></body></html>`;
}

export function notFoundPage(name: string): string {
  return page(
    'Room not found',
    `<h1>Mock room not found</h1><p>No active mock room <code>${escape(name)}</code>. Ask Meetbridge for a new meeting.</p>`,
  );
}

/** The mock "video room": join and leave buttons that drive the mock provider's presence. */
export function mockRoomPage(room: MockRoom, role: 'host' | 'participant'): string {
  const name = escape(room.providerRoomName);
  return page(
    `Mock room ${room.providerRoomName}`,
    `<h1>Mock video room</h1><p>Room <code>${name}</code>, as <strong>${role}</strong>. In the call now: <strong id="count">${room.participants.size}</strong>.</p>
<p>This is the built-in mock provider: no audio or video and no account. Joining and leaving here sends the same kind of signed webhooks a real provider sends.</p>
<p><input id="who" placeholder="your name" maxlength="100"> <button id="join">Join</button> <button id="leave" disabled>Leave</button></p>
<p>Meeting ends ${escape(room.endDate.toISOString())}.</p>
<script type="module">
const base = location.pathname; let session = null;
const count = document.getElementById('count'); const join = document.getElementById('join'); const leave = document.getElementById('leave');
join.onclick = async () => {
  const res = await fetch(base + '/participants', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_name: document.getElementById('who').value || null }) });
  if (res.ok) { session = (await res.json()).session_id; join.disabled = true; leave.disabled = false; count.textContent = String(Number(count.textContent) + 1); }
};
const bye = () => { if (session) fetch(base + '/participants/' + session, { method: 'DELETE', keepalive: true }); };
leave.onclick = () => { bye(); session = null; join.disabled = false; leave.disabled = true; count.textContent = String(Math.max(0, Number(count.textContent) - 1)); };
addEventListener('pagehide', bye);
</script>`,
  );
}
