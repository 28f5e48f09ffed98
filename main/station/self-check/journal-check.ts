// "Journal writable with a measured fsync time": a probe database beside the journal, opened with the
// journal's durability settings (WAL, synchronous=FULL), commits a few rows, each commit timed; the
// journal itself, when there is one, is only read (integrity), never written: it is evidence.
import { access, constants, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import type { SelfCheckJournalState } from '../../../core/contracts/station-self-check-codes.ts';
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import { checkLine, frenchNumber, oneDecimal } from './self-check-line.ts';

/** Each answer waits for one durable commit: beyond these the candidate feels the station lag. */
export const COMMIT_WARNING_MS = 50;
export const COMMIT_FAILURE_MS = 500;
export const PROBE_COMMITS = 20;

export interface JournalProbe {
  /** Median and slowest durable commit (ms). */
  medianMs: number;
  maxMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Writes and times PROBE_COMMITS durable commits in a throw-away database in `dataDir`. */
export async function probeDurableWrites(dataDir: string): Promise<JournalProbe> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, `self-check-probe-${process.pid}.sqlite`);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE probe (n INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO probe (n, payload) VALUES (?, ?)');
    const payload = 'x'.repeat(512);
    const times: number[] = [];
    for (let n = 0; n < PROBE_COMMITS; n++) {
      const started = performance.now();
      insert.run(n, payload);
      times.push(performance.now() - started);
    }
    return { medianMs: median(times), maxMs: Math.max(...times) };
  } finally {
    db.close();
    await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
  }
}

/** The existing journal as found: its state, and SQLite's words when it is damaged or unreadable. */
export interface JournalInspection {
  ok: boolean;
  /** French, for the log. */
  detail: string;
  state: Exclude<SelfCheckJournalState, 'none'>;
  problem?: string;
}

/** The existing journal: readable and sound (quick_check), or why not; null when there is none yet. */
export async function inspectJournal(journalFile: string): Promise<JournalInspection | null> {
  try {
    await access(journalFile, constants.F_OK);
  } catch {
    return null;
  }
  try {
    await access(journalFile, constants.R_OK | constants.W_OK);
  } catch {
    return {
      ok: false,
      detail: `le journal ${journalFile} n’est pas modifiable par ce compte`,
      state: 'readOnly',
    };
  }
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(journalFile, { readonly: true, fileMustExist: true });
    const result = db.prepare('PRAGMA quick_check').pluck().all().map(String);
    const problem = result.slice(0, 2).join(' ; ');
    return result.length === 1 && result[0] === 'ok'
      ? { ok: true, detail: 'journal existant intact', state: 'intact' }
      : { ok: false, detail: `journal existant endommagé (${problem})`, state: 'damaged', problem };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'erreur';
    // Busy: the running station holds it; that is fine, it checks it at every start.
    if (code === 'SQLITE_BUSY') {
      return { ok: true, detail: 'journal existant en cours d’utilisation', state: 'inUse' };
    }
    return { ok: false, detail: `journal existant illisible (${code})`, state: 'unreadable', problem: code };
  } finally {
    db?.close();
  }
}

export async function checkJournal(
  dataDir: string,
  journalFile: string,
  probe: (dataDir: string) => Promise<JournalProbe> = probeDurableWrites,
  inspect: (journalFile: string) => Promise<JournalInspection | null> = inspectJournal,
): Promise<SelfCheckLine> {
  let timing: JournalProbe;
  try {
    timing = await probe(dataDir);
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : null);
    return checkLine(
      'journal',
      'failure',
      {
        code: 'journal.notWritable',
        params: code ? { folder: dataDir, error: code } : { folder: dataDir },
      },
      `écriture impossible dans ${dataDir} (${code ?? 'erreur'})`,
      'Donnez au compte de la station le droit d’écrire dans son dossier de données, sur un disque local.',
    );
  }
  const existing = await inspect(journalFile);
  const measured = `écriture durable : ${frenchNumber(timing.medianMs)} ms (médiane de ${PROBE_COMMITS}, au plus ${frenchNumber(timing.maxMs)} ms)`;
  const detail = existing ? `${measured} ; ${existing.detail}` : `${measured} ; pas encore de journal`;
  const params = {
    medianMs: oneDecimal(timing.medianMs),
    maxMs: oneDecimal(timing.maxMs),
    commits: PROBE_COMMITS,
    journal: existing?.state ?? 'none',
    ...(existing?.state === 'readOnly' ? { journalFile } : {}),
    ...(existing?.problem ? { problem: existing.problem } : {}),
  } as const;
  if (existing && !existing.ok) {
    return checkLine(
      'journal',
      'failure',
      { code: 'journal.unusable', params },
      detail,
      'Ne supprimez pas le journal (c’est une preuve) : copiez le dossier de données et contactez le support Pix.',
    );
  }
  const slow =
    'Disque lent : installez la station sur un disque local (pas un dossier réseau) et vérifiez l’antivirus (exclusion du dossier de données).';
  if (timing.medianMs > COMMIT_FAILURE_MS) {
    return checkLine('journal', 'failure', { code: 'journal.slow', params }, detail, slow);
  }
  if (timing.medianMs > COMMIT_WARNING_MS) {
    return checkLine('journal', 'warning', { code: 'journal.slow', params }, detail, slow);
  }
  return checkLine('journal', 'ok', { code: 'journal.ok', params }, detail);
}
