import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { sampleFinalizationRecord } from './record-fixtures.ts';
import {
  abortReasonText,
  countLines,
  extraTimeText,
  finalizerText,
  incidentText,
  outcomeText,
  presenceText,
} from './record-lines.ts';

const tFor = (language: Language) => translator(addBackOfficeMessages(createI18n(language)));
const fr = tFor('fr');
const en = tFor('en');
const at = (i: number) => {
  const candidate = sampleFinalizationRecord().candidates[i];
  if (!candidate) throw new Error(`no candidate ${i} in the fixture`);
  return candidate;
};
const [hugo, ines, lea, tom] = [at(0), at(1), at(2), at(3)];

describe('who finalized', () => {
  it('says the invigilator, a named account with its role, or an account gone, never a made-up name', () => {
    expect(finalizerText({ kind: 'invigilator' }, fr)).toBe('le surveillant, depuis l’écran surveillant');
    expect(finalizerText({ kind: 'account', displayName: 'Mme Claire Durand', role: 'referent' }, fr)).toBe(
      'Mme Claire Durand (référent), depuis l’espace centre',
    );
    expect(finalizerText({ kind: 'account', displayName: null, role: null }, fr)).toBe(
      'un compte de l’espace centre supprimé depuis',
    );
    expect(finalizerText({ kind: 'account', displayName: 'Admin', role: 'administrator' }, en)).toBe(
      'Admin (administrator), in the centre back office',
    );
  });
});

describe('a candidate’s line', () => {
  it('says presence as the attendance sheet does', () => {
    expect([hugo, ines].map((c) => presenceText(c, fr))).toEqual(['Présent', 'Absent']);
    expect(presenceText(ines, en)).toBe('Absent');
  });

  it('says how the test ended, telling out of time and stopped by the invigilator apart', () => {
    expect([hugo, ines, lea, tom].map((c) => outcomeText(c, fr))).toEqual([
      'Terminé par le surveillant',
      'Pas de test',
      'Terminé',
      'Terminé (temps écoulé)',
    ]);
    expect(outcomeText({ outcome: 'aborted', endReason: 'aborted' }, fr)).toBe('Arrêté avant la fin');
    expect(outcomeText({ outcome: 'pending', endReason: 'aborted' }, en)).toBe(
      'Result received after finalization, not yet taken into account',
    );
  });

  it('gives the abort reason of a stopped test only', () => {
    expect(abortReasonText(hugo, fr)).toBe('Problème technique');
    expect(abortReasonText({ outcome: 'aborted', abortReason: 'candidate' }, en)).toBe('Candidate gave up');
    expect(abortReasonText(lea, fr)).toBeNull();
    expect(abortReasonText(ines, fr)).toBeNull();
  });

  it('says the extra time, or that there is none', () => {
    expect(extraTimeText(30, fr)).toBe('+30\u00a0%');
    expect(extraTimeText(0, fr)).toBe('aucun');
    expect(extraTimeText(0, en)).toBe('none');
  });

  it('words a report with its code’s meaning, the question of an E code, and its text', () => {
    expect(incidentText({ code: 'E4', questionNumber: 5, description: 'Site indisponible.' }, fr)).toBe(
      'E4 — Le site à consulter est indisponible, question 5 : Site indisponible.',
    );
    expect(incidentText({ code: 'C4', questionNumber: null, description: '  ' }, fr)).toBe(
      'C4 — Problème de signature (feuille d’émargement)',
    );
    expect(incidentText({ code: 'E4', questionNumber: 5, description: 'Down.' }, en)).toBe(
      'E4 — The website is unavailable, question 5: Down.',
    );
  });
});

describe('the counts', () => {
  it('come in print order with their values', () => {
    expect(countLines(sampleFinalizationRecord().counts).map((l) => [fr(l.label), l.value])).toEqual([
      ['Candidats inscrits', 4],
      ['Présents', 3],
      ['Absents', 1],
      ['Tests terminés', 2],
      ['Tests arrêtés avant la fin', 1],
    ]);
  });

  it('count the results received after finalization, only when there are some', () => {
    const counts = { ...sampleFinalizationRecord().counts, pending: 2 };
    expect(
      countLines(counts)
        .map((l) => [fr(l.label), l.value])
        .at(-1),
    ).toEqual(['Résultats reçus après la finalisation', 2]);
    expect(countLines(counts)).toHaveLength(6);
  });
});
