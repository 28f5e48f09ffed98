// The journal check: durable-write times and the existing journal's state travel as parameters (raw
// milliseconds, a state code), so the screens word them; the French detail stays for the log.
import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema } from '../../../core/contracts/station-self-check.ts';
import { PROBE_COMMITS, checkJournal, type JournalInspection, type JournalProbe } from './journal-check.ts';

const DIR = '/var/lib/pix';
const FILE = '/var/lib/pix/journal.sqlite';

async function check(
  timing: JournalProbe | Error,
  existing: JournalInspection | null = null,
): Promise<ReturnType<typeof SelfCheckLineSchema.parse>> {
  const line = await checkJournal(
    DIR,
    FILE,
    () => (timing instanceof Error ? Promise.reject(timing) : Promise.resolve(timing)),
    () => Promise.resolve(existing),
  );
  return SelfCheckLineSchema.parse(line);
}

describe('the journal check', () => {
  it('gives the durable-write times and says there is no journal yet', async () => {
    expect(await check({ medianMs: 3.24, maxMs: 12.06 })).toMatchObject({
      status: 'ok',
      detail: `écriture durable : 3,2 ms (médiane de ${PROBE_COMMITS}, au plus 12,1 ms) ; pas encore de journal`,
      code: 'journal.ok',
      params: { medianMs: 3.2, maxMs: 12.1, commits: PROBE_COMMITS, journal: 'none' },
    });
  });

  it('warns, then fails, on a slow disk', async () => {
    const intact: JournalInspection = { ok: true, detail: 'journal existant intact', state: 'intact' };
    expect(await check({ medianMs: 80, maxMs: 120 }, intact)).toMatchObject({
      status: 'warning',
      code: 'journal.slow',
      params: { medianMs: 80, journal: 'intact' },
    });
    expect(await check({ medianMs: 800, maxMs: 1200 }, intact)).toMatchObject({
      status: 'failure',
      code: 'journal.slow',
    });
  });

  it('fails on a damaged, unreadable or read-only journal, saying which', async () => {
    const damaged: JournalInspection = {
      ok: false,
      detail: 'journal existant endommagé (row 3 missing)',
      state: 'damaged',
      problem: 'row 3 missing',
    };
    expect(await check({ medianMs: 3, maxMs: 4 }, damaged)).toMatchObject({
      status: 'failure',
      code: 'journal.unusable',
      params: { journal: 'damaged', problem: 'row 3 missing' },
    });
    const readOnly: JournalInspection = { ok: false, detail: 'non modifiable', state: 'readOnly' };
    expect(await check({ medianMs: 3, maxMs: 4 }, readOnly)).toMatchObject({
      code: 'journal.unusable',
      params: { journal: 'readOnly', journalFile: FILE },
    });
  });

  it('fails when the data folder cannot be written', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    expect(await check(denied)).toMatchObject({
      status: 'failure',
      code: 'journal.notWritable',
      params: { folder: DIR, error: 'EACCES' },
    });
  });
});
