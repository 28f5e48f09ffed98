import { describe, expect, it } from 'vitest';
import { checkIncident, C_CODES, E_CODES, focusAfterRemoval } from './incident-rules.ts';

describe('incident reports', () => {
  it('offers every C and E code', () => {
    expect(C_CODES).toEqual(['C1', 'C2', 'C4', 'C6', 'C7', 'C8']);
    expect(E_CODES).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E8', 'E9', 'E10', 'E11', 'E12']);
  });

  it('needs a code, and the question number for an E code', () => {
    expect(checkIncident({ code: '', questionNumber: '', description: '' })).toEqual({
      ok: false,
      errors: ['codeMissing'],
    });
    expect(checkIncident({ code: 'E4', questionNumber: '', description: '' })).toEqual({
      ok: false,
      errors: ['questionMissing'],
    });
    expect(checkIncident({ code: 'E4', questionNumber: '49', description: '' }).ok).toBe(false);
    expect(checkIncident({ code: 'E4', questionNumber: '2.5', description: '' }).ok).toBe(false);
    expect(checkIncident({ code: 'E4', questionNumber: ' 12 ', description: ' site en panne ' })).toEqual({
      ok: true,
      value: { code: 'E4', questionNumber: 12, description: 'site en panne' },
    });
  });

  it('refuses a question beyond the candidate’s own test once its length is known', () => {
    const e = (questionNumber: string) => ({ code: 'E1', questionNumber, description: '' });
    expect(checkIncident(e('13'), 13).ok).toBe(true);
    expect(checkIncident(e('14'), 13)).toEqual({ ok: false, errors: ['questionMissing'] });
    // Never beyond the longest test, whatever a card says.
    expect(checkIncident(e('49'), 60).ok).toBe(false);
    expect(checkIncident({ code: 'C7', questionNumber: '31', description: '' }, 13).ok).toBe(true);
  });

  it('drops a question number given with a C code', () => {
    expect(checkIncident({ code: 'C6', questionNumber: '3', description: 'téléphone' })).toEqual({
      ok: true,
      value: { code: 'C6', questionNumber: null, description: 'téléphone' },
    });
  });
});

describe('focus once a report is removed', () => {
  it('goes to the next report, else the one before, else the section’s title (null)', () => {
    expect(focusAfterRemoval(['a', 'b', 'c'], 'b', ['a', 'c'])).toBe('c');
    expect(focusAfterRemoval(['a', 'b', 'c'], 'c', ['a', 'b'])).toBe('b');
    expect(focusAfterRemoval(['a'], 'a', [])).toBeNull();
  });

  it('skips a report another screen removed meanwhile', () => {
    expect(focusAfterRemoval(['a', 'b', 'c', 'd'], 'b', ['a', 'd'])).toBe('d');
    expect(focusAfterRemoval(['a', 'b', 'c'], 'c', ['a'])).toBe('a');
  });
});
