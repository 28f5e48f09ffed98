// The candidate screens: one screen per exam phase, all driven by the station's status.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamPhase } from '../../core/contracts/station-api.ts';
import { announce, LiveAnnouncer } from '../shared/announcer.tsx';
import { LanguageSwitch } from '../shared/language-switch.tsx';
import { ConnectionIndicator } from './connection-indicator.tsx';
import { EndScreen } from './screens/end-screen.tsx';
import { InstructionsScreen } from './screens/instructions-screen.tsx';
import { ResumeScreen } from './screens/resume-screen.tsx';
import { SelfCheckLink, SelfCheckScreen } from './screens/self-check-screen.tsx';
import { SignInScreen } from './screens/sign-in-screen.tsx';
import { StationHome } from './screens/station-home.tsx';
import { WaitingScreen } from './screens/waiting-screen.tsx';
import { useStation } from './state/station-context.tsx';
import { useFocusOnMount } from '../shared/use-focus-on-mount.ts';
import { TestScreen } from './test/test-screen.tsx';
import { UnavailableNotice } from './screens/unavailable-notice.tsx';

export function StationApp() {
  const { t, i18n } = useTranslation();
  const connect = useStation((s) => s.connect);
  const status = useStation((s) => s.status);
  const unavailable = useStation((s) => s.unavailable);
  const closing = useStation((s) => s.closing);
  const [signingIn, setSigningIn] = useState(false);
  // The referent's "Vérifier ce poste", between candidates only (issue 8).
  const [checking, setChecking] = useState(false);
  const phase = status?.exam.phase ?? null;

  const moved = status?.exam.movedElsewhere ?? null;
  useEffect(() => connect(), [connect]);
  useEffect(() => {
    if (phase !== 'idle') setSigningIn(false);
    if (phase !== 'idle' && phase !== null) setChecking(false);
  }, [phase]);
  usePhaseAnnouncements(phase, moved !== null);
  // The window's title in the screens' language (index.html carries the French one until then).
  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  let screen;
  if (closing) {
    screen = <ClosedScreen />;
  } else if (checking && (phase === 'idle' || phase === null)) {
    screen = <SelfCheckScreen onBack={() => setChecking(false)} />;
  } else if (unavailable !== null && !status) {
    screen = (
      <div className="screen screen-narrow">
        <h1>{t('app.title')}</h1>
        {/* Opened outside the station app (no bridge), or the station's own refusal, by its code. */}
        <UnavailableNotice error={unavailable} bridged={window.station !== undefined} />
        <SelfCheckLink onOpen={() => setChecking(true)} />
      </div>
    );
  } else if (!status) {
    screen = (
      <div className="screen screen-narrow">
        <h1>{t('app.title')}</h1>
        <p role="status">{t('home.starting')}</p>
      </div>
    );
  } else {
    switch (status.exam.phase) {
      case 'idle':
        screen = signingIn ? (
          <SignInScreen onBack={() => setSigningIn(false)} />
        ) : (
          <>
            <StationHome status={status} onStart={() => setSigningIn(true)} />
            <SelfCheckLink onOpen={() => setChecking(true)} />
          </>
        );
        break;
      case 'signedIn':
        screen = <InstructionsScreen status={status} />;
        break;
      case 'waiting':
        screen = <WaitingScreen status={status} />;
        break;
      case 'resumePending':
        screen = <ResumeScreen status={status} />;
        break;
      case 'inProgress':
      case 'paused':
        screen = <TestScreen status={status} />;
        break;
      case 'ended':
      case 'sealed':
      case 'uploaded':
        screen = <EndScreen status={status} />;
        break;
    }
  }

  const inTest = phase === 'inProgress' || phase === 'paused';
  return (
    <div className={`app ${inTest ? 'app-test' : ''}`} data-phase={phase ?? 'loading'}>
      <header className="app-header">
        <span className="app-name">
          <span className="brand-logo" aria-hidden="true">
            Pix
          </span>{' '}
          {t('app.title')}
        </span>
        {status && <span className="app-station">{status.station.name}</span>}
        <ConnectionIndicator />
        <LanguageSwitch />
      </header>
      <main className="app-main">{screen}</main>
      <LiveAnnouncer />
    </div>
  );
}

/** The invigilator closed this station from the invigilator screen (no test was under way). */
function ClosedScreen() {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="screen screen-narrow screen-centered" data-testid="station-closed">
      <h1 ref={heading} tabIndex={-1}>
        {t('closed.title')}
      </h1>
      <p>{t('closed.body')}</p>
    </div>
  );
}

/**
 * Screen-reader users hear when the test starts, resumes or ends even if focus does not move, and when
 * the test went on at another station (the screen then goes back to the station home).
 */
function usePhaseAnnouncements(phase: ExamPhase | null, movedElsewhere: boolean) {
  const { t } = useTranslation();
  const [previous, setPrevious] = useState<ExamPhase | null>(phase);
  useEffect(() => {
    if (phase === previous) return;
    setPrevious(phase);
    if (phase === 'resumePending') announce(t('resume.announce'), 'assertive');
    if (phase === 'uploaded') announce(t('ended.sent'));
    if (phase === 'idle' && movedElsewhere) announce(t('home.movedAnnounce'), 'assertive');
  }, [phase, previous, movedElsewhere, t]);
}
