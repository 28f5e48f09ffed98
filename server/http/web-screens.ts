// The built web screens (invigilator at /invigilator/, back office at /centre/, the public certificate
// check at /verification/, the address printed on certificates) and the offline demo
// websites (/demo-sites/<site>/). The screens are single-page apps: any path under their prefix that
// is not a file gets their index.html, so a reload on a deep link works.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const SCREENS = ['invigilator', 'centre', 'verification'] as const;

/** What the screens may do: talk to this server, show their own images and styles, nothing else. */
const SCREEN_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export async function serveWebScreens(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (!webRoot) return;
  for (const screen of SCREENS) {
    const root = path.resolve(webRoot, screen);
    if (!existsSync(path.join(root, 'index.html'))) continue;
    const prefix = `/${screen}/`;
    await app.register(async (scope) => {
      scope.addHook('onSend', async (_request, reply) => {
        reply.headers(SCREEN_HEADERS);
      });
      await scope.register(fastifyStatic, {
        root,
        prefix,
        wildcard: false,
        index: 'index.html',
      });
      scope.get(`/${screen}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(prefix));
      scope.get(`${prefix}*`, { schema: { hide: true } }, (_request, reply) =>
        reply.sendFile('index.html', root),
      );
    });
  }
}

export async function serveDemoSites(app: FastifyInstance, demoSitesDir: string | undefined): Promise<void> {
  if (!demoSitesDir || !existsSync(demoSitesDir)) return;
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
    });
    await scope.register(fastifyStatic, {
      root: path.resolve(demoSitesDir),
      prefix: '/demo-sites/',
      decorateReply: false,
      index: 'index.html',
      redirect: true,
    });
  });
}
