// The candidates without a result on the invigilator's results page, rendered to HTML: the absent, and
// those listed absent whose station's signed result came after finalization (no longer in `absent`:
// they would otherwise vanish from the page).
import { describe, expect, it } from 'vitest';
import { renderRoom } from '../testing/render-room.tsx';
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
