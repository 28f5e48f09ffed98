// Bundle checking (core's verifyResultBundle, see bundle-check.ts) on a pool of worker threads: it is
// the costliest part of intake (signature, schema, hash chain), and it parallelizes. With no worker
// (one core), it runs inline.
import { Worker } from 'node:worker_threads';
import { checkBundle, type BundleCheck, type BundleCheckInput } from './bundle-check.ts';

export interface BundleVerifier {
  check(input: BundleCheckInput): Promise<BundleCheck>;
  close(): Promise<void>;
}

export const inlineVerifier: BundleVerifier = {
  check: checkBundle,
  close: async () => undefined,
};

interface Pending {
  resolve: (v: BundleCheck) => void;
  reject: (e: unknown) => void;
}

export class WorkerBundleVerifier implements BundleVerifier {
  readonly #workers: { worker: Worker; load: number }[];
  readonly #pending = new Map<number, Pending & { worker: number }>();
  #next = 0;

  constructor(size: number) {
    this.#workers = Array.from({ length: size }, (_, index) => {
      const worker = new Worker(new URL('./bundle-verifier-worker.ts', import.meta.url));
      worker.unref();
      worker.on('message', (message: { id: number; check?: BundleCheck; error?: string }) => {
        const job = this.#pending.get(message.id);
        if (!job) return;
        this.#pending.delete(message.id);
        const slot = this.#workers[index];
        if (slot) slot.load -= 1;
        if (message.check) job.resolve(message.check);
        else job.reject(new Error(message.error ?? 'bundle verification failed'));
      });
      worker.on('error', (error) => this.#failAll(index, error));
      return { worker, load: 0 };
    });
  }

  check(input: BundleCheckInput): Promise<BundleCheck> {
    const index = this.#leastLoaded();
    const slot = this.#workers[index];
    if (!slot) return checkBundle(input);
    const id = ++this.#next;
    slot.load += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, worker: index });
      slot.worker.postMessage({ id, input });
    });
  }

  #leastLoaded(): number {
    let best = 0;
    this.#workers.forEach((w, i) => {
      if (w.load < (this.#workers[best]?.load ?? Infinity)) best = i;
    });
    return best;
  }

  #failAll(index: number, error: unknown): void {
    for (const [id, job] of this.#pending) {
      if (job.worker === index) {
        this.#pending.delete(id);
        job.reject(error);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}
