// What the finalization page says about a candidate waiting at another station for the resume,
// rendered to HTML: among the tests to settle in the room while that station is heard, with what to
// do; asked an abort reason once it is silent too (finalization-rules.ts decides, as the server does).
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../testing/fake-storage.ts';
import { card } from '../testing/room-fixtures.ts';
import { renderRoom } from '../testing/render-room.tsx';
import { draftKey, writeDraft } from './finalization-draft.ts';
import { FinalizationScreen } from './finalization-screen.tsx';

/** The screen's clock is this browser's (use-now.ts): times relative to it. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

function resuming(lastHeardMsAgo: number) {
  return card({
    candidateId: 'lea',
    firstName: 'Léa',
    lastName: 'Martin',
    state: 'resumePending',
    lastHeartbeatAt: ago(10 * 60_000),
    resumeRequest: {
      stationId: 'st-9',
      stationName: 'Poste 09',
      at: ago(5 * 60_000),
      lastHeardAt: ago(lastHeardMsAgo),
    },
  });
}

describe('finalizing with a candidate waiting at another station for the resume', () => {
  it('lists them to settle in the room, with what to do, and asks no abort reason', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [resuming(2_000)] });
    const running = /<section[^>]*data-testid="still-running".*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(text(running)).toContain('Léa MARTIN : attend la reprise sur Poste 09');
    expect(text(running)).toContain('autorisez la reprise depuis la salle (« Autoriser la reprise »)');
    expect(text(running)).toContain('attendez que ce poste soit muet');
    // Not the hint for tests under way on their own station: ending them is not what this one needs.
    expect(text(running)).not.toContain('Terminez d’abord leur test');
    expect(html).not.toContain('data-testid="abort-reason"');

    const en = renderRoom(<FinalizationScreen />, { candidates: [resuming(2_000)], language: 'en' });
    expect(text(en)).toContain('Léa MARTIN: waiting to resume on Poste 09');
    expect(text(en)).toContain('authorize the resume from the room (&quot;Authorize resume&quot;)');
  });

  it('asks an abort reason once that station is silent too (the candidate left)', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [resuming(60_000)] });
    expect(html).not.toContain('data-testid="still-running"');
    expect(html).toMatch(/data-testid="abort-reason" data-candidate-id="lea"/);
  });
});

describe('finalizing with a candidate whose station is silent while they may still have time', () => {
  /**
   * Silent for 3 min 30 s (the screen's clock may lag behind this test's by a few seconds); about 40
   * minutes were left when it was last heard.
   */
  const offline = (timeLeftMs = 40 * 60_000) => {
    // One instant for both: two calls to `ago` a millisecond apart made it 40 min and 1 ms, so « 41 ».
    const lastHeard = ago(3.5 * 60_000);
    return card({
      candidateId: 'tom',
      firstName: 'Tom',
      lastName: 'Petit',
      station: { id: 'st-4', name: 'Poste 04' },
      state: 'inProgress',
      lastHeartbeatAt: lastHeard,
      timeLeftMs,
      timeLeftAt: lastHeard,
    });
  };

  it('says the time that was left as the card says it, in hours and minutes', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [offline(75 * 60_000)] });
    expect(text(html)).toContain('il lui restait environ 1\u00a0h 15\u00a0min');
    expect(text(html)).not.toContain('75\u00a0min');
  });

  it('says how long the station has been silent, the time that was left, what to do, with a confirmation to tick', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [offline()] });
    const section = /<section[^>]*data-testid="maybe-offline".*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(text(section)).toContain('1 candidat compose peut-être encore hors ligne');
    expect(text(section)).toContain(
      'Tom PETIT (Poste 04) : Poste muet depuis 3\u00a0min · il lui restait environ 40\u00a0min',
    );
    expect(text(section)).toContain(
      'Si le candidat compose encore, attendez : son test continue hors ligne et son poste renverra ses réponses dès que le réseau revient. Si le poste est éteint ou le candidat est parti, confirmez.',
    );
    // A checkbox with its own label, described by the facts and the hint; not ticked.
    const box = /<input[^>]*data-testid="confirm-over"[^>]*>/.exec(section)?.[0] ?? '';
    expect(box).toContain('type="checkbox"');
    expect(box).not.toContain('checked');
    const id = /id="([^"]+)"/.exec(box)?.[1] ?? '';
    expect(section).toContain(`for="${id}"`);
    expect(text(section)).toContain(
      'Je confirme que le test de Tom PETIT est terminé (poste éteint ou candidat parti)',
    );
    expect(/aria-describedby="([^"]+)"/.exec(box)?.[1]?.split(' ')).toHaveLength(2);
    // Not yet among the tests needing an abort reason, nor said not to block.
    expect(html).not.toContain('data-testid="abort-reason"');
    expect(text(html)).not.toContain('ne bloque pas');

    const en = text(renderRoom(<FinalizationScreen />, { candidates: [offline()], language: 'en' }));
    expect(en).toContain('1 candidate may still be working offline');
    expect(en).toContain('Tom PETIT (Poste 04): Station silent for 3\u00a0min · about 40\u00a0min were left');
    expect(en).toContain('If the station is switched off or the candidate has left, confirm.');
    expect(en).toContain('I confirm that Tom PETIT’s test is over (station switched off or candidate gone)');
  });

  it('shows the confirmation unticked after a login that ended, even from a draft that kept it ticked', () => {
    const storage = new FakeStorage();
    // Kept by an earlier version of the screen, with the rest of the typing.
    storage.setItem(
      draftKey('ses-1'),
      JSON.stringify({
        version: 1,
        sessionId: 'ses-1',
        draft: {
          abortReasons: {},
          confirmedOver: { tom: true },
          globalComment: 'Coupure réseau à 10 h.',
          hadIncident: true,
          candidateCouldNotJoin: null,
        },
      }),
    );
    const html = renderRoom(<FinalizationScreen storage={storage} />, { candidates: [offline()] });
    expect(html).toContain('data-testid="draft-restored"');
    expect(html).toContain('Coupure réseau à 10 h.');
    const box = /<input[^>]*data-testid="confirm-over"[^>]*>/.exec(html)?.[0] ?? '';
    expect(box).not.toBe('');
    expect(box).not.toContain('checked');
    // Still among the tests to confirm, not yet asked an abort reason.
    expect(html).not.toContain('data-testid="abort-reason"');
  });

  it('asks only an abort reason once the time that was left is gone', () => {
    const gone = { ...offline(), lastHeartbeatAt: ago(50 * 60_000), timeLeftAt: ago(50 * 60_000) };
    const html = renderRoom(<FinalizationScreen />, { candidates: [gone] });
    expect(html).not.toContain('data-testid="maybe-offline"');
    expect(html).toMatch(/data-testid="abort-reason" data-candidate-id="tom"/);
  });
});

describe('a finalization typed before the login ended (or before going to the room)', () => {
  const tom = () =>
    card({
      candidateId: 'tom',
      firstName: 'Tom',
      lastName: 'Petit',
      state: 'ended',
      endReason: 'aborted',
      lastHeartbeatAt: ago(60 * 60_000),
    });
  const typed = {
    abortReasons: { tom: 'technical' as const },
    confirmedOver: {},
    globalComment: 'Alarme incendie à 10 h 12.',
    hadIncident: true,
    candidateCouldNotJoin: false,
  };
  const input = (html: string, testId: string) =>
    new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';

  it('is found again as it was, and the page says so discreetly', () => {
    const storage = new FakeStorage();
    writeDraft(storage, 'ses-1', typed);
    const html = renderRoom(<FinalizationScreen storage={storage} />, { candidates: [tom()] });
    const notice = /<p[^>]*data-testid="draft-restored"[^>]*>.*?<\/p>/s.exec(html)?.[0] ?? '';
    expect(text(notice)).toBe('Votre saisie a été retrouvée.');
    expect(notice).toContain('class="hint"');
    expect(html).toMatch(
      /<textarea[^>]*data-testid="global-comment"[^>]*>Alarme incendie à 10 h 12\.<\/textarea>/,
    );
    expect(input(html, 'abort-technical')).toContain('checked');
    expect(input(html, 'abort-candidate')).not.toContain('checked');
    expect(input(html, 'hadIncident-yes')).toContain('checked');
    expect(input(html, 'candidateCouldNotJoin-no')).toContain('checked');

    const en = renderRoom(<FinalizationScreen storage={storage} />, { candidates: [tom()], language: 'en' });
    expect(en).toContain('What you entered has been restored.');
  });

  it('says nothing, and starts empty, without a draft of this session', () => {
    const storage = new FakeStorage();
    writeDraft(storage, 'ses-2', typed);
    for (const html of [
      renderRoom(<FinalizationScreen storage={storage} />, { candidates: [tom()] }),
      renderRoom(<FinalizationScreen storage={null} />, { candidates: [tom()] }),
    ]) {
      expect(html).not.toContain('data-testid="draft-restored"');
      expect(html).not.toContain('Alarme incendie');
      expect(input(html, 'abort-technical')).not.toContain('checked');
    }
  });
});

describe('finalizing with two namesakes whose tests did not finish', () => {
  const jade = (id: string, birthdate: string) =>
    card({
      candidateId: id,
      firstName: 'Jade',
      lastName: 'Moreau',
      birthdate,
      state: 'ended',
      endReason: 'endedByInvigilator',
      upload: 'received',
    });

  it('asks the abort reason of each with the birthdate, and says what each reason covers', () => {
    const html = text(
      renderRoom(<FinalizationScreen />, {
        candidates: [jade('j1', '2011-09-08'), jade('j2', '2012-02-14')],
      }),
    );
    expect(html).toContain('Raison de l’arrêt pour Jade MOREAU (08/09/2011)');
    expect(html).toContain('Raison de l’arrêt pour Jade MOREAU (14/02/2012)');
    expect(html).toContain('Abandon du candidat Le candidat a arrêté de lui-même (malaise, départ…).');
    expect(html).toContain('Problème technique Panne de poste, de réseau ou de courant');
  });
});

describe('finalizing with a candidate whose station started the test and went silent', () => {
  // Acknowledged `applied` 3 hours ago (its whole time is gone), nothing heard since: the card still waits.
  const vanished = card({
    candidateId: 'ines',
    firstName: 'Inès',
    lastName: 'Roux',
    state: 'startAuthorized',
    authorization: 'start',
    startedAt: null,
    progress: null,
    timeLeftMs: null,
    timeLeftAt: null,
    theoreticalEndAt: null,
    lastHeartbeatAt: null,
    goAheadAt: ago(3 * 60 * 60_000),
    wentAhead: true,
  });

  it('asks why it stopped, saying what happened rather than the wait the card shows', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [vanished] });
    expect(html).toMatch(/data-testid="abort-reason" data-candidate-id="ines"/);
    expect(text(html)).toContain(
      'Le poste a lancé le test puis ne s’est plus manifesté\u00a0: indiquez pourquoi il s’est arrêté',
    );
  });

  it('asks nothing of a start that was only held (the candidate never went past the instructions)', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [{ ...vanished, wentAhead: false }] });
    expect(html).not.toContain('data-testid="abort-reason"');
    expect(html).not.toContain('ne s’est plus manifesté');
  });
});

describe('« Oui, il y a eu un incident » with no coded report (DOMAIN.md §8)', () => {
  const done = (candidateId: string, incidents: number) =>
    card({ candidateId, state: 'ended', endReason: 'finished', incidents });
  function screen(answer: boolean, incidents: number, language: 'fr' | 'en' = 'fr'): string {
    const storage = new FakeStorage();
    writeDraft(storage, 'ses-1', {
      abortReasons: {},
      confirmedOver: {},
      globalComment: '',
      hadIncident: answer,
      candidateCouldNotJoin: false,
    });
    return renderRoom(<FinalizationScreen storage={storage} />, {
      candidates: [done('lea', incidents), done('tom', 0)],
      language,
    });
  }
  const notice = (html: string) =>
    text(/<p[^>]*data-testid="incident-without-report"[^>]*>.*?<\/p>/s.exec(html)?.[0] ?? '');

  it('says the incident goes into a candidate’s coded report, and links to the room', () => {
    const html = screen(true, 0);
    expect(notice(html)).toContain('Aucun signalement n’a été fait dans cette session.');
    expect(notice(html)).toContain('ajoutez-lui un signalement avec son code depuis sa fiche dans la salle');
    expect(html).toMatch(
      /data-testid="incident-without-report"[^>]*>.*?<a href="[^"]*ses-1[^"]*">Salle<\/a>/s,
    );
    expect(notice(screen(true, 0, 'en'))).toContain('No report was made in this session.');
  });

  it('says nothing once a report exists, or when there was no incident', () => {
    expect(screen(true, 1)).not.toContain('incident-without-report');
    expect(screen(false, 0)).not.toContain('incident-without-report');
  });
});

describe('results the server refused, at finalization', () => {
  it('says the jury examines them by itself: not to be written into the global comment (DOMAIN.md §8)', () => {
    const refused = card({ candidateId: 'lea', state: 'ended', endReason: 'finished', upload: 'refused' });
    const section = (language: 'fr' | 'en') =>
      text(
        /<section[^>]*data-testid="refused-results".*?<\/section>/s.exec(
          renderRoom(<FinalizationScreen storage={null} />, { candidates: [refused], language }),
        )?.[0] ?? '',
      );
    expect(section('fr')).toContain('le jury examinera ces résultats de lui-même');
    expect(section('fr')).toContain('inutile de l’écrire dans le commentaire global');
    expect(section('fr')).not.toMatch(/Signalez-le dans le commentaire/);
    // What must not be wiped is named: the stations, where the results stay.
    expect(section('fr')).toContain('Ces résultats restent enregistrés sur les postes, même éteints');
    expect(section('en')).toContain('These results stay recorded on the stations, even switched off');
    expect(section('en')).toContain('no need to write it in the global comment');
  });
});
