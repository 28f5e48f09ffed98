// One candidate's line of the finalization record: named in the row header (last name first, with the
// birthdate), then extra time, presence, end of test, abort reason, neutralized questions and reports.
// A cell with nothing to say reads « sans objet » to screen readers and shows a dash.
import type { RecordCandidate } from '../../../core/contracts/finalization-record.ts';
import { useT } from '../i18n/use-t.ts';
import { abortReasonText, extraTimeText, incidentText, outcomeText, presenceText } from './record-lines.ts';

function NotApplicable() {
  const t = useT();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('finalizationRecord.notApplicable')}</span>
    </>
  );
}

export function RecordCandidateRow({
  candidate,
  name,
  birthdate,
}: {
  candidate: RecordCandidate;
  /** « MARTIN Léa ». */
  name: string;
  /** As the page's language writes it. */
  birthdate: string;
}) {
  const t = useT();
  const reason = abortReasonText(candidate, t);
  return (
    <tr
      data-testid="pv-candidate"
      data-candidate-id={candidate.candidateId}
      data-attendance={candidate.attendance}
      data-outcome={candidate.outcome}
    >
      <th scope="row">
        {name}
        <span className="sub">{t('finalizationRecord.bornOn', { date: birthdate })}</span>
      </th>
      <td>{extraTimeText(candidate.extraTimePercentage, t)}</td>
      <td className={`pv-presence pv-${candidate.attendance}`}>{presenceText(candidate, t)}</td>
      <td>{outcomeText(candidate, t)}</td>
      <td>{reason ?? <NotApplicable />}</td>
      <td className="pv-number">
        {candidate.neutralizedQuestions === null ? <NotApplicable /> : candidate.neutralizedQuestions}
      </td>
      <td className="pv-incidents">
        {candidate.incidents.length === 0 ? (
          t('finalizationRecord.noIncident')
        ) : (
          <ul className="pv-list">
            {candidate.incidents.map((incident, i) => (
              <li key={i}>{incidentText(incident, t)}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
