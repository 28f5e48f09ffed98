// Bad input: an answer from a station that does not fit the schemas is rejected with an error naming
// the offending field; nothing else is thrown.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidAnswerError, parseAnswerCircumstances, parseAnswerValue } from './parse-answer.ts';

describe('parseAnswerValue', () => {
  it.each([
    ['a QCU choice', { type: 'choice', choice: '2' }],
    ['QCM choices', { type: 'choices', choices: ['1', '3'] }],
    ['no QCM choice at all', { type: 'choices', choices: [] }],
    ['fields', { type: 'fields', fields: { ville: 'Lyon', pays: 'France' } }],
    ['an empty field', { type: 'fields', fields: { ville: '' } }],
  ])('accepts %s', (_case, input) => {
    expect(parseAnswerValue(input)).toEqual(input);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['a missing choice', { type: 'choice' }, 'choice', /expected string/],
    ['an unknown type', { type: 'chioce', choice: '1' }, 'type', /choice.*choices.*fields/],
    ['a choice id too long', { type: 'choice', choice: '123456789' }, 'choice', /8 characters/],
    [
      'an empty choice id among choices',
      { type: 'choices', choices: ['1', ''] },
      'choices[1]',
      /1 characters/,
    ],
    [
      'a field name that is not a name',
      { type: 'fields', fields: { '1bad': 'x' } },
      'fields.1bad',
      /not a field name/,
    ],
    ['a field that is not text', { type: 'fields', fields: { p1: 3 } }, 'fields.p1', /expected string/],
    ['a field too long', { type: 'fields', fields: { p1: 'x'.repeat(2001) } }, 'fields.p1', /2000/],
    [
      'an unexpected property',
      { type: 'choice', choice: '1', extra: true },
      'extra',
      /unexpected field extra/,
    ],
    ['null', null, '', /expected object/],
    ['a string', 'Lyon', '', /expected object/],
  ])('rejects %s, naming the field', (_case, input, field, message) => {
    let error: unknown;
    try {
      parseAnswerValue(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidAnswerError);
    expect((error as InvalidAnswerError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^invalid answer value/);
    if (field !== '') expect((error as Error).message).toContain(field);
  });

  it('never throws anything but an InvalidAnswerError, whatever comes in', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          parseAnswerValue(input);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidAnswerError);
        }
      }),
    );
  });
});

describe('parseAnswerCircumstances', () => {
  it('fills the defaults: not skipped, not timed out, not focused out', () => {
    expect(parseAnswerCircumstances({})).toEqual({ skipped: false, timedOut: false, focusedOut: false });
    expect(parseAnswerCircumstances({ timedOut: true })).toMatchObject({ timedOut: true });
  });

  it.each<[string, unknown, string]>([
    ['a flag that is not a boolean', { skipped: 'yes' }, 'skipped'],
    ['a misspelt flag', { skiped: true }, 'skiped'],
    ['nothing', undefined, ''],
  ])('rejects %s, naming the field', (_case, input, field) => {
    expect(() => parseAnswerCircumstances(input)).toThrow(InvalidAnswerError);
    try {
      parseAnswerCircumstances(input);
    } catch (error) {
      expect((error as InvalidAnswerError).field).toBe(field);
    }
  });
});
