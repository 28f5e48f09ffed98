// The certification server in its own Node process for the browser tests, as on a real network: it
// does not share an event loop with the browser driver or the station relay. Started on a SQLite file
// and a port; killed (SIGKILL) to simulate a crash, started again on the same file and port.
import { buildServer } from '../../server/app.ts';
import { createAdministrator, TEST_PASSWORD_HASH } from '../../server/testing/test-server.ts';

export interface ServerChildOptions {
  dbFile: string;
  demoSitesDir: string;
  webRoot: string | null;
  port: number;
  /** The first start creates the first administrator (as `npm run server -- create-admin` does). */
  createAdmin: boolean;
}

export type ServerChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; value: unknown };

export type ServerChildRequest =
  | { type: 'bundles'; id: number; sessionId: string }
  | { type: 'advanceClock'; id: number; ms: number }
  | { type: 'close'; id: number };

const send = (message: ServerChildMessage) => {
  if (process.connected) process.send?.(message);
};
process.on('disconnect', () => process.exit(0));

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ServerChildOptions;
  let clockOffsetMs = 0;
  const app = await buildServer({
    now: () => Date.now() + clockOffsetMs,
    dbFile: options.dbFile,
    demoSitesDir: options.demoSitesDir,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    // Same code path as production, with cheaper password hashing (the hash has its own tests).
    config: { passwordHash: TEST_PASSWORD_HASH },
  });
  if (options.createAdmin) await createAdministrator(app);
  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  process.on('message', (raw) => {
    const request = raw as ServerChildRequest;
    if (request.type === 'bundles') {
      void app.pix.store.bundles
        .listBySession(request.sessionId)
        .then((bundles) => send({ type: 'reply', id: request.id, value: bundles.map((b) => b.testId) }));
    } else if (request.type === 'advanceClock') {
      clockOffsetMs += request.ms;
      send({ type: 'reply', id: request.id, value: clockOffsetMs });
    } else if (request.type === 'close') {
      void app.close().then(() => {
        send({ type: 'reply', id: request.id, value: true });
        process.exit(0);
      });
    }
  });
  send({ type: 'ready', port: typeof address === 'object' && address ? address.port : options.port });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
