// The jury's decisions on the results page: per candidate, for an administrator, the form to correct
// the identity (prefilled, the C1 report shown with it as written), the cancellation or its undoing
// with a labelled button, and every decision taken (what, before → after, who, when, why); a referent
// reads the decisions taken and who takes them.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CandidateResult } from '../../../core/contracts/invigilator-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { incident, juryResult, juryResults } from './jury-fixtures.ts';
import { CandidateDecisions, JuryDecisions } from './jury-decisions.tsx';
import { inSession, jade1, jade2, withNamesakes } from './namesake-fixtures.tsx';

const identityDecision = {
  id: 'jur_1',
  kind: 'identity' as const,
  reason: 'Nom mal orthographié (C1).',
  decidedAt: '2026-12-09T09:05:00.000Z',
  decidedBy: 'Direction du collège',
  identity: {
    before: { lastName: 'Bernard', firstName: 'Hugo', birthdate: '2011-02-02' },
    after: { lastName: 'Bernardi', firstName: 'Hugo', birthdate: '2011-02-02' },
  },
};
const hugo = juryResult('can_2', 'Hugo', 'Bernardi', {
  birthdate: '2011-02-02',
  incidents: [
    incident({ id: 'inc_1', candidateId: 'can_2', code: 'C1', description: 'Son nom s’écrit Bernardi.' }),
  ],
  juryDecisions: [identityDecision],
});
const lea = juryResult('can_1', 'Léa', 'Martin', {
  status: 'cancelled',
  pixScore: 0,
  reasons: ['JURY_CANCELLED'],
  verificationCode: null,
  incidents: [incident({ id: 'inc_2', candidateId: 'can_1', code: 'C6', description: '' })],
  juryDecisions: [
    {
      id: 'jur_2',
      kind: 'cancel',
      reason: 'Téléphone utilisé pendant le test.',
      decidedAt: '2026-12-09T10:00:00.000Z',
      decidedBy: 'Direction du collège',
      identity: null,
    },
  ],
});
const quiet = juryResult('can_3', 'Chloé', 'Dubois');

const wrap = (language: Language, node: React.ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>{inSession(node)}</I18nextProvider>,
  );
const never = () => Promise.reject(new Error('not in this test'));
const section = (language: Language, administrator = true) =>
  wrap(
    language,
    <JuryDecisions
      results={juryResults([hugo, lea, quiet])}
      administrator={administrator}
      onCorrectIdentity={never}
      onDecideCancellation={never}
    />,
  );
const candidate = (result: CandidateResult, done: string | null = null) =>
  wrap('fr', <CandidateDecisions result={result} done={done} onCorrect={never} onAsk={() => undefined} />);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
const box = (html: string, candidateId: string) =>
  new RegExp(`<details[^>]*data-candidate-id="${candidateId}"[^>]*>.*?</details>`, 's').exec(html)?.[0] ?? '';

describe('the jury’s decisions on the results page', () => {
  it('is a section named by its title, one box per candidate by name, open where there is something to see', () => {
    const html = section('fr');
    expect(html).toMatch(/^<section[^>]*aria-labelledby="jury-decisions"/);
    expect(html).toContain('<h2 id="jury-decisions">Décisions du jury : identité et annulation</h2>');
    expect([...html.matchAll(/<details[^>]*data-candidate-id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'can_2',
      'can_3',
      'can_1',
    ]);
    expect(box(html, 'can_2')).toMatch(/^<details[^>]* open=""/);
    expect(box(html, 'can_3')).not.toMatch(/^<details[^>]* open=""/);
    expect(text(/<summary>(.*?)<\/summary>/s.exec(box(html, 'can_2'))?.[1] ?? '')).toBe(
      'Hugo BERNARDI : Certifié · identité signalée (C1) · 1 décision du jury',
    );
  });

  it('offers the identity prefilled, with the C1 report as the invigilator wrote it, and a reason to give', () => {
    const html = candidate(hugo);
    expect(text(html)).toContain('Signalement C1 du surveillant « Son nom s’écrit Bernardi. »');
    const form = /<form[^>]*data-testid="identity-correction".*?<\/form>/s.exec(html)?.[0] ?? '';
    expect(form).toContain('aria-label="Corriger l’identité de Hugo BERNARDI"');
    for (const [label, value] of [
      ['Nom de naissance', 'Bernardi'],
      ['Prénom', 'Hugo'],
      ['Date de naissance', '2011-02-02'],
    ]) {
      const id = new RegExp(`<label for="([^"]+)">${label}</label>`).exec(form)?.[1];
      expect(id, label).toBeDefined();
      expect(form).toMatch(new RegExp(`<input[^>]*id="${id}"[^>]*value="${value}"`));
    }
    expect(form).toMatch(/<label for="[^"]+">Motif de la décision<\/label>/);
    expect(form).toContain('0 / 500 caractères');
    expect(text(form)).toContain('Corriger l’identité');
  });

  it('lists the decisions taken: what, before → after, who, when, why', () => {
    const history = /<ol[^>]*data-testid="jury-decision-history".*?<\/ol>/s.exec(candidate(hugo))?.[0] ?? '';
    expect(text(history)).toMatch(
      /^Identité corrigée\u00a0: Hugo BERNARD, né\(e\) le 02\/02\/2011 → Hugo BERNARDI, né\(e\) le 02\/02\/2011 \(le 09\/12\/2026 \d\d:05, par Direction du collège\) Motif\u00a0: «\u202fNom mal orthographié \(C1\)\.\u202f»$/,
    );
    expect(text(candidate(quiet))).toContain('Aucune décision du jury pour ce candidat.');
  });

  it('offers to cancel a certification, or to restore one the jury cancelled, each labelled with the name', () => {
    const valid = candidate(quiet);
    expect(valid).toContain('aria-label="Annuler la certification de Chloé DUBOIS"');
    expect(valid).toContain('data-testid="cancel-certification"');
    expect(text(valid)).toContain('Résultat actuel : Certifié, 64\u00a0Pix');
    const cancelled = candidate(lea);
    expect(cancelled).toContain('aria-label="Rétablir la certification de Léa MARTIN"');
    expect(text(cancelled)).toMatch(
      /Certification annulée par le jury le 09\/12\/2026 \d\d:00\u00a0: aucun certificat n’est délivré\./,
    );
    expect(text(cancelled)).toContain('Signalement C6 du surveillant sans description');
  });

  it('gives the focus a sentence saying what was decided', () => {
    const html = candidate(quiet, 'Certification de Chloé DUBOIS annulée.');
    expect(html).toContain('id="jury-decision-done-can_3" tabindex="-1"');
    expect(html).toMatch(/^<details[^>]* open=""/);
  });

  it('shows a referent the decisions taken and who takes them, with nothing to press', () => {
    const html = section('fr', false);
    expect(html).toContain('data-testid="jury-decisions-referent"');
    expect(text(html)).toContain('le jury (un administrateur) peut corriger l’identité');
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<button');
    expect(text(html)).toContain('Certification annulée (le 09/12/2026');
  });

  it('reads in English', () => {
    const html = section('en');
    expect(text(html)).toContain('Jury decisions: identity and cancellation');
    expect(html).toContain('aria-label="Restore the certification of Léa MARTIN"');
  });
});

describe('the jury’s decisions in a session with two namesakes', () => {
  const jadeResult = juryResult(jade2.candidateId, 'Jade', 'Moreau', { birthdate: jade2.birthdate });
  const otherJade = juryResult(jade1.candidateId, 'Jade', 'Moreau', { birthdate: jade1.birthdate });
  const leaResult = juryResult('can_1', 'Léa', 'Martin');
  const html = wrap(
    'fr',
    withNamesakes(
      <JuryDecisions
        results={juryResults([jadeResult, otherJade, leaResult])}
        administrator
        onCorrectIdentity={never}
        onDecideCancellation={never}
      />,
    ),
  );

  it('names each of the two with the birthdate in its box and in the correction it offers; the third without', () => {
    const summary = (candidateId: string) =>
      text(/<summary>(.*?)<\/summary>/s.exec(box(html, candidateId))?.[1] ?? '');
    expect(summary(jade2.candidateId)).toMatch(/^Jade MOREAU \(14\/02\/2012\)\s:/);
    expect(summary(jade1.candidateId)).toMatch(/^Jade MOREAU \(08\/09\/2011\)\s:/);
    expect(summary('can_1')).toMatch(/^Léa MARTIN\s:/);
    expect(box(html, jade2.candidateId)).toContain(
      'aria-label="Corriger l’identité de Jade MOREAU (14/02/2012)"',
    );
  });
});
