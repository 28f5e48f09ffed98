// "Free disk space" where the station keeps its data (journal, candidates' files): a full disk makes
// the journal refuse answers (the candidate is told to try again), so it is checked before exam day.
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import { checkLine, frenchNumber } from './self-check-line.ts';

/** A test's journal is small, but attachments and result bundles stay until the retention ends. */
export const DISK_FAILURE_BYTES = 200 * 1024 * 1024;
export const DISK_WARNING_BYTES = 1024 * 1024 * 1024;
const GB = 1024 ** 3;

/** Free bytes for this account on the file system holding `folder` (or its nearest existing parent). */
export async function freeBytes(folder: string): Promise<number> {
  let at = path.resolve(folder);
  for (;;) {
    try {
      const stats = await statfs(at);
      return stats.bavail * stats.bsize;
    } catch (error) {
      const parent = path.dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw error;
      at = parent;
    }
  }
}

export async function checkDisk(
  dataDir: string,
  measure: (folder: string) => Promise<number> = freeBytes,
): Promise<SelfCheckLine> {
  let free: number;
  try {
    free = await measure(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return checkLine(
      'disk',
      'failure',
      { code: 'disk.unreadable', params: code ? { folder: dataDir, error: code } : { folder: dataDir } },
      `espace libre illisible pour ${dataDir} (${code ?? 'erreur'})`,
      'Vérifiez que le dossier de données de la station est sur un disque accessible.',
    );
  }
  const detail = `${frenchNumber(free / GB)} Go libres pour ${dataDir}`;
  const action = 'Libérez de l’espace sur ce disque (au moins 1 Go) avant le jour de l’examen.';
  const params = { bytes: Math.max(0, Math.floor(free)), folder: dataDir };
  if (free < DISK_FAILURE_BYTES) {
    return checkLine('disk', 'failure', { code: 'disk.low', params }, detail, action);
  }
  if (free < DISK_WARNING_BYTES) {
    return checkLine('disk', 'warning', { code: 'disk.low', params }, detail, action);
  }
  return checkLine('disk', 'ok', { code: 'disk.ok', params }, detail);
}
