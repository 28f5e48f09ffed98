// The identity fields shared by the server, the station and the screens.
import { z } from 'zod';

/** Sessions are numbered by the server (the number candidates type to join). */
export const SessionNumberSchema = z.coerce
  .number({ error: 'must be a session number' })
  .int('must be a whole number')
  .positive('must be a session number');

export const BirthdateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'is too long (100 characters at most)');

export const SESSION_STATES = ['created', 'finalized', 'processed'] as const;
export const SessionStateSchema = z.enum(SESSION_STATES);
export type SessionState = z.infer<typeof SessionStateSchema>;
