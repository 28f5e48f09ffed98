// What other screens decide reaches every invigilator screen: a second screen learns the decision taken
// on an alert, and the back office's changes to candidates (enrol, edit, import, remove) reach the room.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_DECISION_SHOWN_MS, type RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import {
  enrolledStation,
  type Invigilator,
  invigilator,
  join,
  readEvents,
  startedJournal,
} from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const NEW_CANDIDATE = {
  lastName: 'Nouveau',
  firstName: 'Sami',
  sex: 'M',
  birthdate: '2011-05-06',
  birthCountry: 'FRANCE',
  birthInseeCode: '69123',
  extraTimePercentage: 0,
};

describe('the room hears of changes made elsewhere', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let first: Invigilator;
  let base: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    first = await invigilator(server, day);
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];

  /** The room's stored events after `after`, read through the stream the screens use. */
  async function roomEvents(who: Invigilator, after: number) {
    return readEvents(`${base}/api/invigilator/sessions/${day.session.id}/events?after=${after}`, {
      authorization: `Bearer ${who.token}`,
    });
  }

  async function raiseAlert(): Promise<string> {
    const { testId, pkg, journal } = await startedJournal(server, day, first, station, lea());
    const second = pkg.package.challenges[1];
    if (!second) throw new Error('short package');
    journal.append({ kind: 'alertRaised', payload: { alertId: 'alert-1', challengeId: second.id } });
    const stored = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: journal.records,
    });
    expect(stored.statusCode, stored.body).toBe(200);
    return testId;
  }

  it('gives a second screen the decision the first one took on an alert, for a while', async () => {
    await raiseAlert();
    const other = await invigilator(server, day);
    const before = await other.room();
    expect(before.candidates.find((c) => c.candidateId === lea().id)?.alert?.id).toBe('alert-1');
    const stream = await roomEvents(other, before.lastEventId);

    const decided = await first.post('/alerts/alert-1/decision', { decision: 'validated', reasonCode: 'E4' });
    expect(decided.statusCode, decided.body).toBe(200);
    const event = await stream.next((e) => e.event === 'candidate' && e.data.includes('alert:validated'));
    const seen = (JSON.parse(event.data) as { candidate: RoomCandidate }).candidate;
    const expected = {
      alertId: 'alert-1',
      decision: 'validated',
      reasonCode: 'E4',
      questionNumber: 2,
      decidedAt: new Date(server.clock.now).toISOString(),
    };
    expect(seen.alert).toBeNull();
    expect(seen.lastAlertDecision).toEqual(expected);
    stream.close();

    // The second screen had clicked too: refused, and its room says what was decided.
    const late = await other.post('/alerts/alert-1/decision', { decision: 'dismissed' });
    expect([late.statusCode, errorOf(late).code]).toEqual([409, 'ALERT_ALREADY_DECIDED']);
    expect((await other.card(lea().id)).lastAlertDecision).toEqual(expected);

    server.clock.advance(ALERT_DECISION_SHOWN_MS + 1);
    expect((await other.card(lea().id)).lastAlertDecision).toBeNull();
  });

  it('says a dismissed alert was dismissed, with no code', async () => {
    await raiseAlert();
    expect((await first.post('/alerts/alert-1/decision', { decision: 'dismissed' })).statusCode).toBe(200);
    expect((await (await invigilator(server, day)).card(lea().id)).lastAlertDecision).toMatchObject({
      alertId: 'alert-1',
      decision: 'dismissed',
      reasonCode: null,
    });
  });

  it('shows enrolled, edited and imported candidates at once, and drops a removed one', async () => {
    const stream = await roomEvents(first, (await first.room()).lastEventId);
    const created = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/candidates`,
      payload: NEW_CANDIDATE,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const enrolled = await stream.next((e) => e.event === 'candidate' && e.data.includes(id));
    expect(JSON.parse(enrolled.data)).toMatchObject({
      cause: 'enrolled',
      candidate: { candidateId: id, state: 'notArrived', lastName: 'Nouveau' },
    });

    const edited = await day.api({
      method: 'PUT',
      url: `/api/centre/candidates/${id}`,
      payload: { ...NEW_CANDIDATE, extraTimePercentage: 30 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const edit = await stream.next((e) => e.event === 'candidate' && e.data.includes('enrolmentEdited'));
    const card = (JSON.parse(edit.data) as { candidate: RoomCandidate }).candidate;
    expect(card).toMatchObject({ candidateId: id, extraTimePercentage: 30, allowedMs: 105 * 60_000 * 1.3 });

    const imported = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/candidates/import`,
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.from(
        'Nom;Prénom;Sexe;Date de naissance;Code INSEE;Temps majoré (%)\r\nImporté;Inès;F;07/08/2011;69123;0',
        'utf8',
      ),
    });
    expect(imported.json()).toMatchObject({ imported: 1 });
    await stream.next((e) => e.event === 'candidate' && e.data.includes('Importé'));

    const removed = await day.api({ method: 'DELETE', url: `/api/centre/candidates/${id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    const gone = await stream.next((e) => e.event === 'removed');
    expect(JSON.parse(gone.data)).toEqual({ candidateId: id });
    expect((await first.room()).candidates.map((c) => c.candidateId)).not.toContain(id);
    stream.close();
  });

  it('refuses to delete the session once a candidate joined on a station, and keeps the room as it was', async () => {
    const joined = await join(server, day, station, lea());
    const refused = await day.api({ method: 'DELETE', url: `/api/centre/sessions/${day.session.id}` });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'SESSION_STARTED']);
    expect(errorOf(refused).message).toContain('signed in at a station');
    expect((await first.card(lea().id)).testId).toBe(joined.testId);
  });

  it('refuses to remove a candidate who has joined on a station, and keeps their card and test', async () => {
    const joined = await join(server, day, station, lea());
    const refused = await day.api({ method: 'DELETE', url: `/api/centre/candidates/${lea().id}` });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'CANDIDATE_JOINED']);
    const card = await first.card(lea().id);
    expect([card.testId, card.state]).toEqual([joined.testId, 'signedIn']);
    expect((await first.command(lea().id, { type: 'authorizeStart' })).candidate.authorization).toBe('start');
  });
});
