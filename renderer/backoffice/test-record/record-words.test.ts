import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { sampleRecord } from './record-fixtures.ts';
import { pauseRows, type StationEventRow } from './record-rows.ts';
import {
  answerText,
  authorizationText,
  countedText,
  endLines,
  evidenceLines,
  lockdownDetail,
  neutralizationText,
  pauseWords,
  recordTime,
  statusText,
} from './record-words.ts';

const i18nFor = (language: Language) => addBackOfficeMessages(createI18n(language));
const tFor = (language: Language) => translator(i18nFor(language));
const fr = tFor('fr');
const en = tFor('en');

describe('the times of the record', () => {
  it('says the time to the second, with the date only on another day than the test’s', () => {
    const start = '2026-12-08T08:02:00.000Z';
    expect(recordTime('2026-12-08T08:04:05.000Z', 'fr-FR', start)).toMatch(/^\d\d:04:05$/);
    expect(recordTime('2026-12-09T08:04:05.000Z', 'fr-FR', start)).toMatch(/^09\/12\/2026 \d\d:04:05$/);
    expect(recordTime(null, 'fr-FR', start)).toBeNull();
    expect(recordTime('not a date', 'fr-FR', start)).toBeNull();
  });
});

describe('the answer as given', () => {
  const [q1, q2, q3, , q5] = sampleRecord().questions;

  it('names a choice by its number and text', () => {
    expect(answerText(q1?.answer ?? null, fr)).toBe('2 — Un moteur de recherche');
  });

  it('gives one field’s value as typed, markup included (the screen escapes it)', () => {
    expect(answerText(q2?.answer ?? null, fr)).toBe('<script>alert(1)</script>');
  });

  it('gives several fields with their labels, an empty one said empty, in each language', () => {
    expect(answerText(q5?.answer ?? null, fr)).toBe('Premier : pare-feu ; Second : (vide)');
    expect(answerText(q5?.answer ?? null, en)).toBe('Premier: pare-feu ; Second: (empty)');
  });

  it('says when there is no answer', () => {
    expect(answerText(q3?.answer ?? null, fr)).toBe('aucune réponse');
    expect(answerText({ type: 'choices', choices: [] }, en)).toBe('no answer');
  });
});

describe('a question’s status, count and neutralization', () => {
  const questions = sampleRecord().questions;

  it('words every status scoring gives, and how it counts', () => {
    expect(questions.map((q) => statusText(q, fr))).toEqual([
      'Juste',
      'Question quittée : réponse juste, donnée après avoir quitté la question',
      'Passée (« Je passe »)',
      'Sans réponse',
      'Fausse',
    ]);
    expect(statusText({ status: 'timedout' }, en)).toBe('Out of time: answered after the timer ran out');
    expect(questions.map((q) => countedText(q, fr))).toEqual([
      'compte juste',
      'compte fausse',
      'compte fausse',
      'ne compte pas',
      'compte fausse',
    ]);
    expect(countedText({ counted: null }, fr)).toBe('compte selon la raison de l’arrêt, pas encore donnée');
  });

  it('says who neutralized, with the alert’s code in the invigilator’s words', () => {
    expect(neutralizationText({ by: 'alert', reasonCode: 'E5' }, fr)).toBe(
      'Oui : alerte validée par le surveillant (E5 — Le site à consulter est bloqué)',
    );
    expect(neutralizationText({ by: 'alert', reasonCode: null }, en)).toBe(
      'Yes: alert validated by the invigilator',
    );
    expect(neutralizationText({ by: 'jury' }, fr)).toBe('Oui : par le jury');
    expect(neutralizationText(null, fr)).toBe('Non');
  });
});

describe('the header’s lines', () => {
  it('says how the test ended, and an early stop’s reason or that it is missing', () => {
    expect(endLines(sampleRecord().end, fr)).toEqual(['toutes les questions traitées']);
    expect(
      endLines(
        { reason: 'endedByInvigilator', at: null, abortReason: 'technical', confirmedOver: false },
        fr,
      ),
    ).toEqual([
      'terminé par le surveillant',
      'raison de l’arrêt donnée à la finalisation : problème technique',
    ]);
    expect(endLines({ reason: null, at: null, abortReason: null, confirmedOver: true }, en)).toEqual([
      'no end recorded (the station stopped, or its last records never arrived)',
      'reason for stopping not given yet',
      'the invigilator confirmed the test over at finalization, while its station no longer answered',
    ]);
  });

  it('says where the record comes from: the signed result verified, or the records and why', () => {
    const lines = evidenceLines(sampleRecord().evidence, fr, 'fr-FR');
    expect(lines[0]).toMatch(/^Résultat signé du poste, vérifié par le serveur, reçu le 08\/12\/2026/);
    expect(lines.at(-1)).toBe('19 enregistrements dans le journal du test.');
    expect(
      evidenceLines(
        {
          source: 'records',
          signedResult: { state: 'refused', receivedAt: null, refusalCode: 'CHAIN_BROKEN' },
          recordCount: 1,
        },
        fr,
        'fr-FR',
      ),
    ).toEqual([
      'Enregistrements reçus pendant le test : le serveur a refusé le résultat signé du poste (code CHAIN_BROKEN).',
      '1 enregistrement dans le journal du test.',
    ]);
    expect(
      evidenceLines(
        {
          source: 'records',
          signedResult: { state: 'awaited', receivedAt: null, refusalCode: null },
          recordCount: 2,
        },
        en,
        'en-GB',
      )[0],
    ).toBe('Records received during the test: the station’s signed result has not arrived yet.');
  });

  it('says each authorization, when the station took it or that it never did', () => {
    const [start, resume] = sampleRecord().authorizations;
    const reference = sampleRecord().startedAt;
    expect(start && authorizationText(start, fr, 'fr-FR', reference)).toMatch(
      /^Début autorisé à \d\d:01:50 \(Poste 01\), pris en compte par le poste à \d\d:02:00$/,
    );
    expect(resume && authorizationText(resume, fr, 'fr-FR', reference)).toMatch(
      /^Reprise autorisée à \d\d:20:30 \(Poste 02\), jamais pris en compte par le poste$/,
    );
  });
});

describe('the pauses’ words', () => {
  it('says each pause with its reason and length, the time added and the time the station was down', () => {
    const i18n = i18nFor('fr');
    const duration = (ms: number) => formatTimeLeft(ms, i18n.t);
    expect(pauseRows(sampleRecord()).map((row) => pauseWords(row, fr, duration))).toEqual([
      ['Pause par le surveillant', 'motif : « Alarme incendie »'],
      ['Fin de la pause, après 5\u00a0min', null],
      ['Temps ajouté par le surveillant : 10\u00a0min', null],
      ['Reprise du test après un arrêt du poste de 2\u00a0min, non compté au candidat', null],
    ]);
  });
});

describe('a lockdown event’s detail, beside its name', () => {
  const crash = (crashes: number): Extract<StationEventRow, { kind: 'lockdown' }> => ({
    seq: 4,
    at: '2026-12-08T08:10:00.000Z',
    elapsedMs: 480_000,
    questionNumber: 3,
    kind: 'lockdown',
    event: 'rendererCrashed',
    detail: 'L’écran du test s’est arrêté (crashed). Il est relancé et le test reprend où il en était.',
    facts: {
      type: 'crash',
      process: 'screen',
      reason: 'crashed',
      exitCode: null,
      crashes,
      windowMs: 60_000,
      restarted: true,
    },
  });
  const i18n = i18nFor('fr');

  it('adds nothing when the name says it all, and never falls back to the station’s sentence then', () => {
    expect(lockdownDetail(crash(1), fr, i18n.t, 'fr')).toBeNull();
  });

  it('says what the name does not: how many times, within how long', () => {
    expect(lockdownDetail(crash(2), fr, i18n.t, 'fr')).toEqual({
      text: '2 fois en 1\u00a0min',
      stationSentence: false,
    });
  });
});
