// The finalization record in the referent's words: who finalized, each candidate's presence, how their
// test ended and why it stopped, their extra time and their incident reports (the code's meaning as the
// invigilator screen words it, the question for an E code, the text), and the counts in print order.
import type {
  FinalizationRecord,
  Finalizer,
  RecordCandidate,
  RecordIncident,
} from '../../../core/contracts/finalization-record.ts';
import type { MessageKey, Translate } from '../i18n/use-t.ts';

export type { RecordIncident };

export function finalizerText(finalizer: Finalizer, t: Translate): string {
  if (finalizer.kind === 'invigilator') return t('finalizationRecord.byInvigilator');
  if (finalizer.displayName === null || finalizer.role === null) return t('finalizationRecord.byGoneAccount');
  return t('finalizationRecord.byAccount', {
    name: finalizer.displayName,
    role: t(`app.roles.${finalizer.role}`),
  });
}

export function presenceText(candidate: Pick<RecordCandidate, 'attendance'>, t: Translate): string {
  return t(`finalizationRecord.presence.${candidate.attendance}`);
}

/** How the test ended: to the end (or out of time), stopped (by the invigilator), pending, or no test. */
export function outcomeText(candidate: Pick<RecordCandidate, 'outcome' | 'endReason'>, t: Translate): string {
  switch (candidate.outcome) {
    case 'finished':
      return t(
        candidate.endReason === 'timeUp'
          ? 'finalizationRecord.outcome.timeUp'
          : 'finalizationRecord.outcome.finished',
      );
    case 'aborted':
      return t(
        candidate.endReason === 'endedByInvigilator'
          ? 'finalizationRecord.outcome.endedByInvigilator'
          : 'finalizationRecord.outcome.aborted',
      );
    case 'pending':
      return t('finalizationRecord.outcome.pending');
    case 'none':
      return t('finalizationRecord.outcome.none');
  }
}

/** The abort reason given for a stopped test; null when there is none to give (the cell says so). */
export function abortReasonText(
  candidate: Pick<RecordCandidate, 'outcome' | 'abortReason'>,
  t: Translate,
): string | null {
  if (candidate.outcome !== 'aborted' || candidate.abortReason === null) return null;
  return t(`finalizationRecord.abortReasons.${candidate.abortReason}`);
}

export function extraTimeText(percent: number, t: Translate): string {
  return percent > 0 ? t('finalizationRecord.extraTime', { percent }) : t('finalizationRecord.noExtraTime');
}

/** « E4 — Le site à consulter est indisponible, question 5 : Site en panne. » */
export function incidentText(incident: RecordIncident, t: Translate): string {
  const meaning = t(`jury.codes.${incident.code}`);
  const question =
    incident.questionNumber === null
      ? ''
      : `, ${t('finalizationRecord.question', { number: incident.questionNumber })}`;
  const text = incident.description.trim();
  const incidentLine = `${meaning}${question}`;
  return text === ''
    ? incidentLine
    : t('finalizationRecord.incidentWithText', { incident: incidentLine, text });
}

/** The counts, in the order the record prints them. */
export function countLines(
  counts: FinalizationRecord['counts'],
): { key: keyof FinalizationRecord['counts']; label: MessageKey; value: number }[] {
  const order = ['enrolled', 'present', 'absent', 'finished', 'aborted', 'pending'] as const;
  // « Reçus après la finalisation » only when there are some: the usual record has none.
  return order
    .filter((key) => key !== 'pending' || counts.pending > 0)
    .map((key) => ({ key, label: `finalizationRecord.counts.${key}`, value: counts[key] }));
}
