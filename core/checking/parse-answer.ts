// The validating entry point for answers coming from a station: outside data is checked against the
// answer schemas, and a bad answer is rejected with an error that names the offending field.
import type { z } from 'zod';
import {
  AnswerCircumstancesSchema,
  AnswerValueSchema,
  type AnswerCircumstances,
  type AnswerValue,
} from '../challenge/answer.ts';

export class InvalidAnswerError extends Error {
  /** Where the first problem is, such as `fields.p1` or `choices[2]`; empty for the answer as a whole. */
  readonly field: string;

  constructor(what: string, field: string, problem: string) {
    super(`invalid ${what}: ${field === '' ? problem : `${field}: ${problem}`}`);
    this.name = 'InvalidAnswerError';
    this.field = field;
  }
}

export function parseAnswerValue(input: unknown): AnswerValue {
  const result = AnswerValueSchema.safeParse(input);
  if (!result.success) throw toError('answer value', result.error);
  return result.data;
}

export function parseAnswerCircumstances(input: unknown): AnswerCircumstances {
  const result = AnswerCircumstancesSchema.safeParse(input);
  if (!result.success) throw toError('answer circumstances', result.error);
  return result.data;
}

function toError(what: string, error: z.ZodError): InvalidAnswerError {
  const issue = error.issues[0];
  if (!issue) return new InvalidAnswerError(what, '', 'rejected');
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => formatPath([...issue.path, key]));
    return new InvalidAnswerError(
      what,
      keys[0] ?? path,
      `unexpected ${keys.length > 1 ? 'fields' : 'field'} ${keys.join(', ')}`,
    );
  }
  if (issue.code === 'invalid_key') return new InvalidAnswerError(what, path, 'is not a field name');
  return new InvalidAnswerError(what, path, issue.message);
}

function formatPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result;
}
