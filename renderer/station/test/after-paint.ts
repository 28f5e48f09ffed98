// Work the candidate does not need in order to read the new question (the challenge browser's first
// page and its placement, a simulator's frame) waits until the question has been painted: the next
// frame, then a task after it. A window that draws no frame (hidden) still gets it after a short
// while.
const LATEST_MS = 200;

/** Runs `work` once the next frame has been painted; returns a function that cancels it. */
export function afterPaint(work: () => void): () => void {
  let done = false;
  let task = 0;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const frame = requestAnimationFrame(() => {
    task = window.setTimeout(run, 0);
  });
  const latest = window.setTimeout(run, LATEST_MS);
  function cancel() {
    cancelAnimationFrame(frame);
    window.clearTimeout(task);
    window.clearTimeout(latest);
  }
  return () => {
    done = true;
    cancel();
  };
}
