// A finalized session's record as the server sends it, for the page's tests: a finished test with a
// neutralized question and an E report, a test stopped by the invigilator (technical), one out of time,
// an absent candidate with a C report.
import type { FinalizationRecord, RecordCandidate } from '../../../core/contracts/finalization-record.ts';

const candidate = (
  fields: Partial<RecordCandidate> & Pick<RecordCandidate, 'candidateId'>,
): RecordCandidate => ({
  lastName: 'Martin',
  firstName: 'Léa',
  birthdate: '2011-04-02',
  extraTimePercentage: 0,
  attendance: 'present',
  outcome: 'finished',
  endReason: 'finished',
  abortReason: null,
  neutralizedQuestions: 0,
  incidents: [],
  ...fields,
});

export function sampleFinalizationRecord(): FinalizationRecord {
  return {
    session: {
      id: 'ses_1',
      number: 12,
      centreId: 'ctr_1',
      centreName: 'Collège Jean Moulin',
      address: '12 rue des Écoles, 69003 Lyon',
      room: 'Salle B12',
      date: '2026-12-08',
      time: '09:00',
      examiner: 'Mme Sophie Leroy',
    },
    finalization: {
      finalizedAt: '2026-12-08T10:55:00.000Z',
      finalizedBy: { kind: 'invigilator' },
      hadIncident: true,
      candidateCouldNotJoin: false,
      globalComment: 'Alarme incendie à 10 h 12, reprise à 10 h 20.',
    },
    candidates: [
      candidate({
        candidateId: 'can_hugo',
        lastName: 'Bernard',
        firstName: 'Hugo',
        birthdate: '2010-11-23',
        extraTimePercentage: 30,
        outcome: 'aborted',
        endReason: 'endedByInvigilator',
        abortReason: 'technical',
        incidents: [{ code: 'C7', questionNumber: null, description: 'Le poste a redémarré.' }],
      }),
      candidate({
        candidateId: 'can_ines',
        lastName: 'Dubois',
        firstName: 'Inès',
        birthdate: '2011-07-14',
        attendance: 'absent',
        outcome: 'none',
        endReason: null,
        neutralizedQuestions: null,
        incidents: [{ code: 'C4', questionNumber: null, description: '' }],
      }),
      candidate({
        candidateId: 'can_lea',
        neutralizedQuestions: 1,
        incidents: [{ code: 'E4', questionNumber: 5, description: 'Site indisponible.' }],
      }),
      candidate({
        candidateId: 'can_tom',
        lastName: 'Petit',
        firstName: 'Tom',
        birthdate: '2011-01-09',
        endReason: 'timeUp',
      }),
    ],
    generatedAt: '2026-12-08T16:05:00.000Z',
    counts: { enrolled: 4, present: 3, absent: 1, finished: 2, aborted: 1, pending: 0 },
  };
}
