// A worker thread that runs core's bundle verification, so that several bundles are checked at once on
// a machine with several cores while the main thread keeps serving requests.
import { parentPort } from 'node:worker_threads';
import { verifyResultBundle, type BundleExpectations } from '../../core/bundle/verify-bundle.ts';

interface Job {
  id: number;
  jws: string;
  expected: BundleExpectations;
}

parentPort?.on('message', (job: Job) => {
  verifyResultBundle(job.jws, job.expected).then(
    (verification) => parentPort?.postMessage({ id: job.id, verification }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: String(error) }),
  );
});
