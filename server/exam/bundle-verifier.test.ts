// The worker pool must not leave uploads waiting when a worker dies: its jobs fail (the station
// retries), the worker is replaced, and one that cannot even start is given up for inline checking.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import type { StationPublicJwk } from '../../core/identity/station-id.ts';
import { WorkerBundleVerifier } from './bundle-verifier.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pix-verifier-'));

/** A worker script: `code` runs on each job message (`job` in scope). */
function script(name: string, code: string): URL {
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';\nimport { existsSync, writeFileSync } from 'node:fs';\n${code}`,
  );
  return pathToFileURL(file);
}

const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
const input = {
  body: Buffer.from(JSON.stringify({ bundle: 'not a bundle' })),
  expected: { stationKey: { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) } as StationPublicJwk },
  replicatedSeq: 0,
};

let verifier: WorkerBundleVerifier | null = null;
afterEach(async () => {
  await verifier?.close();
  verifier = null;
});

describe('the bundle verification workers', () => {
  it('fail the job of a worker that dies, and answer the next ones from its replacement', async () => {
    const marker = path.join(dir, 'died-once');
    verifier = new WorkerBundleVerifier(
      1,
      script(
        'dies-once',
        `parentPort.on('message', (job) => {
          if (!existsSync(${JSON.stringify(marker)})) { writeFileSync(${JSON.stringify(marker)}, ''); process.exit(1); }
          parentPort.postMessage({ id: job.id, check: { ok: false, problem: 'MALFORMED', message: 'answered' } });
        });`,
      ),
    );
    await expect(verifier.check(input)).rejects.toThrow(/stopped/);
    await expect(verifier.check(input)).resolves.toEqual({
      ok: false,
      problem: 'MALFORMED',
      message: 'answered',
    });
  });

  it('moves a body that owns its memory to the worker, and copies one that shares it', async () => {
    verifier = new WorkerBundleVerifier(1);
    const owned = new Uint8Array(Buffer.from(JSON.stringify({ bundle: 'not a bundle' })));
    await expect(verifier.check({ ...input, body: owned })).resolves.toMatchObject({
      ok: false,
      problem: 'MALFORMED',
    });
    expect(owned.byteLength).toBe(0);
    // A slice of a larger buffer (a socket read, Node's pool) must not take its neighbours along.
    const text = JSON.stringify({ bundle: 'a.b.c' });
    const shared = Buffer.from(`xx${text}yy`);
    const slice = shared.subarray(2, 2 + text.length);
    await expect(verifier.check({ ...input, body: slice })).resolves.toMatchObject({ ok: false });
    expect(shared.toString()).toBe(`xx${text}yy`);
  });

  it('checks inline once a worker keeps dying before it answers', async () => {
    verifier = new WorkerBundleVerifier(1, script('cannot-start', `process.exit(1);`));
    // Each job sent to a dying worker fails; after a few deaths, the pool gives the worker up.
    for (let i = 0; i < 10; i++) {
      const outcome = await verifier.check(input).then(
        (check) => check,
        () => null,
      );
      if (outcome) {
        expect(outcome).toMatchObject({ ok: false, problem: 'MALFORMED' });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('never fell back to inline checking');
  });
});
