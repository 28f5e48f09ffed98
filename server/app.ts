// The central certification server as a Fastify instance. `buildServer(options)` opens (or creates) the
// SQLite database, wires the services and registers every route; the caller listens (server/main.ts,
// tests on port 0) and closes it (which closes the database).
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { KnownDevices } from './auth/known-devices.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { KNOWN_DEVICE_MS } from './http/login-device.ts';
import { dummyHash } from './auth/password-hash.ts';
import { DEFAULT_CONFIG, REQUEST_TIMEOUT_MS, type ServerConfig } from './config.ts';
import type { RoomMessage, ServerContext } from './context.ts';
import { installBodyParsers } from './http/body-parsers.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { StorageFaults } from './http/storage-faults.ts';
import { ApiError } from './http/api-error.ts';
import { installResponseHeaders } from './http/response-headers.ts';
import { LiveBus } from './live/live-bus.ts';
import { WorkerBundleVerifier, inlineVerifier } from './exam/bundle-verifier.ts';
import { IntakeGate } from './exam/intake-gate.ts';
import { serveDemoSites, serveWebScreens } from './http/web-screens.ts';
import { StationPresence } from './live/presence.ts';
import { stationRoutes } from './routes/station-routes.ts';
import { invigilatorRoutes } from './routes/invigilator-routes.ts';
import { RoomFeed } from './room/room-feed.ts';
import { centreRoutes } from './routes/centre-routes.ts';
import { sweepAtStart } from './content/content-sweep.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';
import { SERVER_VERSION } from './version.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { rescoreLateResult } from './results/finalization.ts';
import { resultMailerSettings } from './mail/mail-settings.ts';
import { ResultMailer } from './mail/result-mailer.ts';
import type { Store, StoredCommand } from './storage/repositories.ts';

/** How long requests in course may finish when the server shuts down before their connections are cut. */
export const CLOSE_GRACE_MS = 1500;
export { SERVER_VERSION } from './version.ts';

export interface ServerOptions {
  /** The SQLite file; default `<dataDir>/pix-certification.sqlite`. */
  dbFile?: string;
  /** Where data lives when `dbFile` is not given (default `.data/server`). */
  dataDir?: string;
  /** false (default) for no logs, true for info logs on stdout, or pino options (level, stream). */
  logger?: boolean | { level?: string; stream?: DestinationStream };
  /** Server clock (ms since the epoch); tests inject their own. */
  now?: () => number;
  /** Built web screens: `<webRoot>/invigilator/` and `<webRoot>/centre/` are served at the same paths. */
  webRoot?: string;
  /** Offline demo websites, served at `/demo-sites/<site>/`. */
  demoSitesDir?: string;
  /** Settings (defaults in config.ts). */
  config?: Partial<ServerConfig>;
  /**
   * Behind a reverse proxy: whose X-Forwarded-For and X-Forwarded-Proto are believed for the client's
   * address (the login throttle counts by it) and protocol. A list of addresses or ranges (proxy-addr's
   * names too: `['loopback']`, what `--trust-proxy` gives) believes them only from those peers; `true`
   * believes any peer, which lets any client that reaches the port choose its address (tests only).
   * Default false: the headers are ignored.
   */
  trustProxy?: boolean | string[];
  /**
   * A sync of the durable writes failed, or a statement met an error that says the disk failed to take
   * written data (StorageFault.durabilityLost, http/storage-faults.ts): what the server wrote may not be
   * on the disk, whatever its cache says. The command line stops the server (a restart reads what the
   * disk holds); logged first.
   */
  onDurabilityLost?: (error: Error) => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The wired services, for the CLI and for tests that seed data. */
    pix: ServerContext;
  }
}

/** More than the events of a busy second: ids a power cut could have erased are not reused. */
const EVENT_IDS_SKIPPED_AT_START = 100_000;

/** Never logged, whatever the log level (defence in depth: the server never logs bodies either). */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-station-signature"]',
  'res.headers["set-cookie"]',
];

function loggerOptions(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = { redact: { paths: REDACTED, censor: '[redacted]' } };
  if (logger === true) return { ...base, level: 'info' };
  return { ...base, level: logger.level ?? 'info', ...(logger.stream ? { stream: logger.stream } : {}) };
}

/** Which credentials a route takes, from its path (for the OpenAPI description). */
function securityFor(url: string): Record<string, string[]>[] | null {
  if (url === '/api/centre/login' || url === '/api/invigilator/login') return null;
  if (url.startsWith('/api/centre/')) return [{ accountToken: [] }];
  if (url.startsWith('/api/invigilator/')) return [{ invigilatorToken: [] }];
  if (url.startsWith('/api/station/')) return [{ stationSignature: [] }];
  return null;
}

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const dbFile =
    options.dbFile ?? path.join(options.dataDir ?? path.join('.data', 'server'), 'pix-certification.sqlite');
  const now = options.now ?? (() => Date.now());
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...options.config };

  const app = Fastify({
    logger: loggerOptions(options.logger),
    // Small by default; the routes that take files raise it for themselves.
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Stations and screens reconnect: close idle keep-alive connections on shutdown.
    forceCloseConnections: 'idle',
    requestTimeout: REQUEST_TIMEOUT_MS,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installBodyParsers(app);
  installResponseHeaders(app);

  // Checked before the database is opened (the command line checks it first, with its own words).
  const mailSettings = resultMailerSettings(config);
  if (mailSettings && !mailSettings.ok) throw new Error(mailSettings.message);
  const store: Store = openSqliteStore(dbFile, now, {
    onDurabilityLost: (error) => {
      app.log.fatal(
        { err: error },
        'the database file could not be synced to disk: results received since the last sync may be lost',
      );
      options.onDurabilityLost?.(error);
    },
  });
  // The disk's and the database file's failures, as the store recognises them: answered 503 and logged
  // for IT at most once a minute per kind, the background tasks' too (below).
  const storageFaults = new StorageFaults({
    log: app.log,
    faultOf: (error) => store.faultOf(error),
    now,
    ...(options.onDurabilityLost ? { onDurabilityLost: options.onDurabilityLost } : {}),
  });
  installErrorHandling(app, storageFaults);
  let dummy: Promise<string> | null = null;
  const ctx: ServerContext = {
    store,
    now,
    config,
    log: app.log,
    roomBus: new LiveBus<RoomMessage>(),
    stationBus: new LiveBus<StoredCommand>(),
    // Each kind of login its own counts, per address overall included (context.ts).
    throttles: {
      accountLogins: new LoginThrottle({
        limits: { default: config.loginMaxFailures, ip: config.loginMaxFailures * 6 },
        windowMs: config.loginWindowMs,
        slowDownMs: config.loginSlowDownMs,
        now,
      }),
      invigilatorLogins: new LoginThrottle({
        limits: { default: config.loginMaxFailures, ip: config.loginMaxFailures * 6 },
        windowMs: config.loginWindowMs,
        slowDownMs: config.loginSlowDownMs,
        now,
      }),
      joins: new LoginThrottle({ limits: { default: 20 }, windowMs: 10 * 60_000, now }),
    },
    // Read back from the database: a restart keeps the browsers that logged in (known-devices.ts).
    knownDevices: await KnownDevices.open(store.knownDevices, {
      ttlMs: KNOWN_DEVICE_MS,
      now,
      onStoreError: (error) => app.log.error({ err: error }, 'known device not stored'),
    }),
    dummyPasswordHash: () => (dummy ??= dummyHash(config.passwordHash)),
    bankCache: new Map(),
    presence: null as unknown as StationPresence,
    feed: null as unknown as RoomFeed,
    streams: new Set(),
    bundleVerifier:
      config.bundleVerifierThreads > 0
        ? new WorkerBundleVerifier(config.bundleVerifierThreads)
        : inlineVerifier,
    intakeGate: new IntakeGate(config.resultsInFlight, app.log),
    resultMailer: null,
    onResultReceived: async (sessionId, candidateId) => {
      // Never throws: the result is stored and gets its receipt (intake.ts). A storage fault here is
      // noted as a background task's (a disk that lost written data stops the server), anything else
      // logged; the room hears of the result even when its re-scoring failed (publication applies it).
      const failed = (what: string) => (error: unknown) => {
        if (!storageFaults.noteTask(error, what))
          app.log.error({ err: error, sessionId, candidateId }, `${what} failed`);
      };
      // The session read once for both (every accepted bundle comes here): only a processed,
      // unpublished session re-scores a late result (rescoreLateResult checks it again).
      const session = await store.sessions.get(sessionId).catch(failed('reading the session of a result'));
      if (!session) return;
      // Scored first, then announced: a results screen that reloads on the event finds the new score.
      if (session.state === 'processed' && session.publishedAt === null) {
        await rescoreLateResult(ctx, sessionId, candidateId).catch(failed('late result re-scoring'));
      } else if (session.publishedAt !== null) {
        // Not applied to a published certificate by itself: the results screen shows it to the
        // administrators, who re-score with it (signed-results.ts).
        app.log.warn({ sessionId, candidateId }, 'signed result received after publication: not applied');
      }
      await ctx.feed
        .candidateChanged(session, candidateId, 'resultReceived')
        .catch(failed('the room’s update after a result'));
    },
  };
  ctx.presence = new StationPresence(ctx);
  ctx.feed = new RoomFeed(ctx);
  ctx.feed.bootSeq = await store.events.maxSeq();
  await store.events.skipIds(EVENT_IDS_SKIPPED_AT_START);
  app.decorate('pix', ctx);
  // The result e-mails go once the server is ready (a server built only to create an account sends
  // none), and stop before the database closes; without a mail server they wait, and the log says so.
  ctx.resultMailer = mailSettings?.ok ? new ResultMailer(ctx, mailSettings.value) : null;
  app.addHook('onReady', async () => {
    if (ctx.resultMailer) return ctx.resultMailer.start();
    const waiting = await store.resultEmails.pendingCount();
    app.log[waiting > 0 ? 'warn' : 'info'](
      { waiting },
      `result e-mails not sent: no mail server configured (--smtp-url); ${waiting} waiting`,
    );
  });

  // Housekeeping: last-seen times to disk, expired nonces and tokens away.
  const flush = setInterval(() => {
    ctx.presence
      .flush()
      .catch(
        (error: unknown) =>
          storageFaults.noteTask(error, 'presence flush') ||
          app.log.error({ err: error }, 'presence flush failed'),
      );
  }, 5000);
  const presence = setInterval(() => ctx.feed.flushPresence(), config.presenceFlushMs);
  presence.unref();
  const purge = setInterval(() => {
    const at = now();
    Promise.all([store.stations.purgeNonces(at), store.tokens.deleteExpired(at)]).catch(
      (error: unknown) =>
        storageFaults.noteTask(error, 'purge') || app.log.error({ err: error }, 'purge failed'),
    );
  }, 60_000);
  flush.unref();
  purge.unref();
  // The attachments no longer cited that an import's failed sweep, or an older server, left behind: freed
  // in the background once the server listens (content-sweep.ts), never holding or failing the start.
  let closing = false;
  app.addHook('onListen', async () => {
    void sweepAtStart(ctx, storageFaults, () => closing);
  });
  // Open event streams would keep the server from closing: end them first.
  // Requests in course get a short grace, then every connection still open is cut: a socket a client
  // left open with no request on it (seen under load; never idle in Node's sense) or a request whose
  // body never comes would otherwise hold the shutdown for a minute or for ever. Stations retry what
  // was cut (uploads are idempotent).
  // A proxy not trusted (on another machine, kept on `--trust-proxy`, which trusts loopback only): its
  // X-Forwarded-For is ignored, so every login would count against the proxy's one address. Said once.
  let untrustedForwardSaid = false;
  app.addHook('onRequest', async (request) => {
    if (untrustedForwardSaid || request.headers['x-forwarded-for'] === undefined) return;
    if (request.ip !== request.socket.remoteAddress) return;
    untrustedForwardSaid = true;
    request.log.warn(
      { from: request.socket.remoteAddress },
      'X-Forwarded-For ignored from an address not trusted as a proxy: behind a proxy on another machine, start the server with --trust-proxy-from <its address>',
    );
  });

  let cutConnections: NodeJS.Timeout | null = null;
  app.addHook('preClose', async () => {
    closing = true;
    for (const stream of [...ctx.streams]) stream.close();
    cutConnections = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
    cutConnections.unref();
  });
  app.addHook('onClose', async () => {
    if (cutConnections) clearTimeout(cutConnections);
    clearInterval(presence);
    clearInterval(flush);
    clearInterval(purge);
    storageFaults.close();
    await ctx.presence.flush();
    await ctx.bundleVerifier.close();
    await ctx.resultMailer?.stop();
    await store.close();
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'RATE_LIMITED',
        `too many requests: try again in ${Math.ceil(context.ttl / 1000)} s`,
        {
          'retry-after': String(Math.ceil(context.ttl / 1000)),
        },
      ),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pix certification server',
        version: SERVER_VERSION,
        description:
          'Stations (signed requests), the invigilator screen (session tokens), the centre back office ' +
          '(account tokens) and public certificate verification. Errors are { error: { code, message } }.',
      },
      components: {
        securitySchemes: {
          accountToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'Back-office account token (or the pix_centre cookie)',
          },
          invigilatorToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'Session-scoped invigilator token (or the pix_invigilator cookie)',
          },
          stationSignature: {
            type: 'apiKey',
            in: 'header',
            name: 'x-station-signature',
            description:
              'With x-station-id, x-station-timestamp and x-station-nonce: core/contracts/station-request-signing.ts',
          },
        },
      },
      tags: [
        { name: 'station', description: 'Exam stations: signed with the enrolled station key' },
        { name: 'invigilator', description: 'The invigilator screen: session-scoped token' },
        { name: 'centre', description: 'The centre back office: account token' },
        { name: 'public', description: 'No authentication' },
      ],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const security = securityFor(input.url);
      return security ? { ...out, schema: { ...out.schema, security } } : out;
    },
  });

  await app.register(async (scope) => centreRoutes(scope, ctx));
  await app.register(async (scope) => stationRoutes(scope, ctx));
  await app.register(async (scope) => invigilatorRoutes(scope, ctx));
  await app.register(async (scope) => publicRoutes(scope, ctx));

  await serveWebScreens(app, options.webRoot);
  await serveDemoSites(app, options.demoSitesDir);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
