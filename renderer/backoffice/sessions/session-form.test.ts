import { describe, expect, it } from 'vitest';
import { checkSession, EMPTY_SESSION } from './session-form.ts';

describe('the session form', () => {
  it('names every missing field, and a time or date written wrong', () => {
    const empty = checkSession(EMPTY_SESSION);
    expect(empty).toEqual({
      ok: false,
      errors: { address: 'address', room: 'room', date: 'date', time: 'time', examiner: 'examiner' },
    });
    const wrong = checkSession({
      ...EMPTY_SESSION,
      address: '12 rue des Écoles',
      room: 'B12',
      date: '08/12/2026',
      time: '9h',
      examiner: 'Mme Leroy',
      description: 'x'.repeat(2001),
    });
    expect(wrong).toEqual({ ok: false, errors: { date: 'date', time: 'time', description: 'tooLong' } });
  });

  it('trims what it sends', () => {
    const ok = checkSession({
      address: ' 12 rue des Écoles ',
      room: 'B12 ',
      date: '2026-12-08',
      time: '09:00',
      examiner: ' Mme Leroy',
      description: '',
    });
    expect(ok).toEqual({
      ok: true,
      details: {
        address: '12 rue des Écoles',
        room: 'B12',
        date: '2026-12-08',
        time: '09:00',
        examiner: 'Mme Leroy',
        description: '',
      },
    });
  });
});
