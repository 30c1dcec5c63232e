import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultMockState } from '@meetbridge/platforms';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
.box{border:1px solid #ccc;border-radius:8px;padding:1.5rem}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><div class="box">${body}</div></body></html>`;
}

/**
 * The mock provider's room page. The mock provider runs inside Meetbridge, so its "video room" is
 * a page served here: it stands in for a Whereby or Daily room in the embedded default.
 */
export const mockProviderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/mock/rooms/:provider_room_name', {
    schema: {
      hide: true,
      params: z.object({ provider_room_name: z.string().min(1).max(200) }),
      querystring: z.object({ role: z.string().optional() }),
    },
    config: { auth: false },
    handler: async (request, reply) => {
      const name = request.params.provider_room_name;
      const room = defaultMockState.room(name);
      reply.type('text/html; charset=utf-8');
      if (!room || room.deleted) {
        return reply.code(404).send(page('Room not found', `<h1>Mock room not found</h1><p>No active mock room <code>${escape(name)}</code>. Ask Meetbridge for a new meeting.</p>`));
      }
      const role = request.query.role === 'host' ? 'host' : 'participant';
      return page(
        `Mock room ${name}`,
        `<h1>Mock video room</h1><p>Room <code>${escape(name)}</code>, joined as <strong>${role}</strong>.</p>
<p>This is the built-in mock provider: no audio or video, no account needed. Configure Whereby or Daily to hold real calls.</p>
<p>Meeting ends ${escape(room.endDate.toISOString())}.</p>`,
      );
    },
  });
};
