// The baseline for bench/webhooks.ts: a bare Fastify POST route on the same machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/v1/daily/webhook', async () => ({ status: 'stored' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
