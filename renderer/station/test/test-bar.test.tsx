// The progress bar's spoken value is real French and English: "1 question traitée", never "1 questions".
import { describe, expect, it } from 'vitest';
import { renderHtml, stationStatus } from '../testing/render-screen.tsx';
import { TestBar } from './test-bar.tsx';

function spokenProgress(answered: number, language: 'fr' | 'en' = 'fr'): string | undefined {
  const status = stationStatus({ progress: { current: answered, answered, total: 32 } });
  return /aria-valuetext="([^"]*)"/.exec(
    renderHtml(<TestBar status={status} left={status.exam.timeLeftMs} />, language),
  )?.[1];
}

describe('TestBar progress', () => {
  it('says one question in the singular, several in the plural', () => {
    expect(spokenProgress(0)).toBe('0 question traitée sur 32');
    expect(spokenProgress(1)).toBe('1 question traitée sur 32');
    expect(spokenProgress(2)).toBe('2 questions traitées sur 32');
    expect(spokenProgress(1, 'en')).toBe('1 question done out of 32');
    expect(spokenProgress(12, 'en')).toBe('12 questions done out of 32');
  });
});
