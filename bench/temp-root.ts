// Imported first by the benchmarks that write files: this process's temporary files go into one folder,
// removed when it exits (scripts/test-temp-root.ts).
import { useTempRoot } from '../scripts/test-temp-root.ts';

process.on('exit', useTempRoot('pix-bench-'));
