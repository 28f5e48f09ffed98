import { describe, expect, it } from 'vitest';
import { hasContent, initialDraft, missingAnswer, toAnswerValue } from './answer-state.ts';

const qcu = {
  type: 'QCU' as const,
  choices: [
    { id: '1', text: 'a' },
    { id: '2', text: 'b' },
  ],
};
const qcm = { type: 'QCM' as const, choices: qcu.choices };
const qrocm = {
  type: 'QROCM-ind' as const,
  fields: [
    { kind: 'text' as const, name: 'ville' },
    { kind: 'select' as const, name: 'pays', options: ['France', 'Belgique'] },
  ],
};

describe('answer drafts', () => {
  it('restores a saved draft of the right kind and ignores choices the challenge does not have', () => {
    expect(initialDraft(qcu, { type: 'choice', choice: '2' })).toEqual({ type: 'choice', choice: '2' });
    expect(initialDraft(qcu, { type: 'choice', choice: '9' })).toEqual({ type: 'choice', choice: null });
    expect(initialDraft(qcm, { type: 'choices', choices: ['2', '7'] })).toEqual({
      type: 'choices',
      choices: ['2'],
    });
    expect(initialDraft(qrocm, { type: 'fields', fields: { ville: 'Lyon', autre: 'x' } })).toEqual({
      type: 'fields',
      fields: { ville: 'Lyon', pays: '' },
    });
    expect(initialDraft(qcu, { type: 'fields', fields: {} })).toEqual({ type: 'choice', choice: null });
  });

  it('says what is missing before validating, per format', () => {
    expect(missingAnswer(qcu, { type: 'choice', choice: null })).toBe('chooseOne');
    expect(missingAnswer(qcm, { type: 'choices', choices: [] })).toBe('chooseSeveral');
    expect(missingAnswer(qrocm, { type: 'fields', fields: { ville: 'Lyon', pays: ' ' } })).toBe('fillAll');
    const qroc = { type: 'QROC' as const, fields: [{ kind: 'text' as const, name: 'age' }] };
    expect(missingAnswer(qroc, { type: 'fields', fields: { age: '' } })).toBe('fillOne');
    expect(missingAnswer(qroc, { type: 'fields', fields: { age: '15' } })).toBeNull();
  });

  it('turns a complete draft into the stored answer value', () => {
    expect(toAnswerValue({ type: 'choice', choice: '1' })).toEqual({ type: 'choice', choice: '1' });
    expect(toAnswerValue({ type: 'choice', choice: null })).toBeNull();
    expect(toAnswerValue({ type: 'choices', choices: ['2', '1'] })).toEqual({
      type: 'choices',
      choices: ['2', '1'],
    });
    expect(hasContent({ type: 'fields', fields: { a: '' } })).toBe(false);
    expect(hasContent({ type: 'fields', fields: { a: 'x' } })).toBe(true);
  });
});
