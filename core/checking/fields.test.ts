import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../challenge/answer.ts';
import type { Field } from '../challenge/challenge.ts';
import { treatmentsFor } from './treatments.ts';
import { dependentFieldsCheck, independentFieldsCheck, readFields } from './fields.ts';

const text = (name: string): Field => ({ kind: 'text', name });
const select = (name: string, options: string[]): Field => ({ kind: 'select', name, options });
const fields = (values: Record<string, string>): AnswerValue => ({ type: 'fields', fields: values });
const allOn = { treatments: treatmentsFor({ t1: false, t2: false, t3: false }), numeric: false };

describe('readFields', () => {
  const challengeFields = [text('a'), text('b')];
  it.each<[string, AnswerValue, string[] | null]>([
    ['every field, in the challenge’s order', fields({ b: 'deux', a: 'un' }), ['un', 'deux']],
    ['a missing field reads as empty', fields({ a: 'un' }), ['un', '']],
    ['no field at all', fields({}), ['', '']],
    ['a field the challenge does not have: the answer does not fit', fields({ a: 'un', c: 'trois' }), null],
    ['a choice: the answer does not fit', { type: 'choice', choice: '1' }, null],
  ])('%s', (_case, value, expected) => {
    expect(readFields(value, challengeFields)).toEqual(expected);
  });

  it('does not take inherited names for fields', () => {
    expect(readFields(fields({ a: 'un' }), [text('a'), text('toString')])).toEqual(['un', '']);
  });
});

describe('independentFieldsCheck', () => {
  const variants: Record<string, string[]> = { ville: ['Lyon'], pays: ['France'] };
  const check = independentFieldsCheck(
    [text('ville'), select('pays', ['France', 'Belgique'])],
    (f) => variants[f.name] ?? [],
    allOn,
  );
  it.each<[string, Record<string, string>, boolean]>([
    ['each field right', { ville: 'lyon', pays: 'France' }, true],
    ['the select gets no treatment', { ville: 'Lyon', pays: 'FRANCE' }, false],
    ['one field wrong', { ville: 'Paris', pays: 'France' }, false],
  ])('%s', (_case, values, expected) => {
    expect(check(fields(values))).toBe(expected);
  });

  it('a challenge without fields accepts nothing', () => {
    expect(independentFieldsCheck([], () => [], allOn)(fields({}))).toBe(false);
  });
});

describe('dependentFieldsCheck', () => {
  it('needs at least as many distinct accepted answers as fields', () => {
    const check = dependentFieldsCheck([text('a'), text('b')], ['rouge', 'ROUGE'], allOn);
    expect(check(fields({ a: 'rouge', b: 'rouge' }))).toBe(false);
  });

  it('matches fields to distinct answers whatever their order', () => {
    const check = dependentFieldsCheck([text('a'), text('b'), text('c')], ['un', 'deux', 'trois'], allOn);
    expect(check(fields({ a: 'trois', b: 'un', c: 'deux' }))).toBe(true);
    expect(check(fields({ a: 'trois', b: 'un', c: 'un' }))).toBe(false);
  });

  it('a challenge without fields accepts nothing', () => {
    expect(dependentFieldsCheck([], ['un'], allOn)(fields({}))).toBe(false);
  });
});
