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
    .replace(/\s+/g, ' ')
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
    expect(file(heard)).toContain('Le poste Poste 09 demande à reprendre ce test');
    expect(file(heard)).not.toContain('ne répond plus');
    const silent = asking(60_000);
    expect(file(silent)).toMatch(
      /Le poste Poste 09 ne répond plus depuis \d+ (s|min)\. Si le candidat est parti, son test sera à finaliser comme non terminé, avec une raison\./,
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
    expect(confirm(asking(2_000))).toContain('Il reprendra sur le poste Poste 09.');
    const back = { ...asking(60_000), lastHeartbeatAt: ago(2_000) };
    expect(confirm(back)).toContain(
      `Le poste Poste 09 ne la demande plus et le poste du candidat, ${back.station?.name ?? ''}, est revenu : il reprendra sur celui-ci.`,
    );
    expect(confirm(back)).not.toContain('Il reprendra sur le poste Poste 09');
  });
});

describe('a candidate’s file', () => {
  it('says « Oui » for an accessibility adjustment, not a bare tick', () => {
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
    expect(confirm).toContain('n’a pas commencé son test : rien n’est perdu.');
    expect(confirm).toContain('le candidat sera noté absent');
    expect(confirm).toContain(
      'peut se connecter de nouveau sur un poste tant que la session n’est pas finalisée',
    );
    // Not the words for a test that is over (no other candidate to welcome, no result to send).
    expect(confirm).not.toContain('accueillir un autre candidat');
    expect(confirm).not.toContain('résultat');
  });

  it('pauses the test, and continues it: « verrouiller » is for a station that locked itself', () => {
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
    expect(text(html)).toContain('Alerte signalée par le poste, pas encore reçue : allez voir le candidat');
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
    expect(html('fr')).toContain('Poste arrêté : 12 min, non décomptées');
    expect(html('en')).toContain('Station down: 12 min, not counted');
    const none = card({ downtimeMs: 0 });
    expect(
      renderRoom(<CandidateDialog candidateId={none.candidateId} initialView="details" onClose={noop} />, {
        candidates: [none],
      }),
    ).not.toContain('panel-downtime');
  });
});
