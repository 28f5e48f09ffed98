// A refused or failed request in the referent's words: what happened and what to do. Known codes have
// their own sentence; anything else says what the server said.
import type { ApiFailure } from '../api/centre-client.ts';
import type { MessageKey, Translate } from '../i18n/use-t.ts';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  NETWORK: 'errors.network',
  NOT_FOUND: 'errors.notFound',
  FORBIDDEN: 'errors.forbidden',
  RATE_LIMITED: 'errors.rateLimited',
  TOO_MANY_ATTEMPTS: 'errors.rateLimited',
  PAYLOAD_TOO_LARGE: 'errors.tooLarge',
  SESSION_CLOSED: 'errors.SESSION_CLOSED',
  SESSION_STARTED: 'errors.SESSION_STARTED',
  ALREADY_ENROLLED: 'errors.ALREADY_ENROLLED',
  CANDIDATE_STARTED: 'errors.CANDIDATE_STARTED',
  EMAIL_TAKEN: 'errors.EMAIL_TAKEN',
  OWN_ACCOUNT: 'errors.OWN_ACCOUNT',
  SESSION_ALREADY_FINALIZED: 'errors.SESSION_ALREADY_FINALIZED',
  ABORT_REASON_REQUIRED: 'errors.ABORT_REASON_REQUIRED',
  JURY_REVIEW_NEEDED: 'errors.JURY_REVIEW_NEEDED',
  SESSION_PUBLISHED: 'errors.SESSION_PUBLISHED',
  SESSION_NOT_PROCESSED: 'errors.SESSION_NOT_PROCESSED',
  INVALID_CREDENTIALS: 'errors.INVALID_CREDENTIALS',
  NO_CERTIFICATE: 'errors.NO_CERTIFICATE',
};

export function describeFailure(failure: ApiFailure, t: Translate): string {
  const known = KNOWN[failure.code] ?? (failure.status === 0 ? 'errors.network' : null);
  if (known) return t(known);
  if (failure.code === 'INVALID_REQUEST' || failure.code === 'INVALID_JSON') {
    return t('errors.invalid', { message: failure.message });
  }
  return t('errors.other', { code: failure.code, message: failure.message });
}
