// Bundle checking (reading the upload and core's verifyResultBundle, see bundle-check.ts) on a pool of
// worker threads: it is the costliest part of intake (signature, schema, hash chain), and it
// parallelizes. With no worker
// (one core), it runs inline. A worker that dies is replaced; its jobs in flight fail (nothing stored,
// the station retries).
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

/** A worker, its jobs in flight, and how many times in a row it died without answering. */
interface Slot {
  worker: Worker;
  load: number;
  deaths: number;
}

/** A worker that keeps dying before it answers (it cannot even start) is given up: inline instead. */
const MAX_DEATHS = 3;

interface Pending {
  resolve: (v: BundleCheck) => void;
  reject: (e: unknown) => void;
}

/** Bytes that are the whole of their ArrayBuffer (not a slice of a pool or of a socket read). */
function ownsItsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

export class WorkerBundleVerifier implements BundleVerifier {
  readonly #script: URL;
  readonly #workers: Slot[] = [];
  readonly #pending = new Map<number, Pending & { worker: Worker }>();
  #next = 0;
  #closing = false;

  /** `script` is for tests: a worker that misbehaves. */
  constructor(size: number, script = new URL('./bundle-verifier-worker.ts', import.meta.url)) {
    this.#script = script;
    for (let i = 0; i < size; i++) this.#workers.push({ worker: this.#start(), load: 0, deaths: 0 });
  }

  #start(): Worker {
    const worker = new Worker(this.#script, { name: 'bundle-verifier' });
    worker.unref();
    worker.on('message', (message: { id: number; check?: BundleCheck; error?: string }) => {
      const job = this.#pending.get(message.id);
      if (!job) return;
      this.#pending.delete(message.id);
      const slot = this.#workers.find((w) => w.worker === worker);
      if (slot) {
        slot.load -= 1;
        slot.deaths = 0;
      }
      if (message.check) job.resolve(message.check);
      else job.reject(new Error(message.error ?? 'bundle verification failed'));
    });
    worker.on('error', (error) => this.#failAll(worker, error));
    // A worker that died (out of memory, a bug) is replaced: uploads must not wait on it forever.
    worker.on('exit', () => {
      this.#failAll(worker, new Error('the bundle verification worker stopped'));
      const index = this.#workers.findIndex((w) => w.worker === worker);
      const slot = this.#workers[index];
      if (!slot || this.#closing) return;
      slot.deaths += 1;
      if (slot.deaths > MAX_DEATHS) this.#workers.splice(index, 1);
      else {
        slot.worker = this.#start();
        slot.load = 0;
      }
    });
    return worker;
  }

  check(input: BundleCheckInput): Promise<BundleCheck> {
    const slot = this.#leastLoaded();
    if (!slot) return checkBundle(input);
    const id = ++this.#next;
    slot.load += 1;
    // The body is moved to the worker, not copied: the caller must not read it afterwards.
    const body = ownsItsBuffer(input.body) ? input.body : new Uint8Array(input.body);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, worker: slot.worker });
      slot.worker.postMessage({ id, input: { ...input, body } }, [body.buffer]);
    });
  }

  #leastLoaded(): Slot | undefined {
    let best = this.#workers[0];
    for (const w of this.#workers) if (best && w.load < best.load) best = w;
    return best;
  }

  #failAll(worker: Worker, error: unknown): void {
    for (const [id, job] of this.#pending) {
      if (job.worker === worker) {
        this.#pending.delete(id);
        job.reject(error);
      }
    }
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}
