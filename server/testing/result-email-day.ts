// A certification day ready to publish, for the result e-mail tests: candidates given result addresses
// (through the candidate form's route, as a referent would), each one sitting a test with every answer
// right (certified) or wrong (not certified), or absent, or sitting it offline (every answer right, and
// nothing of it reaching the server until `uploadLate`: listed absent at finalization), and the session
// finalized by the invigilator.
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { Candidate } from '../../core/contracts/centre-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import type { ServerOptions } from '../app.ts';
import { enrolledStation, invigilator, startedJournal } from './exam-helpers.ts';
import { bundlePayload, signBundle } from './journal-builder.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from './seed.ts';
import { startTestServer, type TestClock, type TestServer } from './test-server.ts';

/** How each candidate takes part: a result address (or none) and how they sit. */
export interface ResultEmailCandidatePlan {
  resultEmail: string | null;
  sits: 'right' | 'wrong' | 'absent' | 'offline';
}

export interface PublishableDay {
  server: TestServer;
  day: SeededDay;
  candidates: SeededCandidate[];
  publish(): Promise<void>;
  /** The signed result of the i-th candidate, who sat `offline`, arrives now. */
  uploadLate(i: number): Promise<void>;
}

const CANDIDATE_INPUT_FIELDS = [
  'lastName',
  'firstName',
  'sex',
  'birthdate',
  'birthCountry',
  'birthCity',
  'birthInseeCode',
  'birthPostalCode',
  'externalId',
  'extraTimePercentage',
  'accessibilityAdjustment',
] as const;

export async function publishableDay(
  plans: readonly ResultEmailCandidatePlan[],
  options: ServerOptions & { clock?: TestClock } = {},
): Promise<PublishableDay> {
  const server = await startTestServer(options);
  const day = await seedCertificationDay(server.app, { count: plans.length });
  for (const [i, plan] of plans.entries()) {
    const id = day.candidates[i]?.id ?? '';
    const current = (
      await day.api({ method: 'GET', url: `/api/centre/candidates/${id}` })
    ).json() as Candidate;
    const fields = Object.fromEntries(CANDIDATE_INPUT_FIELDS.map((f) => [f, current[f]]));
    const updated = await day.api({
      method: 'PUT',
      url: `/api/centre/candidates/${id}`,
      payload: { ...fields, resultEmail: plan.resultEmail },
    });
    if (updated.statusCode !== 200) throw new Error(`candidate ${i}: ${updated.body}`);
  }
  const station = await enrolledStation(server, day);
  const inv = await invigilator(server, day);
  const bank = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
  const late = new Map<number, () => Promise<void>>();
  for (const [i, plan] of plans.entries()) {
    const candidate = day.candidates[i];
    if (!candidate || plan.sits === 'absent') continue;
    const { journal, ...started } = await startedJournal(server, day, inv, station, candidate);
    for (const c of started.pkg.package.challenges)
      journal.answer(bank.get(c.id) as Challenge, plan.sits !== 'wrong');
    journal.end('finished');
    if (plan.sits !== 'offline') {
      const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(started.testId), {
        records: journal.records,
      });
      if (replicated.statusCode !== 200) throw new Error(`records: ${replicated.body}`);
    }
    const bundle = await signBundle(
      bundlePayload({
        journal,
        sessionId: day.session.id,
        candidateId: candidate.id,
        stationId: station.id,
        pkg: started.pkg.package,
        packageHash: started.pkg.packageHash,
      }),
      station.privateKey,
    );
    const upload = async () => {
      const uploaded = await station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
        bundle,
      });
      if (uploaded.statusCode !== 200) throw new Error(`result: ${uploaded.body}`);
    };
    if (plan.sits === 'offline') late.set(i, upload);
    else await upload();
  }
  const finalized = await inv.post('/finalization', {
    abortReasons: [],
    globalComment: '',
    hadIncident: false,
    candidateCouldNotJoin: false,
  });
  if (finalized.statusCode !== 200) throw new Error(`finalization: ${finalized.body}`);
  return {
    server,
    day,
    candidates: day.candidates,
    async publish() {
      const published = await day.api({
        method: 'POST',
        url: `/api/centre/sessions/${day.session.id}/publication`,
        payload: {},
      });
      if (published.statusCode !== 200) throw new Error(`publication: ${published.body}`);
    },
    async uploadLate(i) {
      const upload = late.get(i);
      if (!upload) throw new Error(`candidate ${i} did not sit offline`);
      await upload();
    },
  };
}
