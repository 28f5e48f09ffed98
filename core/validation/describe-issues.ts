// One wording for schema failures everywhere: "field.path: message; other.field: message", so every
// rejected input names the offending field.
import type { z } from 'zod';

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Input from outside that does not match its schema. `what` names the input ("profile", "answer"…). */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly what: string;
  readonly details: string;
  constructor(what: string, details: string) {
    super(`invalid ${what}: ${details}`);
    this.what = what;
    this.details = details;
    this.name = 'InvalidInputError';
  }
}

/** Parses outside data, throwing an InvalidInputError that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInputError(what, describeIssues(result.error));
  return result.data;
}
