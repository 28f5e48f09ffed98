// A test package is a snapshot of the bank: the files it cites stay downloadable by the station the test
// is attached to (its own, or the one it resumed on) after a bank import replaced the challenges that
// cited them; never by another station, and no longer once the session is processed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { contentHash } from '../content/bank-service.ts';
import {
  enrolledStation,
  examRoom,
  join,
  startedJournal,
  startedTest,
  type Invigilator,
} from '../testing/exam-helpers.ts';
import { SEED_ATTACHMENT, SEED_ILLUSTRATION, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import type { TestServer } from '../testing/test-server.ts';

const NEW_ATTACHMENT = Buffer.from('Nom;Note\nInès;17\n', 'utf8');

describe('attachments of a package after the bank is imported again', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  const oldHash = contentHash(SEED_ATTACHMENT);
  const illustration = contentHash(SEED_ILLUSTRATION);
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(2));
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededCandidate;
  const download = (by: TestStation, hash: string) =>
    by.inject(server.app, 'GET', STATION_API_PATHS.attachment(hash));

  /** Every challenge now cites another file, and no illustration: the old files leave the bank. */
  async function importNewBank(): Promise<void> {
    const attachment = {
      hash: contentHash(NEW_ATTACHMENT),
      fileName: 'notes-2.csv',
      mediaType: 'text/csv',
      size: NEW_ATTACHMENT.length,
    };
    const r = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/bank/import`,
      payload: {
        challenges: day.bank.map(({ illustration: _illustration, ...c }) => ({
          ...c,
          attachments: [attachment],
        })),
        content: [{ mediaType: 'text/csv', base64: NEW_ATTACHMENT.toString('base64') }],
      },
    });
    expect(r.statusCode).toBe(200);
  }

  it("serves the files the test's package cites to its station, and to the one it resumes on", async () => {
    const { testId, pkg, journal } = await startedJournal(server, day, inv, station, lea());
    // Its start replicated: joining elsewhere asks for a resume.
    const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: journal.records,
    });
    expect(replicated.statusCode).toBe(200);
    const cited = pkg.package.challenges.flatMap((c) => [
      ...c.attachments.map((a) => a.hash),
      ...(c.illustration ? [c.illustration.hash] : []),
    ]);
    expect(cited).toContain(oldHash);
    await importNewBank();

    const own = await download(station, oldHash);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(SEED_ATTACHMENT)).toBe(true);
    if (cited.includes(illustration)) expect((await download(station, illustration)).statusCode).toBe(200);
    expect((await download(station, contentHash(NEW_ATTACHMENT))).statusCode).toBe(200);

    // The candidate resumes on a spare station: once authorized there, it gets the files too.
    const spare = await enrolledStation(server, day, 'Poste 02');
    expect((await join(server, day, spare, lea())).resuming).toBe(true);
    expect((await download(spare, oldHash)).statusCode).toBe(404);
    await inv.command(lea().id, { type: 'authorizeResume' });
    const resumed = await download(spare, oldHash);
    expect(resumed.statusCode).toBe(200);
    expect(resumed.rawPayload.equals(SEED_ATTACHMENT)).toBe(true);
    // The station the test left no longer holds it.
    expect((await download(station, oldHash)).statusCode).toBe(404);
  });

  it('refuses them to a station without such a test, and once the session is processed', async () => {
    await startedTest(server, day, inv, station, lea());
    await importNewBank();
    const stranger = await enrolledStation(server, day, 'Poste 03');
    expect((await download(stranger, oldHash)).statusCode).toBe(404);
    expect((await download(station, oldHash)).statusCode).toBe(200);

    const finalized = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: {
        hadIncident: false,
        candidateCouldNotJoin: false,
        abortReasons: [{ candidateId: lea().id, reason: 'technical' }],
      },
    });
    expect(finalized.statusCode).toBe(200);
    expect((await download(station, oldHash)).statusCode).toBe(404);
  });
});
