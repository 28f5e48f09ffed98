// What the room, a card and a candidate's file say and where focus can go, rendered to HTML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertOn, card, T0 } from '../testing/room-fixtures.ts';
import { renderRoom } from '../testing/render-room.tsx';
import { CandidateCard } from './candidate-card.tsx';
import { CandidateDialog, CloseStationView } from './candidate-dialog.tsx';
import { roomEntry } from './attention.ts';
import { RoomScreen } from './room-screen.tsx';

const noop = () => undefined;

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

describe('the room', () => {
  it('has a title that takes focus once the room is loaded (as every page does)', () => {
    const html = renderRoom(<RoomScreen />, { candidates: [card()] });
    expect(html).toMatch(/<h1 class="room-title" tabindex="-1">La salle<\/h1>/);
  });
});

describe('a namesake’s card', () => {
  const css = readFileSync(new URL('../invigilator.css', import.meta.url), 'utf8');
  const rule = (selector: string) =>
    new RegExp(`(^|\\n)${selector.replace(/[.*]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[2] ?? '';

  function cardHtml(namesake: boolean): string {
    const candidate = card({ firstName: 'Léa', lastName: 'Martin', birthdate: '2011-04-02' });
    const entry = roomEntry(candidate, { nowMs: T0, lockdownSeenAt: () => null });
    return renderRoom(
      <CandidateCard
        entry={entry}
        nowMs={T0}
        stale={false}
        sessionOpen
        namesake={namesake}
        onOpen={noop}
        onConfirmPresence={noop}
        busy={false}
      />,
      { candidates: [candidate] },
    );
  }

  it('shows the birthdate whole, before the name that a narrow card cuts', () => {
    const html = cardHtml(true);
    // Read after the name (DOM order), out of the part that is cut.
    expect(html).toContain(
      '<span class="card-fullname"><span class="card-lastname">MARTIN</span> Léa</span><span class="card-birthdate"> 02/04/2011</span>',
    );
    // Only the name shrinks and is cut with an ellipsis; the date comes first, never shrinks nor is cut.
    expect(rule('.card-fullname')).toContain('text-overflow: ellipsis');
    expect(rule('.card-fullname')).toContain('min-width: 0');
    expect(rule('.card-birthdate')).toContain('flex: none');
    expect(rule('.card-birthdate')).toContain('order: -1');
    expect(rule('.card-birthdate')).not.toContain('overflow');
    expect(rule('.card-open')).toContain('display: flex');
    expect(rule('.card-open')).not.toContain('overflow');
  });

  it('shows no birthdate when no one else has the same name', () => {
    const html = cardHtml(false);
    expect(html).not.toContain('card-birthdate');
  });
});

describe('a candidate asking to resume at another station', () => {
  /** The file's clock is this browser's (use-now.ts): times relative to it. */
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const asking = (lastHeardMsAgo: number) =>
    card({
      state: 'resumePending',
      lastHeartbeatAt: ago(10 * 60_000),
      resumeRequest: {
        stationId: 'st-9',
        stationName: 'Poste 09',
        at: ago(5 * 60_000),
        lastHeardAt: ago(lastHeardMsAgo),
      },
    });

  function cardText(candidate: ReturnType<typeof card>, stale = false): string {
    const nowMs = Date.now();
    const entry = roomEntry(candidate, { nowMs, lockdownSeenAt: () => null });
    return text(
      renderRoom(
        <CandidateCard
          entry={entry}
          nowMs={nowMs}
          stale={stale}
          sessionOpen
          namesake={false}
          onOpen={noop}
          onConfirmPresence={noop}
          busy={false}
        />,
        { candidates: [candidate] },
      ),
    );
  }

  it('says on the card and in the file when that station went silent too, as finalization will', () => {
    expect(cardText(asking(2_000))).toContain('Demande la reprise');
    expect(cardText(asking(2_000))).not.toContain('poste muet');
    expect(cardText(asking(60_000))).toContain('Demande la reprise · poste muet');
    // Cut off from the server, the screen cannot tell.
    expect(cardText(asking(60_000), true)).not.toContain('poste muet');
    // Still the button that answers it: the station may come back.
    expect(cardText(asking(60_000))).toContain('Autoriser la reprise');

    const file = (candidate: ReturnType<typeof card>) =>
      text(
        renderRoom(
          <CandidateDialog candidateId={candidate.candidateId} initialView="details" onClose={noop} />,
          {
            candidates: [candidate],
          },
        ),
      );
    const heard = asking(2_000);
    expect(file(heard)).toContain('Poste 09 demande à reprendre ce test');
    expect(file(heard)).not.toContain('ne répond plus');
    const silent = asking(60_000);
    expect(file(silent)).toMatch(
      /Poste 09 ne répond plus depuis \d+\u00a0(s|min)\. Si le candidat est parti, son test sera à finaliser comme non terminé, avec une raison\./,
    );
  });

  it('says on which station the resume goes: their own one once the other no longer asks and theirs is back', () => {
    const confirm = (candidate: ReturnType<typeof card>) =>
      text(
        renderRoom(
          <CandidateDialog candidateId={candidate.candidateId} initialView="resume" onClose={noop} />,
          { candidates: [candidate] },
        ),
      );
    expect(confirm(asking(2_000))).toContain('Il reprendra sur : Poste 09.');
    const back = { ...asking(60_000), lastHeartbeatAt: ago(2_000) };
    expect(confirm(back)).toContain(
      `Poste 09 ne demande plus la reprise et le poste du candidat est revenu. Il reprendra sur\u00a0: ${back.station?.name ?? ''}.`,
    );
    expect(confirm(back)).not.toContain('Il reprendra sur : Poste 09');
  });
});

describe('a candidate’s file', () => {
  it('says « Oui » for an accessibility adjustment, not a bare tick', () => {
    const lea = card({ accessibilityAdjustment: true });
    const fr = renderRoom(
      <CandidateDialog candidateId={lea.candidateId} initialView="details" onClose={noop} />,
      {
        candidates: [lea],
      },
    );
    expect(fr).toContain('<dd data-testid="panel-accessibility">Oui</dd>');
    expect(fr).not.toContain('✓');
    const en = renderRoom(
      <CandidateDialog candidateId={lea.candidateId} initialView="details" onClose={noop} />,
      {
        candidates: [lea],
        language: 'en',
      },
    );
    expect(en).toContain('<dd data-testid="panel-accessibility">Yes</dd>');
  });

  it('opens an alert on words a screen reader can say (who, which question), not a bare number', () => {
    const lea = card({ firstName: 'Léa', lastName: 'Martin', alert: alertOn(7, 0) });
    const html = renderRoom(
      <CandidateDialog candidateId={lea.candidateId} initialView="alert" onClose={noop} />,
      {
        candidates: [lea],
      },
    );
    // The view starts from the dialog's title (file-focus.ts), which can take focus out of Tab: said
    // once, as the dialog's name, with no hidden copy to be read a second time.
    const heading = /<h2 id="[^"]+" tabindex="-1">([^<]*)<\/h2>/.exec(html)?.[1];
    expect(heading).toContain('question 7');
    expect(heading).toContain('Léa');
    expect(html).not.toContain('data-autofocus');
    expect(html.split(heading ?? '-').length - 1).toBe(1);
  });

  it('has a state line that can take focus, where focus lands after an action', () => {
    const waiting = card({ state: 'waiting' });
    const html = renderRoom(
      <CandidateDialog candidateId={waiting.candidateId} initialView="details" onClose={noop} />,
      { candidates: [waiting] },
    );
    expect(html).toMatch(
      /<dd data-testid="panel-state" tabindex="-1">Attend votre confirmation de présence<\/dd>/,
    );
  });

  it('offers to close the station of a candidate who signed in but has not started, saying what follows', () => {
    const waiting = card({
      state: 'waiting',
      firstName: 'Léa',
      lastName: 'Martin',
      station: { id: 'st-3', name: 'Poste 03' },
    });
    const details = renderRoom(
      <CandidateDialog candidateId={waiting.candidateId} initialView="details" onClose={noop} />,
      { candidates: [waiting] },
    );
    expect(details).toMatch(/data-testid="action-closeStation"[^>]*>Fermer le poste</);
    const confirm = text(
      renderRoom(<CloseStationView candidate={waiting} onCancel={noop} onDone={noop} />, {
        candidates: [waiting],
      }),
    );
    expect(confirm).toContain('L’application de certification se ferme sur Poste 03.');
    expect(confirm).toContain('n’a pas commencé son test : rien n’est perdu.');
    expect(confirm).toContain('le candidat sera noté absent');
    expect(confirm).toContain(
      'peut se connecter de nouveau sur un poste tant que la session n’est pas finalisée',
    );
    // Not the words for a test that is over (no other candidate to welcome, no result to send).
    expect(confirm).not.toContain('accueillir un autre candidat');
    expect(confirm).not.toContain('résultat');
  });

  it('pauses the test, and continues it: « verrouiller » is for a station that locked itself', () => {
    const running = card({ state: 'inProgress' });
    const html = renderRoom(
      <CandidateDialog candidateId={running.candidateId} initialView="details" onClose={noop} />,
      {
        candidates: [running],
      },
    );
    expect(text(html)).toContain('Mettre en pause');
    expect(text(html)).not.toMatch(/verrouill/i);

    const paused = card({ state: 'paused', pause: { cause: 'invigilator', reason: '' } });
    const pausedHtml = renderRoom(
      <CandidateDialog candidateId={paused.candidateId} initialView="details" onClose={noop} />,
      { candidates: [paused] },
    );
    expect(pausedHtml).toMatch(/data-testid="action-unlock"[^>]*>Reprendre le test</);
    expect(text(pausedHtml)).toContain('En pause (surveillant)');

    const locked = card({ state: 'paused', pause: { cause: 'lockdown', reason: 'Fenêtre quittée' } });
    const lockedHtml = renderRoom(
      <CandidateDialog candidateId={locked.candidateId} initialView="details" onClose={noop} />,
      { candidates: [locked] },
    );
    expect(lockedHtml).toMatch(/data-testid="action-unlock"[^>]*>Déverrouiller</);
    expect(text(lockedHtml)).toContain('Verrouillé par le poste');
  });
});

describe('an alert the station raised, not received yet', () => {
  const lea = card({ firstName: 'Léa', lastName: 'Martin', alertInTransit: true });

  it('draws attention on the card like an alert, with what to do and no button to decide', () => {
    const entry = roomEntry(lea, { nowMs: T0, lockdownSeenAt: () => null });
    const html = renderRoom(
      <CandidateCard
        entry={entry}
        nowMs={T0}
        stale={false}
        sessionOpen
        namesake={false}
        onOpen={noop}
        onConfirmPresence={noop}
        busy={false}
      />,
      { candidates: [lea] },
    );
    expect(html).toContain('data-highlight="urgent"');
    expect(text(html)).toContain('Alerte en route');
    expect(text(html)).toContain('Allez voir le candidat');
    expect(html).not.toContain('quick-alert');
  });

  it('says so in the file, with nothing to decide yet', () => {
    const html = renderRoom(
      <CandidateDialog candidateId={lea.candidateId} initialView="details" onClose={noop} />,
      { candidates: [lea] },
    );
    expect(text(html)).toContain('Alerte signalée par le poste, pas encore reçue : allez voir le candidat');
    expect(text(html)).not.toContain('Traiter l’alerte');
  });
});

describe('the time a candidate’s station was down', () => {
  it('shows in the file beside the time left, as not counted', () => {
    const lea = card({ downtimeMs: 12 * 60_000 });
    const html = (language: 'fr' | 'en') =>
      text(
        renderRoom(<CandidateDialog candidateId={lea.candidateId} initialView="details" onClose={noop} />, {
          candidates: [lea],
          language,
        }),
      );
    expect(html('fr')).toContain('Poste arrêté : 12\u00a0min, non décomptées');
    expect(html('en')).toContain('Station down: 12\u00a0min, not counted');
    const none = card({ downtimeMs: 0 });
    expect(
      renderRoom(<CandidateDialog candidateId={none.candidateId} initialView="details" onClose={noop} />, {
        candidates: [none],
      }),
    ).not.toContain('panel-downtime');
  });
});

describe('a decision on one of two namesakes', () => {
  const jade1 = card({
    firstName: 'Jade',
    lastName: 'Moreau',
    birthdate: '2011-09-08',
    state: 'resumePending',
  });
  const jade2 = card({
    firstName: 'Jade',
    lastName: 'Moreau',
    birthdate: '2012-02-14',
    state: 'resumePending',
  });

  it('names the candidate with the birthdate in the dialog’s question', () => {
    const html = (view: 'resume' | 'details') =>
      text(
        renderRoom(<CandidateDialog candidateId={jade2.candidateId} initialView={view} onClose={noop} />, {
          candidates: [jade1, jade2],
        }),
      );
    expect(html('resume')).toMatch(/Autoriser la reprise de Jade MOREAU \(14\/02\/2012\)\s?\?/);
    expect(html('details')).toContain('Jade MOREAU (14/02/2012)');
  });

  it('names a candidate alone under that name without it', () => {
    const html = text(
      renderRoom(<CandidateDialog candidateId={jade1.candidateId} initialView="resume" onClose={noop} />, {
        candidates: [jade1],
      }),
    );
    expect(html).toContain('Autoriser la reprise de Jade MOREAU');
    expect(html).not.toContain('08/09/2011)');
  });
});

describe('authorizing the resume of a test whose start never reached the server', () => {
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const lost = (overrides: Partial<ReturnType<typeof card>> = {}) =>
    card({
      state: 'resumePending',
      station: { id: 'st-1', name: 'Poste 01' },
      lastHeartbeatAt: ago(10 * 60_000),
      timeLeftMs: 97 * 60_000,
      timeLeftAt: ago(10 * 60_000),
      startNotReceived: true,
      resumeRequest: { stationId: 'st-9', stationName: 'Poste 09', at: ago(60_000), lastHeardAt: ago(1000) },
      ...overrides,
    });
  const confirmText = (candidate: ReturnType<typeof card>, language?: 'en') =>
    text(
      renderRoom(
        <CandidateDialog candidateId={candidate.candidateId} initialView="resume" onClose={noop} />,
        {
          candidates: [candidate],
          ...(language ? { language } : {}),
        },
      ),
    );

  it('tells the invigilator the test starts again at the first question, with the time the server knows', () => {
    const said = confirmText(lost());
    expect(said).toContain(
      'Aucune réponse de ce candidat n’est arrivée au serveur depuis Poste 01\u00a0: s’il reprend, son test recommence à la première question, avec 1\u00a0h 37\u00a0min de temps restant.',
    );
    expect(said).toContain('Faites un signalement pour le jury.');
    expect(said).toContain('Il reprendra sur\u00a0: Poste 09.');
    // Not the usual promise, which would be false here.
    expect(said).not.toContain('reprend à la question où il s’est arrêté');
    expect(confirmText(lost(), 'en')).toContain(
      'No answer from this candidate reached the server from Poste 01: if they resume, their test starts again at the first question, with 1\u00a0h 37\u00a0min left.',
    );
    // No time the station reported: all of it.
    expect(confirmText(lost({ timeLeftMs: null, timeLeftAt: null }))).toContain('avec 1\u00a0h 45\u00a0min');
    // More left than allowed (time added on the old station): the new station gives the time allowed.
    expect(confirmText(lost({ timeLeftMs: 110 * 60_000 }))).toContain('avec 1\u00a0h 45\u00a0min');
  });

  it('says the usual when the start arrived, or when the test goes on on its own station', () => {
    expect(confirmText(lost({ startNotReceived: false }))).toContain(
      'Le test reprend à la question où il s’est arrêté',
    );
    // Its own station beats again and the other no longer asks: the test goes on there, nothing lost.
    const back = lost({
      lastHeartbeatAt: ago(1000),
      resumeRequest: {
        stationId: 'st-9',
        stationName: 'Poste 09',
        at: ago(60_000),
        lastHeardAt: ago(60_000),
      },
    });
    expect(confirmText(back)).not.toContain('Aucune réponse');
  });
});

describe('a finished test on a card of 30', () => {
  const cardHtml = (candidate: ReturnType<typeof card>, health: 'off' | 'ok' = 'off') => {
    const nowMs = T0 + 120_000;
    const entry = roomEntry(candidate, { nowMs, lockdownSeenAt: () => null });
    return renderRoom(
      <CandidateCard
        entry={{ ...entry, health: { health, silentMs: 120_000 } }}
        nowMs={nowMs}
        stale={false}
        sessionOpen={false}
        namesake={false}
        onOpen={noop}
        onConfirmPresence={noop}
        busy={false}
      />,
      { candidates: [candidate] },
    );
  };

  it('says what keeps a result on two lines, never cut, with the whole words as its title', () => {
    const html = cardHtml(card({ state: 'ended', endReason: 'finished', upload: 'pending' }));
    expect(html).toMatch(
      /<p class="card-upload upload-pending upload-word-waitingStation" data-testid="card-upload" title="Rallumez le poste pour envoyer le résultat">Rallumez le poste pour envoyer le résultat<\/p>/,
    );
    const css = readFileSync(new URL('../invigilator.css', import.meta.url), 'utf8');
    expect(css).toMatch(
      /\.card-upload\.upload-word-waitingStation \{[^}]*-webkit-line-clamp: 2;[^}]*white-space: normal;/,
    );
  });

  it('shortens « Terminé par le surveillant », the whole words read by screen readers', () => {
    const html = cardHtml(
      card({ state: 'ended', endReason: 'endedByInvigilator', upload: 'received' }),
      'ok',
    );
    expect(html).toContain(
      '<span aria-hidden="true" title="Terminé par le surveillant">Terminé (surveillant)</span><span class="visually-hidden">Terminé par le surveillant</span>',
    );
  });
});

describe('time added since the station’s last report', () => {
  const paused = card({
    state: 'paused',
    pause: { cause: 'invigilator', reason: '' },
    timeLeftMs: 105 * 60_000,
    timeLeftAt: new Date(T0).toISOString(),
    addedMs: 10 * 60_000,
    allowedMs: 115 * 60_000,
  });
  const report = { [paused.candidateId]: { at: paused.timeLeftAt, addedMs: 0 } };

  it('is counted in the file’s time left, said not confirmed by the station yet', () => {
    const html = text(
      renderRoom(<CandidateDialog candidateId={paused.candidateId} initialView="details" onClose={noop} />, {
        candidates: [paused],
        state: { timeReports: report },
      }),
    );
    expect(html).toContain('Temps restant 1\u00a0h 55\u00a0min (10\u00a0min ajoutées, en attente du poste)');
    expect(html).toContain('Durée accordée 1\u00a0h 55\u00a0min');
  });

  it('is counted on the card too, said « à confirmer » in place of the indicative end', () => {
    const entry = roomEntry(paused, { nowMs: T0, lockdownSeenAt: () => null });
    const html = renderRoom(
      <CandidateCard
        entry={entry}
        nowMs={T0}
        stale={false}
        sessionOpen
        namesake={false}
        onOpen={noop}
        onConfirmPresence={noop}
        busy={false}
      />,
      { candidates: [paused], state: { timeReports: report } },
    );
    expect(text(html)).toContain(
      'Reste 1\u00a0h 55\u00a0min à confirmer 10\u00a0min ajoutées, en attente du poste',
    );
    expect(html).toContain('title="10\u00a0min ajoutées, en attente du poste"');
    expect(html).not.toContain('fin ≈');
  });

  it('says the time left as the station reported it once its report counts the time added', () => {
    const html = text(
      renderRoom(<CandidateDialog candidateId={paused.candidateId} initialView="details" onClose={noop} />, {
        candidates: [paused],
        state: { timeReports: { [paused.candidateId]: { at: paused.timeLeftAt, addedMs: 10 * 60_000 } } },
      }),
    );
    expect(html).toContain('Temps restant 1\u00a0h 45\u00a0min');
    expect(html).not.toContain('en attente du poste');
  });
});
