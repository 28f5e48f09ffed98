// "Vérifier ce poste" (issue 8): the referent checks, between two candidates, that this station is ready
// for exam day — the same self-check IT runs with `--check`, one line per check with what to do. Its
// words live here (French first, English too): each check's title and the report's outcome are worded
// from their codes, never taken from the station's French log text. What each check found and what to
// do are worded from the line's code and parameters by the table the back office shares
// (renderer/shared/self-check/); a line without a known code (an older station) keeps the station's
// French sentence, marked as French on an English screen so that screen readers use a French voice.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorCode } from '../../../core/contracts/station-api.ts';
import type {
  SelfCheckId,
  SelfCheckOverall,
  SelfCheckRecordReason,
  SelfCheckReport,
  SelfCheckStatus,
} from '../../../core/contracts/station-self-check.ts';
import { announce } from '../../shared/announcer.tsx';
import { wordSelfCheckLine } from '../../shared/self-check/self-check-wording.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useStationApi } from '../state/station-context.tsx';

/** Why the check could not run, by the station's error code; any other gets the general sentence. */
const FAILURES = ['ILLEGAL_TRANSITION', 'STATION_NOT_READY'] as const;
type FailureKey = (typeof FAILURES)[number] | 'other';

export function selfCheckFailureKey(code: StationErrorCode): FailureKey {
  return FAILURES.find((known) => known === code) ?? 'other';
}

interface Words {
  language: 'fr' | 'en';
  locale: string;
  open: string;
  title: string;
  intro: string;
  run: string;
  again: string;
  running: string;
  back: string;
  todo: string;
  failed: string;
  failure: Record<FailureKey, string>;
  results: string;
  status: Record<SelfCheckStatus, string>;
  verdict: Record<SelfCheckOverall, string>;
  checks: Record<SelfCheckId, string>;
  station: (name: string, id: string, version: string) => string;
  checkedAt: (when: string) => string;
  recorded: string;
  recordedAt: (when: string) => string;
  notRecorded: string;
  notRecordedBecause: (why: string) => string;
  notRecordedWhy: Record<SelfCheckRecordReason, string>;
}

const FR: Words = {
  language: 'fr',
  locale: 'fr-FR',
  open: 'Vérifier ce poste (référent)',
  title: 'Vérifier ce poste',
  intro:
    'La vérification contrôle le serveur, l’inscription du poste, l’horloge, les écrans, le disque, le journal des réponses et les sites autorisés. Elle dure quelques secondes et ne change rien sur le poste.',
  run: 'Lancer la vérification',
  again: 'Vérifier à nouveau',
  running: 'Vérification en cours…',
  back: 'Retour à l’accueil',
  todo: 'À faire :',
  failed: 'La vérification n’a pas pu se faire :',
  failure: {
    ILLEGAL_TRANSITION: 'le poste ne se vérifie qu’entre deux candidats.',
    STATION_NOT_READY: 'ce poste ne peut pas se vérifier lui-même ici. Prévenez le service informatique.',
    other: 'le poste n’a pas répondu. Réessayez ; si cela continue, prévenez le service informatique.',
  },
  results: 'Résultat de chaque vérification',
  status: { ok: 'OK', warning: 'Attention', failure: 'Échec', skipped: 'Non vérifié' },
  verdict: {
    ok: 'Ce poste est prêt pour l’examen.',
    warning: 'Ce poste fonctionne, mais corrigez les points « Attention » avant le jour de l’examen.',
    failure: 'Ce poste n’est pas prêt : corrigez les points « Échec » ou prévenez le service informatique.',
  },
  checks: {
    settings: 'Réglages gérés par l’informatique',
    server: 'Serveur de certification joignable',
    tls: 'Connexion sécurisée (TLS)',
    clock: 'Horloge du poste',
    version: 'Version de la station acceptée par le serveur',
    enrollment: 'Inscription du poste auprès du centre',
    displays: 'Écrans branchés',
    disk: 'Espace disque libre',
    journal: 'Journal des réponses (écriture durable)',
    browser: 'Navigateur d’épreuve : sites du centre',
  },
  station: (name, id, version) => `Poste «\u202f${name}\u202f»${id ? ` (${id})` : ''}, version ${version}`,
  checkedAt: (when) => `Vérifié le ${when}.`,
  recorded: 'Rapport enregistré par le serveur.',
  recordedAt: (when) => `Rapport enregistré par le serveur le ${when}.`,
  notRecorded:
    'Rapport non enregistré par le serveur : voir la ligne « Inscription du poste auprès du centre ».',
  notRecordedBecause: (why) =>
    `Rapport non enregistré par le serveur\u00a0: ${why} Voir la ligne «\u202fInscription du poste auprès du centre\u202f».`,
  notRecordedWhy: {
    stationRefused: 'le serveur ne connaît pas ce poste ou l’a révoqué.',
    clockRefused: 'le serveur a refusé la demande, car l’horloge du poste n’est pas à l’heure.',
    serverUnreachable: 'le serveur n’a pas répondu.',
    serverError: 'le serveur a rencontré un problème.',
  },
};

const EN: Words = {
  language: 'en',
  locale: 'en-GB',
  open: 'Check this station (referent)',
  title: 'Check this station',
  intro:
    'The check looks at the server, the station’s enrollment, the clock, the displays, the disk, the answer journal and the allowed websites. It takes a few seconds and changes nothing on the station.',
  run: 'Run the check',
  again: 'Check again',
  running: 'Checking…',
  back: 'Back to the home screen',
  todo: 'To do:',
  failed: 'The check could not run:',
  failure: {
    ILLEGAL_TRANSITION: 'the station can be checked only between two candidates.',
    STATION_NOT_READY: 'this station cannot check itself here. Call IT support.',
    other: 'the station did not answer. Try again; if it goes on, call IT support.',
  },
  results: 'Result of each check',
  status: { ok: 'OK', warning: 'Warning', failure: 'Failed', skipped: 'Not checked' },
  verdict: {
    ok: 'This station is ready for the exam.',
    warning: 'This station works, but fix the “Warning” items before exam day.',
    failure: 'This station is not ready: fix the “Failed” items or call IT support.',
  },
  checks: {
    settings: 'Settings managed by IT',
    server: 'Certification server reachable',
    tls: 'Secure connection (TLS)',
    clock: 'Station clock',
    version: 'Station version accepted by the server',
    enrollment: 'Station enrollment with the centre',
    displays: 'Connected displays',
    disk: 'Free disk space',
    journal: 'Answer journal (durable writes)',
    browser: 'Challenge browser: the centre’s websites',
  },
  station: (name, id, version) => `Station “${name}”${id ? ` (${id})` : ''}, version ${version}`,
  checkedAt: (when) => `Checked on ${when}.`,
  recorded: 'Report recorded by the server.',
  recordedAt: (when) => `Report recorded by the server on ${when}.`,
  notRecorded: 'Report not recorded by the server: see the “Station enrollment with the centre” line.',
  notRecordedBecause: (why) =>
    `Report not recorded by the server: ${why} See the “Station enrollment with the centre” line.`,
  notRecordedWhy: {
    stationRefused: 'the server does not know this station or has revoked it.',
    clockRefused: 'the server refused the request because the station’s clock is wrong.',
    serverUnreachable: 'the server did not answer.',
    serverError: 'the server had a problem.',
  },
};

function useWords(): Words {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? EN : FR;
}

const NOTICE: Record<SelfCheckOverall, string> = {
  ok: 'notice notice-ok',
  warning: 'notice notice-warning',
  failure: 'notice notice-error',
};
const MARK: Record<SelfCheckStatus, string> = { ok: '✓', warning: '!', failure: '✗', skipped: '–' };
// Set through the DOM by React (allowed by the screens' CSP), so the screen needs no stylesheet edit.
const LIST_STYLE = { listStyle: 'none', padding: 0 } as const;
const ITEM_STYLE = { borderTop: '1px solid currentColor', padding: '0.5rem 0' } as const;
const STATUS_STYLE = { fontWeight: 700 } as const;

/** The way in, on the station home: a quiet button for the referent. */
export function SelfCheckLink({ onOpen }: { onOpen: () => void }) {
  const words = useWords();
  return (
    <p className="self-check-link">
      <button type="button" className="button button-link" onClick={onOpen} data-testid="open-self-check">
        {words.open}
      </button>
    </p>
  );
}

export function SelfCheckScreen({ onBack }: { onBack: () => void }) {
  const words = useWords();
  const api = useStationApi();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfCheckReport | null>(null);
  // Kept as its key and worded at each render: a language switch rewords it.
  const [failure, setFailure] = useState<FailureKey | null>(null);

  const run = async () => {
    // The buttons stay focusable while the check runs (aria-disabled): a second press does nothing.
    if (running) return;
    setRunning(true);
    setFailure(null);
    announce(words.running);
    const result = await api.runSelfCheck({});
    setRunning(false);
    if (result.ok) {
      setReport(result.value);
      announce(words.verdict[result.value.overall]);
    } else {
      const key = selfCheckFailureKey(result.error.code);
      setReport(null);
      setFailure(key);
      announce(`${words.failed} ${words.failure[key]}`, 'assertive');
    }
  };

  return (
    <div className="screen screen-narrow" data-testid="self-check">
      <h1 ref={heading} tabIndex={-1}>
        {words.title}
      </h1>
      <p className="lead">{words.intro}</p>
      <p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void run()}
          aria-disabled={running || undefined}
          aria-describedby={running ? 'self-check-running' : undefined}
        >
          {report ? words.again : words.run}
        </button>{' '}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            if (!running) onBack();
          }}
          aria-disabled={running || undefined}
        >
          {words.back}
        </button>
      </p>
      {running && (
        <p id="self-check-running" role="status" className="notice notice-info">
          {words.running}
        </p>
      )}
      {failure && (
        <div role="alert" className="notice notice-error" data-testid="self-check-failed">
          <p>
            {words.failed} {words.failure[failure]}
          </p>
        </div>
      )}
      {report && !running && <SelfCheckResults report={report} />}
    </div>
  );
}

/** The verdict and one line per check, in the screen's language. */
export function SelfCheckResults({ report }: { report: SelfCheckReport }) {
  const words = useWords();
  const colon = words.language === 'fr' ? ' : ' : ': ';
  return (
    <section aria-labelledby="self-check-results" data-overall={report.overall}>
      <div role="status" className={NOTICE[report.overall]} data-testid="self-check-verdict">
        <p className="notice-title">{words.verdict[report.overall]}</p>
        <p>{words.station(report.stationName, report.stationId, report.version)}</p>
        <p>{words.checkedAt(formatCheckedAt(report.checkedAt, words.locale))}</p>
        {report.recorded && <p>{recordedText(report.recorded, words)}</p>}
      </div>
      <h2 id="self-check-results">{words.results}</h2>
      <ul className="self-check-lines" style={LIST_STYLE}>
        {report.lines.map((line) => {
          const worded = wordSelfCheckLine(line, words.language);
          // The station's own French sentence (no known code): said with a French voice in English.
          const lang = worded.lang === words.language ? undefined : worded.lang;
          return (
            <li key={line.id} data-check={line.id} data-status={line.status} style={ITEM_STYLE}>
              <p>
                <span className={`self-check-status self-check-${line.status}`} style={STATUS_STYLE}>
                  <span aria-hidden="true">{MARK[line.status]} </span>
                  {words.status[line.status]}
                </span>
                {' — '}
                <strong>{words.checks[line.id] ?? line.title}</strong>
                {colon}
                <span lang={lang}>{worded.detail}</span>
              </p>
              {worded.action && (
                <p className="hint">
                  {words.todo} <span lang={lang}>{worded.action}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Whether the server recorded the report, when, or why not: from its codes, never its French message. */
function recordedText(recorded: NonNullable<SelfCheckReport['recorded']>, words: Words): string {
  if (recorded.ok) {
    return recorded.recordedAt
      ? words.recordedAt(formatCheckedAt(recorded.recordedAt, words.locale))
      : words.recorded;
  }
  return recorded.reason
    ? words.notRecordedBecause(words.notRecordedWhy[recorded.reason])
    : words.notRecorded;
}

/** "12 mars 2025 à 14:05" / "12 March 2025 at 14:05"; the raw value if it is not a date. */
function formatCheckedAt(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
