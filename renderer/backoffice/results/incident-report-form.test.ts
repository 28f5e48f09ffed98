// A coded incident report is checked before it is sent as the server checks it (IncidentInputSchema):
// a candidate and a code; a question number from 1 to 48 for an E code only; a description of at most
// 1000 characters.
import { describe, expect, it } from 'vitest';
import { IncidentInputSchema, INCIDENT_CODES } from '../../../core/contracts/invigilator-api.ts';
import {
  C_CODES,
  E_CODES,
  asIncidentCode,
  asksQuestion,
  checkIncident,
  emptyIncidentDraft,
  incidentErrorCount,
} from './incident-report-form.ts';

const draft = { ...emptyIncidentDraft, candidateId: 'can_1' };

describe('the incident report form', () => {
  it('offers every code of core’s list, C codes then E codes', () => {
    expect([...C_CODES, ...E_CODES].sort()).toEqual([...INCIDENT_CODES].sort());
    expect(C_CODES).toEqual(['C1', 'C2', 'C4', 'C6', 'C7', 'C8']);
    expect(asIncidentCode('E10')).toBe('E10');
    expect(asIncidentCode('E6')).toBe('');
  });

  it('asks the question’s number for an E code only, and sends it as the server expects', () => {
    expect(asksQuestion({ ...draft, code: 'E4' })).toBe(true);
    expect(asksQuestion({ ...draft, code: 'C7' })).toBe(false);
    const e4 = checkIncident({
      ...draft,
      code: 'E4',
      questionNumber: ' 12 ',
      description: '  site en panne ',
    });
    expect(e4).toEqual({
      ok: true,
      input: { candidateId: 'can_1', code: 'E4', questionNumber: 12, description: 'site en panne' },
    });
    // A number left in the field from an E code is not sent with a C code.
    const c7 = checkIncident({ ...draft, code: 'C7', questionNumber: '12' });
    expect(c7).toEqual({
      ok: true,
      input: { candidateId: 'can_1', code: 'C7', questionNumber: null, description: '' },
    });
    for (const checked of [e4, c7])
      if (checked.ok) expect(IncidentInputSchema.safeParse(checked.input).success).toBe(true);
  });

  it('says every field to fix', () => {
    const empty = checkIncident(emptyIncidentDraft);
    expect(empty).toEqual({
      ok: false,
      errors: { candidate: true, code: true, question: false, description: false },
    });
    for (const questionNumber of ['', '0', '49', '3.5', 'douze']) {
      const checked = checkIncident({ ...draft, code: 'E1', questionNumber });
      expect(checked.ok ? null : checked.errors.question).toBe(true);
    }
    const long = checkIncident({ ...draft, code: 'C8', description: 'x'.repeat(1001) });
    expect(long.ok ? null : long.errors).toEqual({
      candidate: false,
      code: false,
      question: false,
      description: true,
    });
    expect(checkIncident({ ...draft, code: 'C8', description: 'x'.repeat(1000) }).ok).toBe(true);
    expect(incidentErrorCount({ candidate: true, code: false, question: true, description: false })).toBe(2);
  });
});
