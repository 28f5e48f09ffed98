// The attendance sheet (feuille d'émargement), to print (the page prints as the sheet alone: no
// header, no buttons) and to export as CSV (the server's file, with the same lines).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { invigilatorPaths } from '../api/invigilator-client.ts';
import { clockTime, sessionDate } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { stateText } from '../room/card-text.ts';
import { useRoom } from '../state/room-context.tsx';
import { attendanceLines, frenchDate } from './attendance.ts';

export function AttendanceScreen() {
  const t = useT();
  const { i18n } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const session = useRoom((s) => s.session);
  const sessionId = useRoom((s) => s.sessionId);
  const candidates = useRoom((s) => s.candidates);
  const sessionOpen = session?.state === 'created';
  const lines = useMemo(
    () => attendanceLines(Object.values(candidates), sessionOpen),
    [candidates, sessionOpen],
  );
  if (!session) return <p className="page">{t('connection.loading')}</p>;
  const today = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date());

  return (
    <div className="page attendance">
      <div className="attendance-tools no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('attendance.print')}
        </button>
        <a
          className="button button-secondary"
          href={`${invigilatorPaths.session(sessionId)}/attendance.csv`}
          download={t('attendance.fileName', { number: session.number })}
          data-testid="attendance-csv"
        >
          {t('attendance.exportCsv')}
        </a>
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {t('attendance.title')} — {t('session.label', { number: session.number })}
      </h1>
      <p className="attendance-meta">
        {session.centreName} · {session.address} · {t('session.roomValue', { room: session.room })} ·{' '}
        {t('session.when', { date: sessionDate(session.date, i18n.language), time: session.time })}
      </p>
      <table className="attendance-table" data-testid="attendance-table">
        <thead>
          <tr>
            <th scope="col">{t('attendance.lastName')}</th>
            <th scope="col">{t('attendance.firstName')}</th>
            <th scope="col">{t('attendance.birthdate')}</th>
            <th scope="col">{t('attendance.station')}</th>
            <th scope="col">{t('attendance.presence')}</th>
            <th scope="col">{t('attendance.start')}</th>
            <th scope="col">{t('attendance.outcome')}</th>
            <th scope="col">{t('attendance.incidents')}</th>
            <th scope="col" className="signature-cell">
              {t('attendance.signature')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr
              key={line.candidateId}
              data-testid="attendance-line"
              className={line.presence === 'absent' || line.presence === 'notArrived' ? 'absent' : ''}
            >
              <th scope="row">{line.lastName.toLocaleUpperCase('fr-FR')}</th>
              <td>{line.firstName}</td>
              <td>{frenchDate(line.birthdate)}</td>
              <td>{line.station ?? '—'}</td>
              <td>{t(`attendance.presenceWords.${line.presence}`)}</td>
              <td>{line.startedAt ? clockTime(line.startedAt, i18n.language) : '—'}</td>
              <td>
                {line.candidate.state === 'notArrived' ? '—' : stateText(line.candidate, t, sessionOpen)}
              </td>
              <td>{line.incidents > 0 ? line.incidents : ''}</td>
              <td className="signature-cell" />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="attendance-sign">{t('attendance.signedBy', { examiner: session.examiner })}</p>
      <p className="muted">{t('attendance.generatedAt', { date: today })}</p>
    </div>
  );
}
