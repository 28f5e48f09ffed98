import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../challenge/answer.ts';
import { qcmCheck, qcuCheck, splitChoiceIds } from './choices.ts';

const choice = (id: string): AnswerValue => ({ type: 'choice', choice: id });
const choices = (...ids: string[]): AnswerValue => ({ type: 'choices', choices: ids });

describe('splitChoiceIds', () => {
  it.each([
    ['one id', '2', ['2']],
    ['ids separated by commas', '1,3', ['1', '3']],
    ['spaces around ids are trimmed', ' 1 , 3 ', ['1', '3']],
    ['an empty entry stays (and matches no choice)', '1,,3', ['1', '', '3']],
  ])('%s', (_case, list, expected) => {
    expect(splitChoiceIds(list)).toEqual(expected);
  });
});

describe('qcuCheck', () => {
  it.each<[string, string, AnswerValue, boolean]>([
    ['equal ids', '2', choice('2'), true],
    ['the solution trimmed', ' 2 ', choice('2'), true],
    ['the answer trimmed', '2', choice(' 2'), true],
    ['different ids', '2', choice('3'), false],
    ['ids are case-sensitive', 'a', choice('A'), false],
    ['a list of choices is not one choice', '2', choices('2'), false],
  ])('%s', (_case, solution, value, expected) => {
    expect(qcuCheck(solution)(value)).toBe(expected);
  });
});

describe('qcmCheck', () => {
  it.each<[string, string, AnswerValue, boolean]>([
    ['the same set', '1,3', choices('1', '3'), true],
    ['in another order', '1,3', choices('3', '1'), true],
    ['the solution with spaces', ' 3 , 1', choices('1', '3'), true],
    ['the answer as one comma-separated entry', '1,3', choices('1,3'), true],
    ['a one-choice solution', '4', choices('4'), true],
    ['missing one', '1,3', choices('1'), false],
    ['one too many', '1,3', choices('1', '3', '4'), false],
    ['a repeated id is not a set', '1,3', choices('1', '3', '1'), false],
    ['no choice', '1,3', choices(), false],
    ['a QCU-shaped answer', '1', choice('1'), false],
  ])('%s', (_case, solution, value, expected) => {
    expect(qcmCheck(solution)(value)).toBe(expected);
  });
});
