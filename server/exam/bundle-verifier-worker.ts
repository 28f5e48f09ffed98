// A worker thread that checks result uploads with core's verification (bundle-check.ts), so that
// several bundles are checked at once on a machine with several cores while the main thread serves.
// An accepted bundle's bytes are moved back to the main thread, not copied.
import { parentPort } from 'node:worker_threads';
import { checkBundle, type BundleCheckInput } from './bundle-check.ts';
import { compiledPayloadCheck } from './intake-payload.ts';

// Compiled now, while the worker starts, rather than in the first upload's time.
compiledPayloadCheck(null);

parentPort?.on('message', (job: { id: number; input: BundleCheckInput }) => {
  checkBundle(job.input).then(
    (check) => parentPort?.postMessage({ id: job.id, check }, check.ok ? [check.jws.buffer] : []),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: String(error) }),
  );
});
