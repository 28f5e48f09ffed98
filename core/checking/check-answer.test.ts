// Answer checking, case by case from DOMAIN.md §5, through the public entry point (checkAnswer /
// createAnswerChecker) on challenges parsed by ChallengeSchema, as the server holds them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnswerCircumstances, AnswerStatus, AnswerValue } from '../challenge/answer.ts';
import { ChallengeSchema, type Challenge } from '../challenge/challenge.ts';
import { checkAnswer, createAnswerChecker, type CheckOptions } from './check-answer.ts';
import { t1, t2 } from './treatments.ts';

// ------------------------------------------------------------------ challenges of each format

function challenge(input: Record<string, unknown>): Challenge {
  return ChallengeSchema.parse({
    id: 'rec1',
    competence: '1.1',
    skill: '@rechercheWeb3',
    instruction: 'Consigne',
    ...input,
  });
}

type Deactivated = { t1?: boolean; t2?: boolean; t3?: boolean };

const qcu = challenge({
  type: 'QCU',
  choices: [
    { id: '1', text: 'Qwant' },
    { id: '2', text: 'DuckDuckGo' },
    { id: '3', text: 'Bing' },
  ],
  solution: { type: 'QCU', value: '2' },
});

const qcm = challenge({
  type: 'QCM',
  choices: [
    { id: '1', text: 'A' },
    { id: '2', text: 'B' },
    { id: '3', text: 'C' },
    { id: '4', text: 'D' },
  ],
  solution: { type: 'QCM', value: '1, 3' },
});

function qroc(variants: string[], deactivations: Deactivated = {}, extra: Record<string, unknown> = {}) {
  return challenge({
    type: 'QROC',
    proposals: 'Réponse : ${reponse}',
    fields: [{ kind: 'text', name: 'reponse' }],
    solution: { type: 'QROC', variants, deactivations },
    ...extra,
  });
}

const qrocSelect = challenge({
  type: 'QROC',
  proposals: 'Ville : ${ville}',
  fields: [{ kind: 'select', name: 'ville', options: ['Lyon', 'Saint-Étienne', 'Paris'] }],
  solution: { type: 'QROC', variants: ['Saint-Étienne'] },
});

const qrocmInd = challenge({
  type: 'QROCM-ind',
  proposals: 'Ville : ${ville}\n\nPays : ${pays}',
  fields: [
    { kind: 'text', name: 'ville' },
    { kind: 'select', name: 'pays', options: ['France', 'Belgique'] },
  ],
  solution: { type: 'QROCM-ind', fields: { ville: ['Lyon', 'Lugdunum'], pays: ['France'] } },
});

function qrocmDep(variants: string[], fieldCount = 2, deactivations: Deactivated = {}) {
  const names = Array.from({ length: fieldCount }, (_, i) => `c${i + 1}`);
  return challenge({
    type: 'QROCM-dep',
    proposals: names.map((n) => `\${${n}}`).join(' '),
    fields: names.map((name) => ({ kind: 'text', name })),
    solution: { type: 'QROCM-dep', variants, deactivations },
  });
}

// ------------------------------------------------------------------ helpers

const plain: AnswerCircumstances = { skipped: false, timedOut: false, focusedOut: false };
const noAdjustment: CheckOptions = { accessibilityAdjustment: false };
const withAdjustment: CheckOptions = { accessibilityAdjustment: true };

const choice = (id: string): AnswerValue => ({ type: 'choice', choice: id });
const choices = (...ids: string[]): AnswerValue => ({ type: 'choices', choices: ids });
const fields = (values: Record<string, string>): AnswerValue => ({ type: 'fields', fields: values });
const text = (value: string): AnswerValue => fields({ reponse: value });

function status(c: Challenge, value: AnswerValue | null, circumstances = plain, options = noAdjustment) {
  return checkAnswer(c, value, circumstances, options);
}

// ------------------------------------------------------------------ formats

describe('QCU: the chosen value equals the solution', () => {
  it.each<[string, AnswerValue, AnswerStatus]>([
    ['the right choice', choice('2'), 'ok'],
    ['another choice', choice('1'), 'ko'],
    ['a choice that does not exist', choice('9'), 'ko'],
    ['the right id with spaces around', choice(' 2 '), 'ok'],
    ['a QCM-shaped answer, even with the right id', choices('2'), 'ko'],
    ['a fields answer', fields({ reponse: '2' }), 'ko'],
  ])('%s → %s', (_case, value, expected) => {
    expect(status(qcu, value)).toBe(expected);
  });
});

describe('QCM: both sides split on commas, trimmed, sorted; equal sets', () => {
  it.each<[string, AnswerValue, AnswerStatus]>([
    ['exactly the right set', choices('1', '3'), 'ok'],
    ['the right set in another order', choices('3', '1'), 'ok'],
    ['the right set given as one comma-separated entry', choices('3,1'), 'ok'],
    ['ids with spaces around', choices(' 1', '3 '), 'ok'],
    ['a subset', choices('1'), 'ko'],
    ['a superset', choices('1', '2', '3'), 'ko'],
    ['the same id twice in place of the other', choices('1', '1'), 'ko'],
    ['the right set with one id repeated', choices('1', '3', '3'), 'ko'],
    ['nothing chosen', choices(), 'ko'],
    ['a QCU-shaped answer', choice('1'), 'ko'],
  ])('%s → %s', (_case, value, expected) => {
    expect(status(qcm, value)).toBe(expected);
  });
});

describe('pre-treatment, always: Unicode NFC; non-breaking spaces become spaces', () => {
  const noTreatment = { t1: true, t2: true, t3: true };
  it.each<[string, Challenge, AnswerValue, AnswerStatus]>([
    ['a decomposed é equals the precomposed one', qroc(['café'], noTreatment), text('cafe\u0301'), 'ok'],
    ['a precomposed é equals a decomposed variant', qroc(['cafe\u0301'], noTreatment), text('café'), 'ok'],
    ['a no-break space is a space', qroc(['1 000 €'], noTreatment), text('1\u00a0000\u202f€'), 'ok'],
    ['without treatments, nothing else is forgiven', qroc(['café'], noTreatment), text('Café'), 'ko'],
    ['on a select too', qrocSelect, fields({ ville: 'Saint-E\u0301tienne' }), 'ok'],
  ])('%s', (_case, c, value, expected) => {
    expect(status(c, value)).toBe(expected);
  });
});

describe('T1: trim, lower-case, strip diacritics, remove all whitespace (on unless deactivated)', () => {
  it.each<[string, string, string, Deactivated, AnswerStatus]>([
    ['case does not matter', 'PARIS', 'Paris', {}, 'ok'],
    ['surrounding spaces do not matter', '   paris  ', 'Paris', {}, 'ok'],
    ['accents do not matter', 'ecole', 'École', {}, 'ok'],
    ['inner whitespace does not matter', 'new   york', 'NewYork', {}, 'ok'],
    ['tabs and line breaks do not matter', 'new\tyork\n', 'New York', {}, 'ok'],
    ['T1 deactivated: case matters', 'PARIS', 'Paris', { t1: true, t3: true }, 'ko'],
    ['T1 deactivated: accents matter', 'Ecole', 'École', { t1: true, t3: true }, 'ko'],
    ['T1 deactivated: the exact text still matches', 'Paris', 'Paris', { t1: true, t3: true }, 'ok'],
  ])('%s: %j vs %j', (_case, answer, variant, deactivations, expected) => {
    expect(status(qroc([variant], deactivations), text(answer))).toBe(expected);
  });
});

describe('T2: keep only a–z A–Z 0–9 and spaces, collapse repeated spaces (on unless deactivated)', () => {
  it.each<[string, string, string, Deactivated, AnswerStatus]>([
    ['punctuation does not matter', 'lhay les roses', "L'Haÿ-les-Roses", {}, 'ok'],
    ['symbols do not matter', '100', '100 %', {}, 'ok'],
    [
      'T2 alone (T1 off): repeated spaces are collapsed',
      'Le   Havre',
      'Le Havre',
      { t1: true, t3: true },
      'ok',
    ],
    ['T2 alone (T1 off): punctuation is removed', 'SaintMalo', 'Saint-Malo', { t1: true, t3: true }, 'ok'],
    [
      'T2 deactivated: punctuation matters',
      'lhay les roses',
      "L'Haÿ-les-Roses",
      { t2: true, t3: true },
      'ko',
    ],
    ['T2 deactivated: T1 still applies', 'L’HAŸ', 'l’hay', { t2: true, t3: true }, 'ok'],
  ])('%s: %j vs %j', (_case, answer, variant, deactivations, expected) => {
    expect(status(qroc([variant], deactivations), text(answer))).toBe(expected);
  });
});

describe('T3: accept when levenshtein / answer length ≤ 0.25 (on unless deactivated)', () => {
  it.each<[string, string, string, Deactivated, AnswerStatus]>([
    ['one typo in 7 letters', 'bordeau', 'Bordeaux', {}, 'ok'],
    ['two typos in 8 letters: exactly 0.25', 'bordoaix', 'Bordeaux', {}, 'ok'],
    ['one typo in 3 letters is too many', 'lio', 'Lyon', {}, 'ko'],
    ['the ratio is taken on the treated answer', 'Bor-deau', 'Bordeaux', {}, 'ok'],
    ['T3 deactivated: a typo is wrong', 'bordeau', 'Bordeaux', { t3: true }, 'ko'],
    ['T3 deactivated: T1 and T2 still apply', ' BORDEAUX! ', 'Bordeaux', { t3: true }, 'ok'],
    ['an empty answer does not match a non-empty variant', '', 'Bordeaux', {}, 'ko'],
    ['an empty answer matches an empty variant', '', '', {}, 'ok'],
    ['all deactivated: only the exact text', 'Bordeaux', 'Bordeaux', { t1: true, t2: true, t3: true }, 'ok'],
    [
      'all deactivated: a space is a difference',
      'Bordeaux ',
      'Bordeaux',
      { t1: true, t2: true, t3: true },
      'ko',
    ],
  ])('%s: %j vs %j', (_case, answer, variant, deactivations, expected) => {
    expect(status(qroc([variant], deactivations), text(answer))).toBe(expected);
  });

  it('any of the accepted variants will do', () => {
    const c = qroc(['Lyon', 'Lugdunum', 'Capitale des Gaules']);
    expect(status(c, text('lugdunum'))).toBe('ok');
    expect(status(c, text('capitale des gaule'))).toBe('ok');
    expect(status(c, text('Marseille'))).toBe('ko');
  });
});

describe('select fields: no treatment at all, only the pre-treatment', () => {
  it.each<[string, string, AnswerStatus]>([
    ['the exact option', 'Saint-Étienne', 'ok'],
    ['another option', 'Lyon', 'ko'],
    ['lower case is not the option', 'saint-étienne', 'ko'],
    ['without its accent it is not the option', 'Saint-Etienne', 'ko'],
    ['a space around is not the option', ' Saint-Étienne', 'ko'],
    ['a typo is not the option (no T3)', 'Saint-Étiene', 'ko'],
  ])('%s (%j)', (_case, answer, expected) => {
    expect(status(qrocSelect, fields({ ville: answer }))).toBe(expected);
  });
});

describe('QROC with format nombre: numbers compared when all parse', () => {
  const numeric = (variants: string[]) => qroc(variants, {}, { format: 'nombre' });
  it.each<[string, string[], string, Challenge['format'], AnswerStatus]>([
    ['a decimal comma equals a decimal point', ['3,5'], '3.5', 'nombre', 'ok'],
    ['a trailing zero does not matter', ['3,5'], '3,50', 'nombre', 'ok'],
    ['a thousands space does not matter', ['1000'], '1 000', 'nombre', 'ok'],
    ['a no-break thousands space does not matter', ['1000'], '1\u00a0000', 'nombre', 'ok'],
    ['10 equals 10.0', ['10'], '10.0', 'nombre', 'ok'],
    ['as text, 10 and 10.0 differ', ['10'], '10.0', 'texte', 'ko'],
    ['0.5 equals 0,50', ['0.5'], '0,50', 'nombre', 'ok'],
    ['as text, 0.5 and 0,50 differ', ['0.5'], '0,50', 'texte', 'ko'],
    ['numbers get no tolerance: 1001 is not 1000', ['1000'], '1001', 'nombre', 'ko'],
    ['as text, 1001 would be within T3’s tolerance of 1000', ['1000'], '1001', 'texte', 'ok'],
    ['an answer in words is compared as text', ['3,5'], 'trois virgule cinq', 'nombre', 'ko'],
    ['when a variant is not a number, text rules apply to all', ['12', 'douze'], 'DOUZE', 'nombre', 'ok'],
    ['…so 12.0 is compared as text then', ['12', 'douze'], '12.0', 'nombre', 'ko'],
    [
      'several numeric variants, one of them only as numbers can match',
      ['7', ',25'],
      '0.2500',
      'nombre',
      'ok',
    ],
    ['…which as text is too far', ['7', ',25'], '0.2500', 'texte', 'ko'],
  ])('%s', (_case, variants, answer, format, expected) => {
    const c = format === 'nombre' ? numeric(variants) : qroc(variants);
    expect(status(c, text(answer))).toBe(expected);
  });
});

describe('QROCM-ind: every field must match one of its own variants', () => {
  it.each<[string, Record<string, string>, AnswerStatus]>([
    ['both right', { ville: 'Lyon', pays: 'France' }, 'ok'],
    ['another accepted variant of a field', { ville: 'lugdunum', pays: 'France' }, 'ok'],
    ['T1–T3 apply to the text field', { ville: ' LYONN ', pays: 'France' }, 'ok'],
    ['no treatment on the select field', { ville: 'Lyon', pays: 'france' }, 'ko'],
    ['one field wrong', { ville: 'Lyon', pays: 'Belgique' }, 'ko'],
    ['answers swapped between the fields', { ville: 'France', pays: 'Lyon' }, 'ko'],
    ['a field left out', { ville: 'Lyon' }, 'ko'],
    ['a field the challenge does not have', { ville: 'Lyon', pays: 'France', region: 'Rhône' }, 'ko'],
  ])('%s', (_case, values, expected) => {
    expect(status(qrocmInd, fields(values))).toBe(expected);
  });
});

describe('QROCM-dep: every field must match a distinct variant of the shared set, in any order', () => {
  const colours = qrocmDep(['rouge', 'vert', 'bleu']);
  it.each<[string, Record<string, string>, AnswerStatus]>([
    ['two right answers', { c1: 'rouge', c2: 'vert' }, 'ok'],
    ['the same answers in the other order', { c1: 'vert', c2: 'rouge' }, 'ok'],
    ['another pair from the set', { c1: 'bleu', c2: 'rouge' }, 'ok'],
    ['treatments apply', { c1: ' ROUGE', c2: 'Vertt' }, 'ok'],
    ['the same answer twice', { c1: 'rouge', c2: 'rouge' }, 'ko'],
    ['the same answer twice, written differently', { c1: 'rouge', c2: 'Rougé' }, 'ko'],
    ['one answer not in the set', { c1: 'rouge', c2: 'jaune' }, 'ko'],
    ['a field left out', { c1: 'rouge' }, 'ko'],
  ])('%s', (_case, values, expected) => {
    expect(status(colours, fields(values))).toBe(expected);
  });

  it('variants equal after treatment are one accepted answer (it cannot serve two fields)', () => {
    const c = qrocmDep(['Rouge', 'rouge', 'vert']);
    expect(status(c, fields({ c1: 'rouge', c2: 'vert' }))).toBe('ok');
    expect(status(c, fields({ c1: 'Rouge', c2: 'rouge' }))).toBe('ko');
  });

  it('a field that could take several variants leaves the one another field needs', () => {
    // "roug" is within T3 of "rouge" only; "rouges" is within T3 of both "rouge" and "rouges".
    const c = qrocmDep(['rouge', 'rouges']);
    expect(status(c, fields({ c1: 'rouges', c2: 'roug' }))).toBe('ok');
    expect(status(c, fields({ c1: 'roug', c2: 'rouges' }))).toBe('ok');
  });

  it('with format nombre, equal numbers are the same answer', () => {
    const c = challenge({
      type: 'QROCM-dep',
      format: 'nombre',
      proposals: '${a} ${b}',
      fields: [
        { kind: 'text', name: 'a' },
        { kind: 'text', name: 'b' },
      ],
      solution: { type: 'QROCM-dep', variants: ['2', '3,5'] },
    });
    expect(status(c, fields({ a: '3.50', b: '2,0' }))).toBe('ok');
    expect(status(c, fields({ a: '3.5', b: '3,5' }))).toBe('ko');
  });
});

// ------------------------------------------------------------------ statuses

describe('statuses: ok, ko, aband, timedout, focusedOut (only ok is correct)', () => {
  const focused = challenge({ ...qcu, focused: true });
  const timed = challenge({ ...qcu, timer: 60 });
  const right = choice('2');
  const wrong = choice('1');
  it.each<[string, Challenge, AnswerValue | null, Partial<AnswerCircumstances>, CheckOptions, AnswerStatus]>([
    ['a right answer', qcu, right, {}, noAdjustment, 'ok'],
    ['a wrong answer', qcu, wrong, {}, noAdjustment, 'ko'],
    ['no answer at all, not skipped', qcu, null, {}, noAdjustment, 'ko'],
    ['skipped ("Je passe")', qcu, null, { skipped: true }, noAdjustment, 'aband'],
    ['skipped, whatever value came with it', qcu, right, { skipped: true }, noAdjustment, 'aband'],
    [
      'skipped after the timer ran out',
      timed,
      null,
      { skipped: true, timedOut: true },
      noAdjustment,
      'aband',
    ],
    ['a right answer after the timer ran out', timed, right, { timedOut: true }, noAdjustment, 'timedout'],
    [
      'a wrong answer after the timer ran out stays wrong',
      timed,
      wrong,
      { timedOut: true },
      noAdjustment,
      'ko',
    ],
    [
      'a right answer on a focused challenge the candidate left',
      focused,
      right,
      { focusedOut: true },
      noAdjustment,
      'focusedOut',
    ],
    [
      '…unless the candidate has the accessibility adjustment',
      focused,
      right,
      { focusedOut: true },
      withAdjustment,
      'ok',
    ],
    [
      'a wrong answer on a focused challenge left stays wrong',
      focused,
      wrong,
      { focusedOut: true },
      noAdjustment,
      'ko',
    ],
    [
      'leaving a challenge that is not focused changes nothing',
      qcu,
      right,
      { focusedOut: true },
      noAdjustment,
      'ok',
    ],
    ['a focused challenge not left', focused, right, {}, noAdjustment, 'ok'],
    [
      'timed out and focused out: timedout',
      challenge({ ...qcu, timer: 60, focused: true }),
      right,
      { timedOut: true, focusedOut: true },
      noAdjustment,
      'timedout',
    ],
    [
      'the accessibility adjustment does not forgive the timer',
      timed,
      right,
      { timedOut: true },
      withAdjustment,
      'timedout',
    ],
  ])('%s → %s', (_case, c, value, circumstances, options, expected) => {
    expect(checkAnswer(c, value, { ...plain, ...circumstances }, options)).toBe(expected);
  });

  it('a checker prepared once gives the same status as checkAnswer, answer after answer', () => {
    const c = qroc(['Lyon', 'Lugdunum']);
    const checker = createAnswerChecker(c);
    for (const answer of ['lyon', 'Lugdunum', 'Marseille', '', 'LYON ']) {
      expect(checker(text(answer), plain, noAdjustment)).toBe(status(c, text(answer)));
    }
  });
});

// ------------------------------------------------------------------ properties

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzéèêëàâîïôöùûüç0123456789'];
const word = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''));
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const WHITESPACE = [' ', '  ', '\t', '\u00a0', '\n'];

/** How a candidate may type a variant: any case, spaces anywhere, accents dropped or decomposed. */
function typedLike(variant: string, seed: number[]): string {
  let out = '';
  [...variant].forEach((ch, i) => {
    const r = seed[i % seed.length] ?? 0;
    let c = r % 2 === 0 ? ch.toUpperCase() : ch;
    if (r % 3 === 0) c = c.normalize('NFD').replace(/\p{M}/gu, '');
    else if (r % 5 === 0) c = c.normalize('NFD');
    out += c;
    if (r % 7 === 0) out += WHITESPACE[r % WHITESPACE.length];
  });
  return `${WHITESPACE[(seed[0] ?? 0) % WHITESPACE.length]}${out}${WHITESPACE[(seed[1] ?? 0) % WHITESPACE.length]}`;
}

describe('properties', () => {
  it('any accepted variant, however cased, spaced or accented, is ok where T1 applies (with or without T3)', () => {
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 20 }),
        fc.boolean(),
        (variants, pick, seed, t3Off) => {
          const variant = variants[pick % variants.length] ?? '';
          const c = qroc(variants, { t3: t3Off });
          expect(status(c, text(typedLike(variant, seed)))).toBe('ok');
        },
      ),
    );
  });

  it('the same holds for each field of a QROCM-ind', () => {
    fc.assert(
      fc.property(
        phrase,
        phrase,
        fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 20 }),
        (a, b, seed) => {
          const c = challenge({
            type: 'QROCM-ind',
            proposals: '${a} ${b}',
            fields: [
              { kind: 'text', name: 'a' },
              { kind: 'text', name: 'b' },
            ],
            solution: { type: 'QROCM-ind', fields: { a: [a], b: [b] } },
          });
          expect(status(c, fields({ a: typedLike(a, seed), b: typedLike(b, [...seed].reverse()) }))).toBe(
            'ok',
          );
        },
      ),
    );
  });

  it('a right QROCM-dep answer, permuted, is still ok', () => {
    const distinctVariants = fc.uniqueArray(word, {
      minLength: 2,
      maxLength: 6,
      // Distinct once treated and not within T3 of each other: each is its own accepted answer.
      selector: (w) => t2(t1(w)),
    });
    fc.assert(
      fc.property(
        distinctVariants.chain((variants) =>
          fc.tuple(
            fc.constant(variants),
            fc
              .integer({ min: 2, max: variants.length })
              .chain((n) => fc.shuffledSubarray(variants, { minLength: n, maxLength: n })),
          ),
        ),
        fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 10 }),
        ([variants, chosen], seed) => {
          const c = qrocmDep(variants, chosen.length, { t3: true });
          const answer = (order: string[]) =>
            fields(Object.fromEntries(order.map((v, i) => [`c${i + 1}`, typedLike(v, seed)])));
          expect(status(c, answer(chosen))).toBe('ok');
          expect(status(c, answer([...chosen].reverse()))).toBe('ok');
        },
      ),
    );
  });

  it('a QCM answer is ok exactly when it is the solution’s set, in any order', () => {
    fc.assert(
      fc.property(fc.subarray(['1', '2', '3', '4']), fc.boolean(), (chosen, reversed) => {
        const order = reversed ? [...chosen].reverse() : chosen;
        const expected = [...chosen].sort().join(',') === '1,3' ? 'ok' : 'ko';
        expect(status(qcm, choices(...order))).toBe(expected);
      }),
    );
  });

  it('a number written with a decimal comma, a point, or a thousands space is the same number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999_999 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const fraction = String(cents).padStart(2, '0');
          const c = qroc([`${whole}.${fraction}`], {}, { format: 'nombre' });
          const thousands = `${Math.floor(whole / 1000)} ${String(whole % 1000).padStart(3, '0')}`;
          expect(status(c, text(`${whole},${fraction}`))).toBe('ok');
          expect(status(c, text(`${thousands},${fraction}`))).toBe('ok');
          expect(status(c, text(`${whole + 1}.${fraction}`))).toBe('ko');
        },
      ),
    );
  });

  it('only a right answer is ever turned into timedout or focusedOut, and skipping always gives aband', () => {
    const focusedTimed = challenge({ ...qcu, focused: true, timer: 30 });
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2', '3'),
        fc.record({ skipped: fc.boolean(), timedOut: fc.boolean(), focusedOut: fc.boolean() }),
        fc.boolean(),
        (id, circumstances, adjustment) => {
          const result = checkAnswer(focusedTimed, choice(id), circumstances, {
            accessibilityAdjustment: adjustment,
          });
          if (circumstances.skipped) expect(result).toBe('aband');
          else if (id !== '2') expect(result).toBe('ko');
          else expect(['ok', 'timedout', 'focusedOut']).toContain(result);
        },
      ),
    );
  });
});
