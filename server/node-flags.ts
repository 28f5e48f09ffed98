// The V8 flags the server runs with: in its start scripts (npm run server, the server package's own
// start), and in the child servers of the tests, benchmarks and e2e harness, so that they run what is
// deployed.
//
// --single-threaded-gc: V8's collector does its work on the thread that allocates instead of helper
// threads. On two cores, under intake load, both already run a JavaScript thread (the event loop and
// the verification worker, bundle-verifier.ts), and the helpers only competed with them. Measured A/B
// there (bench/server-intake.bench.ts, BENCH_BASELINE_FLAGS="", rounds alternated in one run): faster
// in 52 of 71 pairs of rounds; over eleven comparisons, median bundles/s −2 to +21 % (median +10 %).
// The price is longer full collections (up to 28 ms seen, against 14 ms), far below what the live
// feed can afford. With more cores the server leaves one core without a JavaScript thread
// (config.ts), where the helpers might pay off: not measured, so compare with the same bench before
// keeping the flag on such a machine.
export const SERVER_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Up to this many cores, the flags were measured to matter. */
const MEASURED_UP_TO_CORES = 2;

/** The flags a process was started without (process.execArgv). */
export function missingServerFlags(execArgv: readonly string[]): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}

/** What to tell whoever started the server by hand without the flags, where they were measured to matter. */
export function serverFlagsWarning(execArgv: readonly string[], cores: number): string | null {
  const missing = missingServerFlags(execArgv);
  if (missing.length === 0 || cores > MEASURED_UP_TO_CORES) return null;
  return `started without ${missing.join(' ')} (npm run server passes it, see server/node-flags.ts): on ${cores} cores, result intake is slower`;
}
