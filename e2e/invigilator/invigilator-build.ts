// The invigilator screen the server serves (dist/web/invigilator), built when a source is newer than
// the build (renderer-build.ts), so a test or a benchmark never runs a stale screen.
import path from 'node:path';
import { ensureWebScreensBuilt, WEB_ROOT } from '../harness/renderer-build.ts';

export { WEB_ROOT };
export const INVIGILATOR_DIR = path.join(WEB_ROOT, 'invigilator');

export function ensureInvigilatorBuilt(): string {
  if (ensureWebScreensBuilt(['invigilator']) === null) throw new Error('renderer/invigilator is missing');
  return INVIGILATOR_DIR;
}
