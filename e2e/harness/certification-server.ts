// The real certification server for the browser tests: buildServer on a temporary SQLite file, in
// its own process (as on the network: it never shares an event loop with the browser driver), with
// the demo sites (and the tests' own small site) served at /demo-sites/. It can be killed and started
// again on the same file and port, as a server crash and restart.
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.ts';
import { E2E_SITES } from '../fixtures/e2e-bank.ts';
import { ROOT } from './renderer-build.ts';
import type { ServerChildMessage, ServerChildOptions, ServerChildRequest } from './server-child.ts';

export const DEMO_SITES = path.join(ROOT, 'resources', 'demo', 'sites');
const CHILD = path.join(import.meta.dirname, 'server-child.ts');

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class CertificationServer {
  readonly dir: string;
  readonly dbFile: string;
  readonly demoSitesDir: string;
  readonly #webRoot: string | null;
  #child: ChildProcess | null = null;
  #port = 0;
  #nextId = 1;
  readonly #pending = new Map<number, (value: unknown) => void>();

  private constructor(dir: string, webRoot: string | null) {
    this.dir = dir;
    this.dbFile = path.join(dir, 'server.sqlite');
    this.demoSitesDir = path.join(dir, 'demo-sites');
    this.#webRoot = webRoot;
  }

  /**
   * A new server on a new database, with the first administrator created. `parentDir` places its
   * files elsewhere than the system's temporary folder (a benchmark keeps the server's disk writes off
   * the station's disk, as they are on two machines in a real room).
   */
  static async start(
    options: {
      webRoot?: string;
      parentDir?: string;
      /** Runs on the new database file before the first start (the back office's scenario creates the
       * first administrator there with `npm run server -- create-admin`, so the harness does not). */
      prepare?: (dbFile: string) => Promise<void>;
    } = {},
  ): Promise<CertificationServer> {
    const server = new CertificationServer(
      mkdtempSync(path.join(options.parentDir ?? tmpdir(), 'pix-e2e-server-')),
      options.webRoot ?? null,
    );
    server.#copyDemoSites();
    await options.prepare?.(server.dbFile);
    await server.#launch(0, !options.prepare);
    return server;
  }

  /** Moves the server's clock forward (sessions that expire); stations' signatures would go stale. */
  async advanceClock(ms: number): Promise<void> {
    await this.#ask({ type: 'advanceClock', ms });
  }

  get running(): boolean {
    return this.#child !== null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** The server dies at once (SIGKILL), as in a crash: open connections drop, nothing is flushed. */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts it again on the same database file and port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.#launch(this.#port, false);
  }

  /** The tests whose signed result the server stored, for a session (each stored once). */
  async storedResults(sessionId: string): Promise<string[]> {
    return (await this.#ask({ type: 'bundles', sessionId })) as string[];
  }

  /** Stops the server cleanly and deletes its files. */
  async close(): Promise<void> {
    const child = this.#child;
    if (child) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await Promise.race([this.#ask({ type: 'close' }), exited, new Promise((r) => setTimeout(r, 5000))]);
      if (this.#child) await this.stop();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  #ask(request: DistributiveOmit<ServerChildRequest, 'id'>): Promise<unknown> {
    const child = this.#child;
    if (!child) return Promise.reject(new Error('the certification server is stopped'));
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      child.send({ ...request, id } as ServerChildRequest);
    });
  }

  async #launch(port: number, createAdmin: boolean): Promise<void> {
    const options: ServerChildOptions = {
      dbFile: this.dbFile,
      demoSitesDir: this.demoSitesDir,
      webRoot: this.#webRoot,
      port,
      createAdmin,
    };
    const child = fork(CHILD, [JSON.stringify(options)], {
      execPath: process.execPath,
      // The flags the server is deployed with.
      execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    });
    this.#port = await new Promise<number>((resolve, reject) => {
      child.on('message', (raw) => {
        const message = raw as ServerChildMessage;
        if (message.type === 'ready') resolve(message.port);
        else if (message.type === 'failed')
          reject(new Error(`the server could not start: ${message.message}`));
        else if (message.type === 'reply') {
          this.#pending.get(message.id)?.(message.value);
          this.#pending.delete(message.id);
        }
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
    });
    this.#child = child;
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
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
