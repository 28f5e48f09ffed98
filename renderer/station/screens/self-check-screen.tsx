// "Vérifier ce poste" (issue 8): the referent checks, between two candidates, that this station is ready
// for exam day — the same self-check IT runs with `--check`, one line per check with what to do. Its
// words live here (French first, English too), so the screen stays self-contained.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SelfCheckOverall,
  SelfCheckReport,
  SelfCheckStatus,
} from '../../../core/contracts/station-self-check.ts';
import { announce } from '../../shared/announcer.tsx';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useStationApi } from '../state/station-context.tsx';

const WORDS = {
  fr: {
    open: 'Vérifier ce poste (référent)',
    title: 'Vérifier ce poste',
    intro:
      'La vérification contrôle le serveur, l’inscription du poste, l’horloge, les écrans, le disque, le journal des réponses et les sites autorisés. Elle dure quelques secondes et ne change rien sur le poste.',
    run: 'Lancer la vérification',
    again: 'Vérifier à nouveau',
    running: 'Vérification en cours…',
    back: 'Retour à l’accueil',
    todo: 'À faire :',
    failed: 'La vérification n’a pas pu se faire :',
    results: 'Résultat de chaque vérification',
    status: { ok: 'OK', warning: 'Attention', failure: 'Échec', skipped: 'Non vérifié' },
    verdict: {
      ok: 'Ce poste est prêt pour l’examen.',
      warning: 'Ce poste fonctionne, mais corrigez les points « Attention » avant le jour de l’examen.',
      failure: 'Ce poste n’est pas prêt : corrigez les points « Échec » ou prévenez le service informatique.',
    },
    station: (name: string, id: string, version: string) =>
      `Poste « ${name} »${id ? ` (${id})` : ''}, station ${version}`,
  },
  en: {
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
    results: 'Result of each check',
    status: { ok: 'OK', warning: 'Warning', failure: 'Failed', skipped: 'Not checked' },
    verdict: {
      ok: 'This station is ready for the exam.',
      warning: 'This station works, but fix the “Warning” items before exam day.',
      failure: 'This station is not ready: fix the “Failed” items or call IT support.',
    },
    station: (name: string, id: string, version: string) =>
      `Station “${name}”${id ? ` (${id})` : ''}, version ${version}`,
  },
} as const;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function useWords() {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? WORDS.en : WORDS.fr;
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
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setFailure(null);
    announce(words.running);
    const result = await api.runSelfCheck({});
    setRunning(false);
    if (result.ok) {
      setReport(result.value);
      announce(words.verdict[result.value.overall]);
    } else {
      setReport(null);
      setFailure(result.error.message);
      announce(`${words.failed} ${result.error.message}`, 'assertive');
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
          disabled={running}
          aria-describedby={running ? 'self-check-running' : undefined}
        >
          {report ? words.again : words.run}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onBack} disabled={running}>
          {words.back}
        </button>
      </p>
      {running && (
        <p id="self-check-running" role="status" className="notice notice-info">
          {words.running}
        </p>
      )}
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>
            {words.failed} {failure}
          </p>
        </div>
      )}
      {report && !running && (
        <section aria-labelledby="self-check-results" data-overall={report.overall}>
          <div role="status" className={NOTICE[report.overall]} data-testid="self-check-verdict">
            <p className="notice-title">{words.verdict[report.overall]}</p>
            <p>{words.station(report.stationName, report.stationId, report.version)}</p>
            {report.recorded && <p>{capitalized(report.recorded.message)}</p>}
          </div>
          <h2 id="self-check-results">{words.results}</h2>
          <ul className="self-check-lines" style={LIST_STYLE}>
            {report.lines.map((line) => (
              <li key={line.id} data-check={line.id} data-status={line.status} style={ITEM_STYLE}>
                <p>
                  <span className={`self-check-status self-check-${line.status}`} style={STATUS_STYLE}>
                    <span aria-hidden="true">{MARK[line.status]} </span>
                    {words.status[line.status]}
                  </span>
                  {' — '}
                  <strong>{line.title}</strong> : {line.detail}
                </p>
                {line.action && (
                  <p className="hint">
                    {words.todo} {line.action}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
