import { describe, expect, it } from 'vitest';
import { FrameVisitFilter, originKey, SAME_VISIT_MS, VISITS_PER_SECOND } from './frame-visit-filter.ts';

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

  it('takes its own window, rate and notion of « the same visit »', () => {
    const filter = new FrameVisitFilter({ sameVisitMs: 60_000, perSecond: 1, key: originKey });
    expect(filter.admit(visit('https://ads.example/a?1', false), 0)).toBe(true);
    expect(filter.admit(visit('https://ads.example/b?2', false), 5_000)).toBe(false);
    expect(filter.admit(visit('https://other.example/', false), 5_000)).toBe(true);
    expect(filter.admit(visit('https://third.example/', false), 5_500)).toBe(false);
    expect(filter.admit(visit('https://ads.example/c', false), 60_000)).toBe(true);
    expect(originKey(visit('not an address', false))).toBe('blocked not an address');
  });

  it('admits again a visit it was told to forget, and only that one', () => {
    const filter = new FrameVisitFilter({ sameVisitMs: Number.POSITIVE_INFINITY });
    expect(filter.admit(visit('https://a.example/f.pdf'), 0)).toBe(true);
    expect(filter.admit(visit('https://a.example/g.pdf'), 0)).toBe(true);
    filter.forget(visit('https://a.example/f.pdf'));
    expect(filter.admit(visit('https://a.example/f.pdf'), 5_000)).toBe(true);
    expect(filter.admit(visit('https://a.example/g.pdf'), 5_000)).toBe(false);
  });
});
