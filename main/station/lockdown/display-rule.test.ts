import { describe, expect, it } from 'vitest';
import { diffDisplays, evaluateDisplays, type DisplayInfo } from './display-rule.ts';

const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  label: 'Écran intégré',
  internal: true,
};
const monitor: DisplayInfo = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
  label: 'DELL U2720Q',
};
const projector: DisplayInfo = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 } };
const mirror: DisplayInfo = {
  id: 4,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  label: 'Vidéoprojecteur',
};

describe('display rule', () => {
  it('one display: the exam goes there, nothing to cover', () => {
    for (const rule of ['cover', 'refuse'] as const) {
      expect(evaluateDisplays([laptop], 1, rule)).toEqual({ ok: true, exam: laptop, cover: [], mirrors: [] });
    }
  });

  it('cover: every other display gets a blank window; the exam stays on the primary one', () => {
    expect(evaluateDisplays([monitor, laptop, projector], 1, 'cover')).toEqual({
      ok: true,
      exam: laptop,
      cover: [monitor, projector],
      mirrors: [],
    });
    expect(evaluateDisplays([laptop, monitor], 2, 'cover')).toMatchObject({ exam: monitor, cover: [laptop] });
  });

  it('refuse: an extra display refuses the exam and names it', () => {
    const verdict = evaluateDisplays([laptop, monitor], 1, 'refuse');
    expect(verdict).toMatchObject({ ok: false, reason: 'extraDisplays', offending: [monitor], exam: laptop });
    expect(verdict?.ok === false && verdict.message).toContain('DELL U2720Q (2560×1440)');
    expect(verdict?.ok === false && verdict.message).toContain('2 écrans');
  });

  it('a mirrored display cannot be covered: reported under cover, refused under refuse', () => {
    expect(evaluateDisplays([laptop, mirror], 1, 'cover')).toEqual({
      ok: true,
      exam: laptop,
      cover: [],
      mirrors: [mirror],
    });
    const refused = evaluateDisplays([laptop, mirror], 1, 'refuse');
    expect(refused).toMatchObject({ ok: false, reason: 'mirroredDisplay', offending: [mirror] });
    expect(refused?.ok === false && refused.message).toMatch(/recopie/);
  });

  it('uses the first display when the primary one is missing (displays changing), and none when there is none', () => {
    expect(evaluateDisplays([monitor], 1, 'cover')).toMatchObject({ ok: true, exam: monitor });
    expect(evaluateDisplays([], 1, 'cover')).toBeNull();
  });

  it('tells added and removed displays apart from a resolution change', () => {
    const resized = { ...laptop, bounds: { ...laptop.bounds, width: 1280 } };
    expect(diffDisplays([laptop, monitor], [resized, projector])).toEqual({
      added: [projector],
      removed: [monitor],
    });
    expect(diffDisplays([laptop], [resized])).toEqual({ added: [], removed: [] });
  });
});
