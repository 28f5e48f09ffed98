import { describe, expect, it } from 'vitest';
import type { StoredCandidate, StoredResult } from '../storage/repositories.ts';
import {
  normalizeRecipient,
  planResultEmails,
  recipientDomain,
  resultRecipients,
} from './result-email-recipients.ts';

function candidate(id: string, lastName: string, firstName: string, resultEmail: string | null) {
  return { id, lastName, firstName, resultEmail } as StoredCandidate;
}
const result = (candidateId: string) => ({ candidateId }) as StoredResult;

describe('who receives which results', () => {
  it('keeps one plain address, trimmed, its domain lower-cased', () => {
    expect(normalizeRecipient('  Prof.Durand@College.FR ')).toBe('Prof.Durand@college.fr');
    expect(normalizeRecipient('prof@college.fr')).toBe('prof@college.fr');
    for (const bad of [
      null,
      '',
      '   ',
      'prof',
      '@college.fr',
      'prof@',
      'a@b@c.fr',
      'a@b.fr, c@d.fr',
      'Prof <a@b.fr>',
      'a b@c.fr',
    ])
      expect(normalizeRecipient(bad), String(bad)).toBeNull();
    expect(recipientDomain('Prof.Durand@college.fr')).toBe('college.fr');
  });

  it('groups the candidates with a result by address, by name, and leaves out the absent and those without one', () => {
    const candidates = [
      candidate('c1', 'Martin', 'Léa', 'prof@college.fr'),
      candidate('c2', 'Bernard', 'Hugo', ' prof@COLLEGE.fr'),
      candidate('c3', 'Dubois', 'Chloé', 'prof@college.fr'),
      candidate('c4', 'Thomas', 'Lucas', null),
      candidate('c5', 'Écuyer', 'Emma', 'prof@college.fr'),
      candidate('c6', 'bernard', 'Adam', 'prof@college.fr'),
      candidate('c7', 'Petit', 'Jade', 'famille@example.org'),
    ];
    // Chloé Dubois was absent (no result); Lucas Thomas gave no address.
    const results = ['c1', 'c2', 'c4', 'c5', 'c6', 'c7'].map(result);
    expect(resultRecipients(candidates, results)).toEqual([
      // « Bernard » and « bernard » are one name (first names decide), « Écuyer » sorts as « Ecuyer ».
      { recipient: 'prof@college.fr', candidateIds: ['c6', 'c2', 'c5', 'c1'] },
      { recipient: 'famille@example.org', candidateIds: ['c7'] },
    ]);
    expect(resultRecipients(candidates, [])).toEqual([]);
  });

  it('gives each queued message its own id', () => {
    const planned = planResultEmails(
      [candidate('c1', 'Martin', 'Léa', 'a@b.fr'), candidate('c2', 'Petit', 'Jade', 'c@d.fr')],
      [result('c1'), result('c2')],
    );
    expect(planned.map((p) => p.recipient)).toEqual(['a@b.fr', 'c@d.fr']);
    expect(new Set(planned.map((p) => p.id)).size).toBe(2);
    for (const p of planned) expect(p.id).toMatch(/^eml_/);
  });
});
