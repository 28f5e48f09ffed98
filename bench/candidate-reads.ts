// Between two answers a candidate reads the next question for seconds: the station's event loop turns
// (the journal copies its WAL back then). Benchmarks await this outside the timed part; a tight loop
// that never yields would measure a station no candidate ever uses.
export function candidateReads(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
