// Headers every answer gets. API answers carry tokens, access codes, invigilator passwords and results:
// no browser or proxy cache keeps them (`no-store`), unless a route said otherwise (the event streams).
// Over HTTPS, browsers are told to come back over HTTPS only (HSTS), so a later http:// link cannot
// expose a login.
import type { FastifyInstance } from 'fastify';

const HSTS = 'max-age=31536000';

export function installResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
