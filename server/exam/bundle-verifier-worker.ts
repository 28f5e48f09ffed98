// A worker thread that checks result bundles with core's verification (bundle-check.ts), so that
// several bundles are checked at once on a machine with several cores while the main thread serves.
import { parentPort } from 'node:worker_threads';
import { checkBundle, type BundleCheckInput } from './bundle-check.ts';

parentPort?.on('message', (job: { id: number; input: BundleCheckInput }) => {
  checkBundle(job.input).then(
    (check) => parentPort?.postMessage({ id: job.id, check }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: String(error) }),
  );
});
