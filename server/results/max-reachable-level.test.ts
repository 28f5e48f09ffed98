// The highest level open to certification is a setting that may be raised after a session was scored
// (DOMAIN.md §6): each result keeps the cap it was first scored with. Its certificate (JSON, PDF, public
// page) states that one, not today's, and every re-scoring (the jury's neutralization, a late signed
// result) caps as the first scoring did.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { CandidateResult, Results } from '../../core/contracts/invigilator-api.ts';
import type { Certificate } from '../../core/contracts/public-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { PIX_PER_LEVEL } from '../../core/framework/crcn.ts';
import { enrolledStation, invigilator, startedJournal } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import { client, seedCertificationDay, type SeededCandidate } from '../testing/seed.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

describe('the cap a result was scored with', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('stays on its certificate and in every re-scoring once the setting is raised', async () => {
    const first = await startTestServer({ config: { maxReachableLevel: 5 } });
    servers.push(first);
    const day = await seedCertificationDay(first.app, { count: 2 });
    const inv = await invigilator(first, day);
    const bank = new Map(day.bank.map((c) => [c.id, c]));
    const candidate = (i: number) => day.candidates[i] as SeededCandidate;

    // Both sit every question right; the second's station is switched off after the test: the server
    // has its answers and its end, not its signed result.
    const sit = async (who: SeededCandidate) => {
      const station = await enrolledStation(first, day, `Poste ${who.firstName}`);
      const { journal, ...started } = await startedJournal(first, day, inv, station, who);
      for (const c of started.pkg.package.challenges) journal.answer(bank.get(c.id) as Challenge, true);
      journal.end('finished');
      const replicated = await station.inject(first.app, 'POST', STATION_API_PATHS.records(started.testId), {
        records: journal.records,
      });
      expect(replicated.statusCode).toBe(200);
      const payload = bundlePayload({
        journal,
        sessionId: day.session.id,
        candidateId: who.id,
        stationId: station.id,
        pkg: started.pkg.package,
        packageHash: started.pkg.packageHash,
      });
      const upload = async (server: TestServer) => {
        const r = await station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
          bundle: await signBundle(payload, station.privateKey),
        });
        expect(r.statusCode).toBe(200);
      };
      return { ...started, upload };
    };
    const sat = [await sit(candidate(0)), await sit(candidate(1))];
    await sat[0]?.upload(first);
    const finalized = await inv.post('/finalization', {
      abortReasons: [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
    expect(finalized.statusCode).toBe(200);

    // Some competence asked is above level 5 in the profile: capped at 5 (40 Pix).
    const above = (who: SeededCandidate) => {
      const asked = new Set(
        sat[day.candidates.indexOf(who)]?.pkg.package.challenges.map((c) => c.competence),
      );
      return (day.profiles.get(who.id)?.competences ?? [])
        .filter((c) => asked.has(c.code) && c.pix >= 6 * PIX_PER_LEVEL)
        .map((c) => c.code);
    };
    expect(above(candidate(0)).length).toBeGreaterThan(0);
    expect(above(candidate(1)).length).toBeGreaterThan(0);
    const cappedAt5 = (result: CandidateResult | undefined, who: SeededCandidate) => {
      expect(result?.maxReachableLevel).toBe(5);
      for (const code of above(who)) {
        expect(result?.competences.find((c) => c.code === code)).toMatchObject({ level: 5, pix: 40 });
      }
    };
    const scored = (finalized.json() as Results).results;
    cappedAt5(
      scored.find((r) => r.candidateId === candidate(0).id),
      candidate(0),
    );

    // The setting is raised to 6: the same database, a server restarted with the new setting.
    await first.close();
    servers.splice(0);
    const second = await startTestServer({
      dbFile: first.dbFile,
      clock: first.clock,
      config: { maxReachableLevel: 6 },
    });
    servers.push(second);
    const api = client(second.app, day.adminToken);
    const resultOf = async (who: SeededCandidate) =>
      (
        (
          await api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
        ).json() as Results
      ).results.find((r) => r.candidateId === who.id);

    // The jury neutralizes a question: re-scored with the cap of the first scoring.
    const neutralized = await api({
      method: 'POST',
      url: `/api/centre/candidates/${candidate(0).id}/neutralizations`,
      payload: { questionNumber: 1, neutralized: true },
    });
    expect(neutralized.statusCode).toBe(200);
    expect((neutralized.json() as CandidateResult).neutralizedQuestions).toEqual([1]);
    cappedAt5(neutralized.json() as CandidateResult, candidate(0));

    // The second candidate's signed result arrives: scored on arrival, with the same cap.
    second.clock.advance(60_000);
    await sat[1]?.upload(second);
    const late = await resultOf(candidate(1));
    expect(late).toMatchObject({ source: 'bundle' });
    cappedAt5(late, candidate(1));

    const published = await api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: {},
    });
    expect(published.statusCode).toBe(200);
    const certificate = (
      await api({ method: 'GET', url: `/api/centre/candidates/${candidate(0).id}/certificate` })
    ).json() as Certificate;
    expect(certificate.maxReachableLevel).toBe(5);
    expect(Math.max(...certificate.competences.map((c) => c.level))).toBe(5);
    const verified = await second.app.inject({
      method: 'GET',
      url: `/api/public/certificates/${certificate.verificationCode}`,
    });
    expect((verified.json() as Certificate).maxReachableLevel).toBe(5);
    const pdf = await api({
      method: 'GET',
      url: `/api/centre/candidates/${candidate(0).id}/certificate.pdf`,
    });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Niveaux ouverts à la certification : 1 à 5.');
    expect(text).not.toContain('1 à 6');
  });
});
