// The candidates without a result on the invigilator's results page, rendered to HTML: the absent, and
// those listed absent whose station's signed result came after finalization (no longer in `absent`:
// they would otherwise vanish from the page).
import { describe, expect, it } from 'vitest';
import { renderRoom } from '../testing/render-room.tsx';
import { card } from '../testing/room-fixtures.ts';
import { AbsentCandidates } from './results-screen.tsx';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the candidates without a result', () => {
  const results = {
    absent: [{ candidateId: 'c1', firstName: 'Yanis', lastName: 'Benhamou' }],
    unscoredSignedResults: [
      {
        candidateId: 'c2',
        firstName: 'Léa',
        lastName: 'Martin',
        endReason: 'aborted' as const,
        signedResultReceivedAt: '2026-12-08T11:00:00.000Z',
        abortReasonNeeded: true,
      },
    ],
  };

  it('lists the absent, then the results that arrived after finalization, with who handles them', () => {
    const html = text(renderRoom(<AbsentCandidates results={results} />));
    expect(html).toContain('Absents Yanis BENHAMOU');
    expect(html).toContain('Résultats arrivés après la finalisation');
    expect(html).toContain('Léa MARTIN');
    expect(html).toContain('le centre le calcule dans son back-office');
  });

  it('says it in English too, and shows no such section when there is none', () => {
    const english = text(renderRoom(<AbsentCandidates results={results} />, { language: 'en' }));
    expect(english).toContain('Results that arrived after finalization');
    const none = renderRoom(<AbsentCandidates results={{ ...results, unscoredSignedResults: [] }} />);
    expect(none).not.toContain('results-unscored');
  });
});

describe('namesakes among the candidates without a result', () => {
  // Two « Jade MOREAU » in the room: one absent, the other with a result (not in these lists).
  const jadeAbsent = card({
    candidateId: 'j1',
    firstName: 'Jade',
    lastName: 'Moreau',
    birthdate: '2011-09-08',
  });
  const jadeScored = card({
    candidateId: 'j2',
    firstName: 'Jade',
    lastName: 'MOREAU',
    birthdate: '2012-02-14',
  });
  const yanis = card({
    candidateId: 'c1',
    firstName: 'Yanis',
    lastName: 'Benhamou',
    birthdate: '2011-05-06',
  });
  const results = {
    absent: [
      { candidateId: 'j1', firstName: 'Jade', lastName: 'Moreau' },
      { candidateId: 'c1', firstName: 'Yanis', lastName: 'Benhamou' },
    ],
    unscoredSignedResults: [],
  };

  it('names the absent namesake with the birthdate found in the room, and the other absent without', () => {
    const html = text(
      renderRoom(<AbsentCandidates results={results} />, { candidates: [jadeAbsent, jadeScored, yanis] }),
    );
    expect(html).toContain('Jade MOREAU (08/09/2011)');
    expect(html).toContain('Yanis BENHAMOU');
    expect(html).not.toContain('Yanis BENHAMOU (');
    const english = renderRoom(<AbsentCandidates results={results} />, {
      candidates: [jadeAbsent, jadeScored, yanis],
      language: 'en',
    });
    expect(text(english)).toContain('Jade MOREAU (08/09/2011)');
  });
});
