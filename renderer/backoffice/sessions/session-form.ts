// The session form's checks, with the server's own schema (core/contracts/centre-api.ts): each
// problem becomes a sentence next to its field.
import { SessionDetailsSchema } from '../../../core/contracts/centre-api.ts';
import type { SessionDetailsInput } from '../api/centre-client.ts';

export type SessionField = keyof SessionDetailsInput;
export type SessionFormErrors = Partial<
  Record<SessionField, 'address' | 'room' | 'date' | 'time' | 'examiner' | 'tooLong'>
>;

export const EMPTY_SESSION: SessionDetailsInput = {
  address: '',
  room: '',
  date: '',
  time: '',
  examiner: '',
  description: '',
};

export function checkSession(
  values: SessionDetailsInput,
): { ok: true; details: SessionDetailsInput } | { ok: false; errors: SessionFormErrors } {
  const parsed = SessionDetailsSchema.safeParse(values);
  if (parsed.success) return { ok: true, details: parsed.data };
  const errors: SessionFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SessionField | undefined;
    if (!field || errors[field]) continue;
    const tooLong = issue.code === 'too_big';
    errors[field] = tooLong || field === 'description' ? 'tooLong' : field;
  }
  return { ok: false, errors };
}
