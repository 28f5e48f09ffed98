// The back office's finalization lists the tests that may still run offline (silent station, time
// left) as the invigilator's screen does, with the same facts and what to do, told to a referent who may
// not be in the room; each with its own labelled confirmation, tied to its facts and its error.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { UnfinishedTests } from '../../../core/contracts/centre-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { MaybeRunningTests } from './maybe-running-tests.tsx';
import { inSession, jade2, withNamesakes } from './namesake-fixtures.tsx';

const heardAt = '2026-12-08T09:41:00.000Z';
const checkedAt = Date.parse(heardAt) + 3 * 60_000;
const tests: UnfinishedTests['maybeRunning'] = [
  {
    candidateId: 'can_1',
    firstName: 'Léa',
    lastName: 'Martin',
    stationLastHeardAt: heardAt,
    timeLeftMs: 12 * 60_000 + 1,
  },
  { candidateId: 'can_2', firstName: 'Noé', lastName: 'Petit', stationLastHeardAt: null, timeLeftMs: null },
];

function list(
  language: Language,
  options: {
    confirmed?: string[];
    invalid?: string[];
    tests?: UnfinishedTests['maybeRunning'];
    namesakes?: boolean;
  } = {},
): string {
  const rendered = (
    <MaybeRunningTests
      tests={options.tests ?? tests}
      checkedAt={checkedAt}
      confirmedOver={Object.fromEntries((options.confirmed ?? []).map((id) => [id, true]))}
      invalid={options.invalid ?? []}
      onConfirm={() => undefined}
      onRecheck={() => undefined}
    />
  );
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      {options.namesakes ? withNamesakes(rendered) : inSession(rendered)}
    </I18nextProvider>,
  );
}

const clock = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));

/** The line of one candidate. */
const line = (html: string, candidateId: string) =>
  new RegExp(`<li[^>]*data-candidate-id="${candidateId}"[^>]*>(.*?)</li>`).exec(html)?.[1] ?? '';

describe('the tests that may still run offline, on the back office’s finalization', () => {
  it('shows nothing when there is none', () => {
    expect(list('fr', { tests: [] })).toBe('');
  });

  it('tells each one’s facts and what to do, asking the referent to check with the room first', () => {
    const html = list('fr');
    expect(html).toContain('2 candidats composent peut-être encore hors ligne');
    expect(html).toContain(
      'Si le candidat compose encore, attendez : son test continue hors ligne et son poste renverra ses réponses dès que le réseau revient. Si le poste est éteint ou le candidat est parti, confirmez.',
    );
    expect(html).toContain('avant de confirmer, vérifiez auprès du surveillant ou dans la salle');
    expect(line(html, 'can_1')).toContain(
      `Léa MARTIN\u00a0: Poste muet depuis ${clock('fr-FR', heardAt)} · il lui reste peut-être environ 13\u00a0min`,
    );
    expect(line(html, 'can_2')).toContain('Noé PETIT : Poste jamais entendu · temps restant inconnu');
    expect(html).toContain(`Situation à ${clock('fr-FR', new Date(checkedAt).toISOString())}.`);
    expect(html).toContain('Vérifier à nouveau');
  });

  it('gives each a checkbox inside its label, read with its facts and the explanation, unticked until confirmed', () => {
    const html = list('fr', { confirmed: ['can_2'] });
    const first = line(html, 'can_1');
    expect(first).toMatch(
      /<label class="checkbox"><input type="checkbox"[^>]*\/><span>Je confirme que le test de Léa MARTIN est terminé \(poste éteint ou candidat parti\)<\/span><\/label>/,
    );
    const factsId = /<p id="([^"]+)">Léa MARTIN\u00a0:/.exec(first)?.[1];
    const hintId = /<p id="([^"]+)">Leur poste ne donne plus de nouvelles/.exec(html)?.[1];
    expect(factsId && hintId).toBeTruthy();
    expect(first).toContain(`aria-describedby="${factsId} ${hintId}"`);
    expect(first).not.toContain('checked');
    expect(line(html, 'can_2')).toContain('checked=""');
    // The section is named by its title.
    const titleId = /<h2 id="([^"]+)">/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`^<section[^>]*aria-labelledby="${titleId}"`));
  });

  it('says next to an unconfirmed one what is missing, tied to its checkbox and marked invalid', () => {
    const html = list('fr', { invalid: ['can_1'] });
    const first = line(html, 'can_1');
    expect(first).toContain('aria-invalid="true"');
    expect(first).toContain(
      'Attendez que ce poste revienne, ou cochez cette case une fois vérifié que son test est terminé.',
    );
    const errorId = /<p class="field-error" id="([^"]+)"/.exec(first)?.[1];
    expect(first).toMatch(new RegExp(`aria-describedby="[^"]* ${errorId} `));
    expect(line(html, 'can_2')).not.toContain('aria-invalid');
  });

  it('says it in English too', () => {
    const html = list('en', { tests: tests.slice(0, 1) });
    expect(html).toContain('1 candidate may still be working offline');
    expect(html).toContain('check with the invigilator or in the room');
    expect(html).toContain(
      `Léa MARTIN: Station silent since ${clock('en-GB', heardAt)} · they may have about 13\u00a0min left`,
    );
    expect(html).toContain(
      'I confirm that Léa MARTIN&#x27;s test is over (station switched off or candidate gone)',
    );
    expect(html).not.toMatch(/Poste|compose|Vérifier/);
  });
});

describe('the time a silent station’s candidate may still have', () => {
  const left = (language: Language, timeLeftMs: number) =>
    line(list(language, { tests: [{ ...tests[0]!, timeLeftMs }] }), 'can_1');

  it('is said in hours and minutes past an hour, rounded up, never under a minute', () => {
    expect(left('fr', 95 * 60_000)).toContain('il lui reste peut-être environ 1\u00a0h 35\u00a0min');
    expect(left('fr', 120 * 60_000)).toContain('il lui reste peut-être environ 2\u00a0h');
    expect(left('fr', 59 * 60_000 + 1)).toContain('il lui reste peut-être environ 1\u00a0h');
    expect(left('fr', 5 * 60_000 + 1)).toContain('il lui reste peut-être environ 6\u00a0min');
    expect(left('fr', 20_000)).toContain('il lui reste peut-être environ 1\u00a0min');
    expect(left('en', 95 * 60_000)).toContain('they may have about 1\u00a0h 35\u00a0min left');
  });
});

describe('a namesake whose station went silent', () => {
  // One of the two « Jade MOREAU » is listed (the other finished), beside Léa MARTIN.
  const silent: UnfinishedTests['maybeRunning'] = [
    {
      candidateId: 'can_1',
      firstName: 'Léa',
      lastName: 'Martin',
      stationLastHeardAt: null,
      timeLeftMs: null,
    },
    {
      candidateId: jade2.candidateId,
      firstName: 'Jade',
      lastName: 'Moreau',
      stationLastHeardAt: null,
      timeLeftMs: null,
    },
  ];

  it('is named with the birthdate in its facts and in what the referent confirms; the other without', () => {
    const html = list('fr', { tests: silent, namesakes: true });
    expect(line(html, 'can_j2')).toContain('Jade MOREAU (14/02/2012)\u00a0: Poste jamais entendu');
    expect(line(html, 'can_j2')).toContain('Je confirme que le test de Jade MOREAU (14/02/2012) est terminé');
    expect(line(html, 'can_1')).toContain('Léa MARTIN\u00a0: Poste jamais entendu');
    expect(line(html, 'can_1')).not.toContain('Léa MARTIN (');
    expect(line(list('en', { tests: silent, namesakes: true }), 'can_j2')).toContain(
      'Jade MOREAU (14/02/2012)',
    );
  });
});
