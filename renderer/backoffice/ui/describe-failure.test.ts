import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { serverErrorMessage } from '../../shared/server-errors/server-error-messages.ts';
import { ApiFailure } from '../api/centre-client.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { describeFailure } from './describe-failure.ts';

function describeIn(language: 'fr' | 'en', failure: ApiFailure): string {
  const i18n = addBackOfficeMessages(createI18n(language));
  return describeFailure(failure, translator(i18n), (refusal) => serverErrorMessage(i18n, refusal));
}

describe('a refused request in the back office', () => {
  it('never shows the server’s English message', () => {
    const english = 'body.email: Invalid email address';
    const text = describeIn('fr', new ApiFailure(400, 'INVALID_REQUEST', english));
    expect(text).not.toContain(english);
    expect(text).toMatch(/^Le serveur a refusé ces informations/);
    expect(describeIn('fr', new ApiFailure(409, 'SESSION_PUBLISHED', 'already published'))).toBe(
      'Les résultats sont déjà publiés.',
    );
  });

  it('keeps the back office’s own words where its context says more than the code', () => {
    expect(describeIn('fr', new ApiFailure(401, 'INVALID_CREDENTIALS', 'wrong password'))).toBe(
      'Le mot de passe actuel est incorrect.',
    );
    expect(describeIn('fr', new ApiFailure(404, 'NOT_FOUND', 'session not found'))).toContain(
      'appartient à un autre centre',
    );
    expect(describeIn('en', new ApiFailure(403, 'FORBIDDEN', 'administrators only'))).toBe(
      'Only an administrator can do this.',
    );
  });

  it('says the server cannot be reached, and gives the code of anything it does not know', () => {
    expect(describeIn('fr', new ApiFailure(0, 'NETWORK', 'Failed to fetch'))).toMatch(/ne répond pas/);
    const unknown = describeIn('fr', new ApiFailure(409, 'BRAND_NEW_RULE', 'a new rule says no'));
    expect(unknown).toContain('(code BRAND_NEW_RULE)');
    expect(unknown).not.toContain('a new rule says no');
    expect(describeIn('en', new ApiFailure(409, 'BRAND_NEW_RULE', 'x'))).toMatch(
      /^The operation did not go through/,
    );
  });
});
