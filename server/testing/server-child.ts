// A server in its own process, for the restart test and the benchmarks: `node server-child.ts <dbFile>`
// prints `READY <url>` once it listens on a free loopback port.
import { buildServer } from '../app.ts';
import { TEST_PASSWORD_HASH } from './test-server.ts';

const dbFile = process.argv[2];
if (!dbFile) throw new Error('usage: server-child.ts <dbFile>');
const threads = process.env.PIX_VERIFIER_THREADS;
const app = await buildServer({
  dbFile,
  config: {
    passwordHash: TEST_PASSWORD_HASH,
    ...(threads === undefined ? {} : { bundleVerifierThreads: Number(threads) }),
  },
});
const url = await app.listen({ port: Number(process.argv[3] ?? 0), host: '127.0.0.1' });
process.stdout.write(`READY ${url}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
