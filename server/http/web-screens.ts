// The built web screens (invigilator at /invigilator/, back office at /centre/, the public certificate
// check at /verification/, the address printed on certificates) and the offline demo
// websites (/demo-sites/<site>/). The screens are single-page apps: any path under their prefix that
// is not a file gets their index.html, so a reload on a deep link works. The screens are built by
// `npm run build` (dist/web): a screen that was not built answers 404, and the server says so in its
// log when it starts.
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

export type WebScreen = (typeof SCREENS)[number];

/** Which screens `webRoot` holds built (`<webRoot>/<screen>/index.html`), and which it lacks. */
export function webScreensStatus(webRoot: string | undefined): { served: WebScreen[]; missing: WebScreen[] } {
  const served: WebScreen[] = [];
  const missing: WebScreen[] = [];
  for (const screen of SCREENS) {
    const built = webRoot !== undefined && existsSync(path.join(path.resolve(webRoot, screen), 'index.html'));
    (built ? served : missing).push(screen);
  }
  return { served, missing };
}

/**
 * Serves the screens built under `webRoot`; without `webRoot` (tests, the API alone) none, quietly.
 * With it, a screen that is not there is logged as a warning: /centre/ answering 404 with nothing in
 * the log cost an afternoon.
 */
export async function serveWebScreens(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (!webRoot) return;
  const { served, missing } = webScreensStatus(webRoot);
  if (missing.length > 0) {
    app.log.warn(
      { webRoot: path.resolve(webRoot), missing },
      `web screens not built, answered 404: ${missing.map((s) => `/${s}/`).join(', ')} ` +
        `(no ${path.join(path.resolve(webRoot), '<screen>', 'index.html')}): run npm run build, ` +
        'or give the built screens’ folder with --web-root',
    );
  }
  for (const screen of served) {
    const root = path.resolve(webRoot, screen);
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
  if (!demoSitesDir) return;
  if (!existsSync(demoSitesDir)) {
    app.log.warn(
      { demoSitesDir: path.resolve(demoSitesDir) },
      `demo sites not served: ${path.resolve(demoSitesDir)} does not exist (--demo-sites)`,
    );
    return;
  }
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
