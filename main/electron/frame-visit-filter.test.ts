import { describe, expect, it } from 'vitest';
import { FrameVisitFilter, SAME_VISIT_MS, VISITS_PER_SECOND } from './frame-visit-filter.ts';

const visit = (url: string, allowed = true) => ({ url, allowed, rule: 'embedded frame: allowRule' });

describe('FrameVisitFilter', () => {
  it('journals the same visit once per two seconds, and a blocked one apart from an allowed one', () => {
    const filter = new FrameVisitFilter();
    expect(filter.admit(visit('https://a.example/'), 0)).toBe(true);
    expect(filter.admit(visit('https://a.example/'), 1_500)).toBe(false);
    expect(filter.admit(visit('https://a.example/', false), 1_500)).toBe(true);
    expect(filter.admit(visit('https://a.example/'), SAME_VISIT_MS)).toBe(true);
  });

  it('journals at most ten visits a second, then again the next second', () => {
    const filter = new FrameVisitFilter();
    const admitted = Array.from({ length: 15 }, (_, i) =>
      filter.admit(visit(`https://a.example/${i}`), 10 * i),
    );
    expect(admitted.filter(Boolean)).toHaveLength(VISITS_PER_SECOND);
    expect(filter.admit(visit('https://a.example/next'), 1_000)).toBe(true);
  });
});
