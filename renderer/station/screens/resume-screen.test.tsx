// The resume screen names the question the test goes back to only when the station knows it.
import { describe, expect, it } from 'vitest';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { ResumeScreen } from './resume-screen.tsx';

describe('ResumeScreen', () => {
  it('names the next question when the progress is known', () => {
    const status = stationStatus({
      phase: 'resumePending',
      progress: { current: 11, answered: 11, total: 32 },
    });
    expect(renderScreen(<ResumeScreen status={status} />)).toContain(
      'Le test reprendra tout seul à la question 12.',
    );
  });

  it('does not claim question 1 while the test package has not arrived on another station', () => {
    const status = stationStatus({ phase: 'resumePending', progress: null, timeLeftMs: null });
    const fr = renderScreen(<ResumeScreen status={status} />);
    expect(fr).toContain('Le test reprendra tout seul, là où vous en étiez.');
    expect(fr).not.toContain('question 1');
    expect(fr).not.toContain('Temps restant');
    const en = renderScreen(<ResumeScreen status={status} />, 'en');
    expect(en).toContain('The test will start again by itself, where you were.');
    expect(en).not.toContain('question 1');
  });
});
