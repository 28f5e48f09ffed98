import { describe, expect, it } from 'vitest';
import { ChallengeSchema, PackagedChallengeSchema, isOperative, toPackagedChallenge } from './challenge.ts';

const qcu = {
  id: 'recQcu1',
  competence: '1.1',
  skill: '@rechercheWeb3',
  type: 'QCU',
  instruction: 'Quel moteur de recherche respecte le plus la vie privée ?',
  choices: [
    { id: '1', text: 'A' },
    { id: '2', text: 'B' },
  ],
  solution: { type: 'QCU', value: '2' },
};

const qrocmInd = {
  id: 'recInd1',
  competence: '1.3',
  skill: '@tableur2',
  type: 'QROCM-ind',
  instruction: 'Complétez.',
  proposals: 'Ville : ${ville}\n\nPays : ${pays}',
  fields: [
    { kind: 'text', name: 'ville' },
    { kind: 'select', name: 'pays', options: ['France', 'Belgique'] },
  ],
  solution: { type: 'QROCM-ind', fields: { ville: ['Lyon'], pays: ['France'] } },
};

function issues(input: unknown): string[] {
  const result = ChallengeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('ChallengeSchema', () => {
  it('accepts a QCU and fills the defaults', () => {
    const c = ChallengeSchema.parse(qcu);
    expect(c).toMatchObject({
      focused: false,
      shuffled: false,
      format: 'texte',
      attachments: [],
      status: 'validated',
    });
  });

  it('accepts a QROCM-ind with a select field, and defaults the deactivations to all treatments on', () => {
    const c = ChallengeSchema.parse(qrocmInd);
    expect(c.solution).toEqual({
      type: 'QROCM-ind',
      fields: { ville: ['Lyon'], pays: ['France'] },
      deactivations: { t1: false, t2: false, t3: false },
    });
  });

  it.each([
    ['a missing instruction', { ...qcu, instruction: '' }, 'instruction'],
    ['an unknown type', { ...qcu, type: 'QCX' }, 'type'],
    ['an unknown competence', { ...qcu, competence: '6.1' }, 'competence'],
    ['a malformed skill', { ...qcu, skill: 'rechercheWeb3' }, 'skill'],
    ['a QCU with one choice', { ...qcu, choices: [{ id: '1', text: 'A' }] }, 'choices'],
    [
      'duplicate choice ids',
      {
        ...qcu,
        choices: [
          { id: '1', text: 'A' },
          { id: '1', text: 'B' },
        ],
      },
      'choices',
    ],
    ['a solution that is not a choice', { ...qcu, solution: { type: 'QCU', value: '3' } }, 'solution.value'],
    ['a solution of another type', { ...qcu, solution: { type: 'QCM', value: '1' } }, 'solution.type'],
    [
      'a QROCM field not placed in the proposals',
      { ...qrocmInd, proposals: 'Ville : ${ville}' },
      'proposals',
    ],
    ['a placeholder without a field', { ...qrocmInd, proposals: '${ville} ${pays} ${autre}' }, 'proposals'],
    [
      'a field without accepted answers',
      { ...qrocmInd, solution: { type: 'QROCM-ind', fields: { ville: ['Lyon'] } } },
      'solution.fields.pays',
    ],
    [
      'a select with one option',
      {
        ...qrocmInd,
        fields: [
          { kind: 'text', name: 'ville' },
          { kind: 'select', name: 'pays', options: ['France'] },
        ],
      },
      'fields.1.options',
    ],
    ['a timer of 0 seconds', { ...qcu, timer: 0 }, 'timer'],
    [
      'an attachment path with a folder',
      {
        ...qcu,
        attachments: [{ hash: 'a'.repeat(64), fileName: '../x.pdf', mediaType: 'application/pdf', size: 3 }],
      },
      'attachments.0.fileName',
    ],
    [
      'an illustration without alt text',
      { ...qcu, illustration: { hash: 'b'.repeat(64), mediaType: 'image/png', alt: '' } },
      'illustration.alt',
    ],
    [
      'an embed with a javascript: URL',
      { ...qcu, embed: { url: 'javascript:alert(1)', title: 'x', height: 400 } },
      'embed.url',
    ],
    ['an unknown property', { ...qcu, secret: 1 }, ''],
  ])('rejects %s, naming the field', (_what, input, path) => {
    const found = issues(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((i) => i.startsWith(`${path}:`))).toBe(true);
  });
});

describe('the packaged view of a challenge', () => {
  it('has no solution and no bank status', () => {
    const packaged = toPackagedChallenge(ChallengeSchema.parse(qcu));
    expect(packaged).not.toHaveProperty('solution');
    expect(packaged).not.toHaveProperty('status');
    expect(PackagedChallengeSchema.parse(packaged)).toEqual(packaged);
  });

  it('refuses a challenge that still carries its solution', () => {
    expect(PackagedChallengeSchema.safeParse(ChallengeSchema.parse(qcu)).success).toBe(false);
  });
});

describe('isOperative', () => {
  it.each([
    ['validated', true],
    ['archived', true],
    ['obsolete', false],
    ['draft', false],
  ] as const)('a %s challenge is operative: %s', (status, operative) => {
    expect(isOperative({ status })).toBe(operative);
  });
});
