// The self-check as IT reads it in a terminal or a log file: one line per check, then what to do, then
// the verdict with the exit code their scripts test.
import {
  SELF_CHECK_EXIT_CODES,
  type SelfCheckReport,
  type SelfCheckStatus,
} from '../../../core/contracts/station-self-check.ts';

const LABELS: Record<SelfCheckStatus, string> = {
  ok: 'OK       ',
  warning: 'ATTENTION',
  failure: 'ÉCHEC    ',
  skipped: 'NON FAIT ',
};

const VERDICTS = {
  ok: 'PRÊT : ce poste peut accueillir un candidat.',
  warning: 'PRÊT AVEC RÉSERVES : corrigez les points « ATTENTION » avant le jour de l’examen.',
  failure: 'PAS PRÊT : corrigez les points « ÉCHEC » ; ce poste ne peut pas faire passer l’examen.',
} as const;

export function formatSelfCheck(report: SelfCheckReport): string {
  const out: string[] = [];
  const who = report.stationId ? `${report.stationName} (${report.stationId})` : report.stationName;
  out.push(`Vérification du poste ${who}, station ${report.version}, ${report.checkedAt}`);
  for (const line of report.lines) {
    out.push(`  ${LABELS[line.status]}  ${line.title} : ${line.detail}`);
    if (line.action) out.push(`             → ${line.action}`);
  }
  out.push('');
  out.push(`${VERDICTS[report.overall]} (code de sortie ${SELF_CHECK_EXIT_CODES[report.overall]})`);
  if (report.recorded) out.push(report.recorded.message.replace(/^./, (c) => c.toUpperCase()));
  else out.push('Rapport non envoyé au serveur (poste non inscrit ou serveur injoignable).');
  return `${out.join('\n')}\n`;
}
