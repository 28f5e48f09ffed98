// What the finalization page says about a candidate waiting at another station for the resume,
// rendered to HTML: among the tests to settle in the room while that station is heard, with what to
// do; asked an abort reason once it is silent too (finalization-rules.ts decides, as the server does).
import { describe, expect, it } from 'vitest';
import { card } from '../testing/room-fixtures.ts';
import { renderRoom } from '../testing/render-room.tsx';
import { FinalizationScreen } from './finalization-screen.tsx';

/** The screen's clock is this browser's (use-now.ts): times relative to it. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
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
    expect(text(running)).toContain('Léa MARTIN : attend la reprise au poste Poste 09');
    expect(text(running)).toContain('autorisez la reprise depuis la salle (« Autoriser la reprise »)');
    expect(text(running)).toContain('attendez que ce poste soit muet');
    // Not the hint for tests under way on their own station: ending them is not what this one needs.
    expect(text(running)).not.toContain('Terminez d’abord leur test');
    expect(html).not.toContain('data-testid="abort-reason"');

    const en = renderRoom(<FinalizationScreen />, { candidates: [resuming(2_000)], language: 'en' });
    expect(text(en)).toContain('Léa MARTIN: waiting to resume at station Poste 09');
    expect(text(en)).toContain('authorize the resume from the room (&quot;Authorize resume&quot;)');
  });

  it('asks an abort reason once that station is silent too (the candidate left)', () => {
    const html = renderRoom(<FinalizationScreen />, { candidates: [resuming(60_000)] });
    expect(html).not.toContain('data-testid="still-running"');
    expect(html).toMatch(/data-testid="abort-reason" data-candidate-id="lea"/);
  });
});
