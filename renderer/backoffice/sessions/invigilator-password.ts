// When the referent may change the invigilator password: until the session is processed (the server
// refuses it after: invigilator/invigilator-auth.ts says why).
import type { CentreSession } from '../api/centre-client.ts';

export function canChangeInvigilatorPassword(session: Pick<CentreSession, 'state'>): boolean {
  return session.state !== 'processed';
}
