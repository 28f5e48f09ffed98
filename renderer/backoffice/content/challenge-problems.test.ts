import { describe, expect, it } from 'vitest';
import { qcuChallenge } from '../../../core/testing/challenge-fixtures.ts';
import { challengeMessage, challengeProblems } from './challenge-problems.ts';

const qcu = (changes: Record<string, unknown>) => ({
  ...qcuChallenge({ id: 'rec1', skill: '@rechercheWeb3', competence: '1.1' }),
  ...changes,
});
const qrocm = (changes: Record<string, unknown>) =>
  qcu({
    type: 'QROCM-ind',
    choices: undefined,
    proposals: 'Ville : ${ville} ; code : ${code}',
    fields: [
      { kind: 'text', name: 'ville' },
      { kind: 'text', name: 'code' },
    ],
    solution: { type: 'QROCM-ind', fields: { ville: ['Paris'], code: ['75'] }, deactivations: {} },
    ...changes,
  });

/** Files that break each of core's rules on a challenge (each must say why in French). */
const BROKEN: Record<string, unknown>[] = [
  qcu({ id: 'bad id!' }),
  qcu({ focused: 3, extra: 1 }),
  qcu({ attachments: [{ hash: 'x', fileName: 'a/b.pdf', mediaType: 'pdf', size: 1 }] }),
  qcu({ illustration: { hash: 'a'.repeat(64), mediaType: 'text/plain', alt: '' } }),
  qcu({ embed: { url: 'ftp://x.org', title: '', height: 400 } }),
  qcu({ instruction: '' }),
  qcu({ choices: [{ id: '1', text: 'Oui' }] }),
  qcu({
    choices: [
      { id: '1', text: '' },
      { id: '1', text: 'Non' },
    ],
    fields: [{ kind: 'text', name: 'x' }],
  }),
  qcu({
    choices: [
      { id: 'beaucoup-trop-long', text: 'Oui' },
      { id: '2', text: 'Non' },
    ],
  }),
  qcu({ solution: { type: 'QCU', value: '9' } }),
  qcu({ solution: { type: 'QCM', value: '1,9' } }),
  qcu({ competence: '9.9', skill: 'recherche' }),
  qrocm({ fields: [] }),
  qrocm({ type: 'QROC', solution: { type: 'QROC', variants: ['a'], deactivations: {} } }),
  qrocm({ fields: [{ kind: 'text', name: 'ville' }] }),
  qrocm({
    fields: [
      { kind: 'text', name: 'ville' },
      { kind: 'text', name: 'ville' },
    ],
  }),
  qrocm({ choices: [{ id: '1', text: 'Oui' }] }),
  qrocm({ proposals: undefined }),
  qrocm({ proposals: 'Ville : ${ville} ${ville} ${autre}' }),
  qrocm({
    fields: [
      { kind: 'select', name: 'ville', options: ['Paris'] },
      { kind: 'text', name: 'code b' },
    ],
  }),
  qrocm({ solution: { type: 'QROCM-ind', fields: { ville: [], inconnu: ['x'] }, deactivations: {} } }),
  qrocm({
    type: 'QROCM-dep',
    solution: { type: 'QROCM-dep', variants: ['Paris'], deactivations: {} },
  }),
  qrocm({ solution: { type: 'QROC', variants: [], deactivations: {} } }),
];

describe('bank problems in the screen’s language', () => {
  const problems = challengeProblems(BROKEN, 'fr');

  it('names each broken challenge by its place in the file, its id and the field at fault', () => {
    expect(new Set(problems.map((p) => p.number))).toEqual(new Set(BROKEN.map((_, i) => i + 1)));
    expect(problems).toContainEqual({
      number: 10,
      id: 'rec1',
      field: 'solution.value',
      message: '« 9 » n’est pas l’un des choix',
    });
    expect(problems).toContainEqual({
      number: 7,
      id: 'rec1',
      field: 'choices',
      message: 'une QCU doit avoir au moins deux choix',
    });
  });

  it('says every problem in French: zod’s through its locale, core’s through the table', () => {
    const english = /\b(must|needs?|the|is not|has|choices?|field|answers?|expected|received|invalid)\b/i;
    const left = problems.filter((p) => english.test(p.message));
    expect(left).toEqual([]);
    expect(problems.some((p) => /attendu/.test(p.message))).toBe(true);
  });

  it('keeps core’s English messages as they are on an English screen', () => {
    const inEnglish = challengeProblems(BROKEN, 'en');
    expect(inEnglish).toContainEqual(
      expect.objectContaining({ number: 10, message: '"9" is not one of the choices' }),
    );
    expect(inEnglish.some((p) => /expected/.test(p.message))).toBe(true);
  });

  it('finds nothing to say about valid challenges', () => {
    expect(challengeProblems([qcu({}), qrocm({})], 'fr')).toEqual([]);
  });

  it('leaves a message it does not know as it is', () => {
    expect(challengeMessage('something new', 'fr')).toBe('something new');
  });
});
