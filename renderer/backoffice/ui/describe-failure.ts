// A refused or failed request in the referent's words: what happened and what to do. A few codes get
// the back office's own sentence (where the context says more than the code); every other code gets the
// shared one (renderer/shared/server-errors), and an unknown code a generic sentence with the code. The
// server's English message is never shown.
import type { RefusalLike } from '../../shared/server-errors/server-error-messages.ts';
import type { ApiFailure } from '../api/centre-client.ts';
import type { MessageKey, Translate } from '../i18n/use-t.ts';

const IN_CONTEXT: Readonly<Record<string, MessageKey>> = {
  NOT_FOUND: 'errors.notFound',
  FORBIDDEN: 'errors.forbidden',
  PAYLOAD_TOO_LARGE: 'errors.tooLarge',
  TOO_MANY_ATTEMPTS: 'errors.rateLimited',
  // Outside the login page, the password asked for is the current one (changing it).
  INVALID_CREDENTIALS: 'errors.INVALID_CREDENTIALS',
  JURY_REVIEW_NEEDED: 'errors.JURY_REVIEW_NEEDED',
  // A revocation refused for tests the stations list did not show yet: it is read again.
  STATION_IN_USE: 'stationUse.changed',
};

export function describeFailure(
  failure: ApiFailure,
  t: Translate,
  serverMessage: (refusal: RefusalLike) => string,
): string {
  const own = failure.status === 0 ? null : IN_CONTEXT[failure.code];
  return own ? t(own) : serverMessage(failure);
}
