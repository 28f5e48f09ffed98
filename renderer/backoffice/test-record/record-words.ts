// The test record in the jury's words: the answer as the candidate gave it, a question's status and
// how it counts, why it is neutralized, how the test ended, where the record comes from, and the times
// (on the server's clock, to the second: events a few seconds apart must be told apart).
import type { TFunction } from 'i18next';
import type {
  CandidateTestRecord,
  RecordedAnswer,
  RecordNeutralization,
  RecordQuestion,
} from '../../../core/contracts/candidate-record.ts';
import { factsFitEvent } from '../../../core/journal/lockdown-facts.ts';
import { lockdownFactsText, type SayLockdown } from '../../shared/lockdown-facts-text.ts';
import { dateTime } from '../format.ts';
import type { Translate } from '../i18n/use-t.ts';
import type { PauseRow, StationEventRow } from './record-rows.ts';

/**
 * A time of day to the second ("09:02:15"), with its date when it is not the day of `reference` (the
 * test's start): a record read days later still says when. Null when the time is unknown.
 */
export function recordTime(
  iso: string | null,
  locale: string,
  reference: string | null = null,
): string | null {
  if (iso === null) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
  const day = (d: Date) => d.toDateString();
  const ref = reference === null ? null : new Date(reference);
  if (ref === null || Number.isNaN(ref.getTime()) || day(ref) === day(at)) return time;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(at)} ${time}`;
}

/**
 * What the candidate gave, as text: each choice by its number and its text; one field's value alone,
 * several fields each with its label (or name). An empty field says so.
 */
export function answerText(answer: RecordedAnswer | null, t: Translate): string {
  if (answer === null) return t('testRecord.questions.noAnswer');
  if (answer.type === 'choices') {
    if (answer.choices.length === 0) return t('testRecord.questions.noAnswer');
    return answer.choices.map((c) => (c.text === null ? c.id : `${c.id} — ${c.text}`)).join(' ; ');
  }
  const value = (v: string) => (v.trim() === '' ? t('testRecord.questions.emptyField') : v);
  if (answer.fields.length === 0) return t('testRecord.questions.noAnswer');
  if (answer.fields.length === 1) return value(answer.fields[0]?.value ?? '');
  return answer.fields
    .map((f) => t('testRecord.questions.field', { label: f.label ?? f.name, value: value(f.value) }))
    .join(' ; ');
}

export function statusText(question: Pick<RecordQuestion, 'status'>, t: Translate): string {
  return t(`testRecord.questions.statuses.${question.status ?? 'none'}`);
}

/** How it counts in the score; unknown while the reason for an early stop is not given. */
export function countedText(question: Pick<RecordQuestion, 'counted'>, t: Translate): string {
  return question.counted === null
    ? t('testRecord.questions.countedUnknown')
    : t(`testRecord.questions.counted.${question.counted}`);
}

/** « Oui : alerte validée par le surveillant (E5 — Le site à consulter est bloqué) », « Oui : par le jury », « Non ». */
export function neutralizationText(neutralization: RecordNeutralization | null, t: Translate): string {
  if (neutralization === null) return t('testRecord.questions.notNeutralized');
  if (neutralization.by === 'jury') return t('testRecord.questions.byJury');
  const said = t('testRecord.questions.byAlert');
  return neutralization.reasonCode === null
    ? said
    : `${said} (${t(`jury.codes.${neutralization.reasonCode}`)})`;
}

/** How the test ended, then the abort reason (or that it is missing) and the invigilator's confirmation. */
export function endLines(end: CandidateTestRecord['end'], t: Translate): string[] {
  const lines = [
    end.reason === null ? t('testRecord.summary.noEnd') : t(`testRecord.summary.endReasons.${end.reason}`),
  ];
  if (end.reason !== 'finished' && end.reason !== 'timeUp') {
    lines.push(
      end.abortReason === null
        ? t('testRecord.summary.noAbortReason')
        : t(`testRecord.summary.abortReasons.${end.abortReason}`),
    );
  }
  if (end.confirmedOver) lines.push(t('testRecord.summary.confirmedOver'));
  return lines;
}

/** Where the record comes from: the signed result, verified; or the records replicated, and why. */
export function evidenceLines(
  evidence: CandidateTestRecord['evidence'],
  t: Translate,
  locale: string,
): string[] {
  const count = t('testRecord.summary.recordCount', { count: evidence.recordCount });
  const { signedResult } = evidence;
  if (evidence.source === 'bundle') {
    return [
      t('testRecord.summary.evidenceBundle', {
        date: signedResult.receivedAt === null ? '' : dateTime(signedResult.receivedAt, locale),
      }),
      t('testRecord.summary.evidenceBundleHint'),
      count,
    ];
  }
  return [
    signedResult.state === 'refused'
      ? t('testRecord.summary.evidenceRefused', { code: signedResult.refusalCode ?? '' })
      : t('testRecord.summary.evidenceAwaited'),
    count,
  ];
}

/** « Début autorisé à 09:01:02 (Poste 01), pris en compte par le poste à 09:01:04 ». */
export function authorizationText(
  authorization: CandidateTestRecord['authorizations'][number],
  t: Translate,
  locale: string,
  reference: string | null,
): string {
  const at = (iso: string) => recordTime(iso, locale, reference) ?? '';
  const given = t(
    authorization.kind === 'start'
      ? 'testRecord.summary.authorizationStart'
      : 'testRecord.summary.authorizationResume',
    { time: at(authorization.issuedAt), station: authorization.stationName },
  );
  const taken =
    authorization.acknowledgedAt === null
      ? t('testRecord.summary.authorizationNotTaken')
      : t('testRecord.summary.authorizationTaken', { time: at(authorization.acknowledgedAt) });
  return `${given}, ${taken}`;
}

/** A pause, its end, time added or a resume after the station was down, and its detail (a reason). */
export function pauseWords(
  row: PauseRow,
  t: Translate,
  duration: (ms: number) => string,
): [what: string, detail: string | null] {
  switch (row.kind) {
    case 'paused':
      return [
        t(
          row.cause === 'lockdown'
            ? 'testRecord.pauses.pausedByLockdown'
            : 'testRecord.pauses.pausedByInvigilator',
        ),
        row.reason.trim() === '' ? null : t('testRecord.pauses.reason', { reason: row.reason }),
      ];
    case 'unpaused':
      return [
        row.durationMs === null
          ? t('testRecord.pauses.unpausedUnknown')
          : t('testRecord.pauses.unpaused', { duration: duration(row.durationMs) }),
        null,
      ];
    case 'timeAdded':
      return [t('testRecord.pauses.timeAdded', { duration: duration(row.addedMs) }), null];
    case 'resumed':
      return [t('testRecord.pauses.resumed', { duration: duration(row.downtimeMs) }), null];
  }
}

/** A lockdown event's detail, and whether it is the station's own sentence (always in French). */
export type LockdownDetail = { text: string; stationSentence: boolean };

/**
 * A lockdown event's detail, beside its name (the « Événement » column): what the station knew of it
 * (its facts) that the name does not say, in the page's language and in the invigilator screen's words
 * (shared/lockdown-facts-text.ts), null when the name says it all; for an older station's record (no
 * facts), its French sentence as written; null when there is neither. `language`: the page's i18next
 * language (« fr », « en »).
 */
export function lockdownDetail(
  row: Extract<StationEventRow, { kind: 'lockdown' }>,
  t: Translate,
  tShared: TFunction,
  language: string,
): LockdownDetail | null {
  if (row.facts && factsFitEvent(row.event, row.facts)) {
    const say: SayLockdown = (key, values) => t(`testRecord.lockdown.${key}`, values);
    const said = lockdownFactsText(row, say, tShared, language, 'besideName');
    return said === null ? null : { text: said, stationSentence: false };
  }
  return row.detail.trim() === '' ? null : { text: row.detail, stationSentence: true };
}
