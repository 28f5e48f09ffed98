// The watch kept on every page of the session, rendered to HTML: on a page other than the room, a
// banner says that candidates are blocked and leads to the room.
import { describe, expect, it } from 'vitest';
import { alertOn, card } from '../testing/room-fixtures.ts';
import { renderRoom } from '../testing/render-room.tsx';
import { SessionHeader } from './session-header.tsx';
import { SessionWatch } from './session-watch.tsx';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('away from the room', () => {
  const alerting = card({ alert: alertOn(3, 0) });
  const inTransit = card({ alertInTransit: true });
  const resuming = card({ state: 'resumePending' });

  it('shows the candidates blocked in the room, with the way there', () => {
    const html = renderRoom(<SessionWatch page="attendance" />, {
      candidates: [alerting, inTransit, resuming, card()],
    });
    expect(html).toContain('data-testid="away-banner"');
    expect(text(html)).toContain(
      'Dans la salle, 3 candidats sont bloqués et attendent votre décision (alertes ou reprises).',
    );
    expect(html).toMatch(
      /<a class="button away-banner-link" href="#\/sessions\/ses-1\/room">Aller à la salle<\/a>/,
    );
    const en = renderRoom(<SessionWatch page="finalization" />, { candidates: [alerting], language: 'en' });
    expect(text(en)).toContain('In the room, 1 candidate is blocked');
  });

  it('shows nothing in the room itself (it has its own banner), nor when no one is blocked', () => {
    expect(renderRoom(<SessionWatch page="room" />, { candidates: [alerting] })).toBe('');
    expect(renderRoom(<SessionWatch page="results" />, { candidates: [card({ state: 'waiting' })] })).toBe(
      '',
    );
  });
});

describe('the banner at the top of every session page', () => {
  it('says the room is not up to date when the fetch the server asked for failed, with a retry', () => {
    const html = renderRoom(<SessionHeader page="attendance" />, {
      candidates: [card()],
      state: { stream: 'open', resyncFailed: true },
    });
    expect(html).toContain('data-freshness="behind"');
    expect(text(html)).toContain('La salle n’est pas à jour');
    expect(text(html)).toContain('Réessayer');
  });

  it('says the connection is lost while the stream is down, and nothing when all is well', () => {
    const lost = renderRoom(<SessionHeader page="room" />, { state: { stream: 'lost' } });
    expect(text(lost)).toContain('Connexion perdue avec le serveur');
    const open = renderRoom(<SessionHeader page="room" />, { state: { stream: 'open' } });
    expect(open).not.toContain('connection-lost');
  });
});
