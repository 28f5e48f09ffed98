// The V8 flags the server runs with: in its start scripts (npm run server, the server package's own
// start), and in the child servers of the tests and benchmarks, so that they measure what is deployed.
//
// --single-threaded-gc: V8's collector does its work on the thread that allocates instead of helper
// threads. Under intake load every core already runs a JavaScript thread (the event loop and a
// verification worker per core beyond it, bundle-verifier.ts), so the helpers only competed with them
// for the same cores. Measured A/B on 2 cores (bench/server-intake.bench.ts, BENCH_BASELINE_FLAGS="",
// rounds alternated in one run): faster in 19 of 23 pairs of rounds, 10–18 % less server CPU per
// bundle. The price is longer full collections (up to 28 ms seen, against 14 ms), far below what the
// live feed can afford.
export const SERVER_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** The flags a process was started without (process.execArgv), to warn whoever launched it by hand. */
export function missingServerFlags(execArgv: readonly string[]): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
