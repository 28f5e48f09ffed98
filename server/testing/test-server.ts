// A real server on a temporary SQLite file, for tests: an adjustable clock, cheaper password hashing
// (the production parameters are tested on their own in password-hash.test.ts), and helpers to log in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { BankImportRefusalSchema } from '../../core/contracts/centre-api.ts';
import { buildServer, type ServerOptions } from '../app.ts';
import { createAccount } from '../accounts/account-service.ts';

/** scrypt at N = 2^14: same code path, ~50 ms instead of ~350 ms per hash. */
export const TEST_PASSWORD_HASH = { N: 2 ** 14, r: 8, p: 1 };

export class TestClock {
  now: number;
  constructor(start = Date.parse('2026-12-08T08:00:00Z')) {
    this.now = start;
  }
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface TestServer {
  app: FastifyInstance;
  clock: TestClock;
  dir: string;
  dbFile: string;
  close(): Promise<void>;
}

export async function startTestServer(
  options: ServerOptions & { clock?: TestClock } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pix-server-'));
  const dbFile = options.dbFile ?? path.join(dir, 'server.sqlite');
  const clock = options.clock ?? new TestClock();
  const app = await buildServer({
    ...options,
    dbFile,
    now: options.now ?? (() => clock.now),
    // Bundles verified inline unless a test asks for workers (intake.test.ts runs both ways): no worker
    // thread started for every test server.
    config: {
      passwordHash: TEST_PASSWORD_HASH,
      enrollPerMinute: 10_000,
      bundleVerifierThreads: 0,
      ...options.config,
    },
  });
  await app.ready();
  return { app, clock, dir, dbFile, close: () => app.close() };
}

export const ADMIN = { email: 'admin@pix.test', password: 'correct horse battery staple' };

/** The first administrator, as `npm run server -- create-admin` makes it. */
export async function createAdministrator(
  app: FastifyInstance,
  email = ADMIN.email,
  password = ADMIN.password,
) {
  return createAccount(app.pix, {
    email,
    password,
    displayName: 'Admin',
    role: 'administrator',
    centreId: null,
  });
}

export async function loginAs(app: FastifyInstance, email: string, password: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/centre/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { token: string }).token;
}

/** app.inject with a Bearer token. */
export function as(token: string) {
  return (app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
}

/**
 * Every error body: { error: { code, message } } and nothing else (no stack); a refused bank import
 * also lists its problems, as its own schema says.
 */
export function errorOf(response: LightMyRequestResponse): { code: string; message: string } {
  const body = response.json() as { error?: { code: string; message: string } };
  if (
    !body.error ||
    Object.keys(body).length !== 1 ||
    (Object.keys(body.error).sort().join() !== 'code,message' &&
      !BankImportRefusalSchema.safeParse(body).success)
  ) {
    throw new Error(`not an error body: ${response.body}`);
  }
  if (/\n\s+at |\.(ts|js):\d+:\d+|node_modules|"stack"/.test(response.body)) {
    throw new Error(`stack trace leaked: ${response.body}`);
  }
  return body.error;
}
