// The real certification server for the browser tests: buildServer on a temporary SQLite file,
// listening on a local port, with the demo sites (and the tests' own small site) served at
// /demo-sites/. It can be stopped and started again on the same file and port, as a server restart.
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app.ts';
import { TEST_PASSWORD_HASH } from '../../server/testing/test-server.ts';
import { E2E_SITES } from '../fixtures/e2e-bank.ts';
import { ROOT } from './renderer-build.ts';

export const DEMO_SITES = path.join(ROOT, 'resources', 'demo', 'sites');
export const WEB_ROOT = path.join(ROOT, 'dist', 'web');

export class CertificationServer {
  readonly dir: string;
  readonly dbFile: string;
  readonly demoSitesDir: string;
  #app: FastifyInstance | null = null;
  #port = 0;

  private constructor(dir: string) {
    this.dir = dir;
    this.dbFile = path.join(dir, 'server.sqlite');
    this.demoSitesDir = path.join(dir, 'demo-sites');
  }

  static async start(): Promise<CertificationServer> {
    const server = new CertificationServer(mkdtempSync(path.join(tmpdir(), 'pix-e2e-server-')));
    server.#copyDemoSites();
    await server.#listen(0);
    return server;
  }

  get app(): FastifyInstance {
    if (!this.#app) throw new Error('the certification server is stopped');
    return this.#app;
  }

  get running(): boolean {
    return this.#app !== null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Stops the server (open connections dropped), as a crash or a maintenance restart would. */
  async stop(): Promise<void> {
    const app = this.#app;
    this.#app = null;
    await app?.close();
  }

  /** Starts it again on the same database file and port. */
  async restart(): Promise<void> {
    if (this.#app) await this.stop();
    await this.#listen(this.#port);
  }

  async close(): Promise<void> {
    await this.stop();
  }

  async #listen(port: number): Promise<void> {
    const app = await buildServer({
      dbFile: this.dbFile,
      demoSitesDir: this.demoSitesDir,
      // The built web screens (the invigilator screen at /invigilator/), as `npm run server` serves them.
      webRoot: WEB_ROOT,
      // Same code path as production, with cheaper password hashing (tests of the hash cover the rest).
      config: { passwordHash: TEST_PASSWORD_HASH },
    });
    await app.listen({ host: '127.0.0.1', port });
    const address = app.server.address();
    this.#port = typeof address === 'object' && address ? address.port : port;
    this.#app = app;
  }

  /** The demo sites and the tests' own site (an embedded simulator that posts its answer). */
  #copyDemoSites(): void {
    mkdirSync(this.demoSitesDir, { recursive: true });
    for (const source of [DEMO_SITES, E2E_SITES]) {
      for (const site of safeList(source)) {
        cpSync(path.join(source, site), path.join(this.demoSitesDir, site), { recursive: true });
      }
    }
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
