// A refusal is said in the candidate's language from its code, with what to do: never the station's
// own message, which is written for the logs (in English, with internal names).
import { describe, expect, it } from 'vitest';
import type { StationError } from '../../../core/contracts/station-api.ts';
import { renderScreen } from '../testing/render-screen.tsx';
import { StationErrorNotice } from './station-error-notice.tsx';

const notice = (error: StationError, language: 'fr' | 'en' = 'fr') =>
  renderScreen(<StationErrorNotice error={error} />, language);

describe('StationErrorNotice', () => {
  it('translates the code and hides the raw message', () => {
    const error: StationError = {
      code: 'ILLEGAL_TRANSITION',
      message: 'the station cannot go from "uploaded" to "idle"',
    };
    const fr = notice(error);
    expect(fr).toBe(
      'Le poste est déjà passé à une autre étape : cette action n’est plus possible. Si l’écran ne change pas, prévenez le surveillant.',
    );
    expect(notice(error, 'en')).toBe(
      'The station has already moved on to another step: this action is no longer possible. If the screen does not change, tell the invigilator.',
    );
  });

  it('says what to do for any other code, even one it does not know', () => {
    const general =
      'Le poste a rencontré un problème. Réessayez ; si cela continue, prévenez le surveillant.';
    expect(notice({ code: 'INTERNAL', message: 'SQLITE_BUSY: database is locked' })).toBe(general);
    const unknown = { code: 'SOMETHING_NEW', message: 'internal' } as unknown as StationError;
    expect(notice(unknown)).toBe(general);
    expect(notice(unknown, 'en')).toBe(
      'The station ran into a problem. Try again; if it goes on, tell the invigilator.',
    );
  });
});
