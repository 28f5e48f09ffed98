// The back office: the login until someone is logged in, then the page the address names inside the
// frame (header, centre, menu). The home page opens the centre the user works on; an administrator on
// a new server is sent to create the first centre.
import { useEffect, useState } from 'react';
import { LiveAnnouncer } from '../shared/announcer.tsx';
import { AccountsScreen } from './accounts/accounts-screen.tsx';
import { MyAccountScreen } from './accounts/my-account-screen.tsx';
import { CandidateScreen } from './candidates/candidate-screen.tsx';
import { CandidateFormScreen } from './candidates/candidate-form-screen.tsx';
import { CsvImportScreen } from './candidates/csv-import-screen.tsx';
import { ProfilesImportScreen } from './candidates/profiles-import-screen.tsx';
import { CentresScreen } from './centres/centres-screen.tsx';
import { ContentScreen } from './content/content-screen.tsx';
import { FinalizationRecordScreen } from './finalization-record/finalization-record-screen.tsx';
import { useT } from './i18n/use-t.ts';
import { AppShell, CentreProvider } from './layout/app-shell.tsx';
import { LoginScreen } from './login/login-screen.tsx';
import { FinalizationScreen } from './results/finalization-screen.tsx';
import { ResultsScreen } from './results/results-screen.tsx';
import { SessionFormScreen } from './sessions/session-form-screen.tsx';
import { SessionKitScreen } from './sessions/session-kit-screen.tsx';
import { SessionScreen } from './sessions/session-screen.tsx';
import { SessionsScreen } from './sessions/sessions-screen.tsx';
import { StationsScreen } from './stations/stations-screen.tsx';
import { TestRecordScreen } from './test-record/test-record-screen.tsx';
import { useAuth, useMe } from './state/auth.tsx';
import { pickCentre, rememberCentre, rememberedCentre } from './state/current-centre.ts';
import { FlashProvider } from './state/flash.tsx';
import { hrefFor, navigate, useRoute, type Route } from './state/router.ts';
import { useDocumentTitle } from './ui/document-title.ts';
import { PageTitle } from './ui/page.tsx';

export function BackOfficeApp() {
  const { state } = useAuth();
  return (
    <>
      <LiveAnnouncer />
      {state.status === 'checking' && <Checking />}
      {state.status === 'unreachable' && <Unreachable />}
      {state.status === 'anonymous' && <LoginScreen ended={state.ended} />}
      {state.status === 'ready' && (
        <FlashProvider>
          <LoggedIn />
        </FlashProvider>
      )}
    </>
  );
}

function Checking() {
  const t = useT();
  useDocumentTitle(null);
  return (
    <main className="column-main">
      <p role="status">{t('app.checking')}</p>
    </main>
  );
}

function Unreachable() {
  const t = useT();
  const { retry } = useAuth();
  useDocumentTitle(t('app.unreachableTitle'));
  return (
    <main className="column-main">
      <h1>{t('app.unreachableTitle')}</h1>
      <p className="notice notice-error">{t('app.unreachable')}</p>
      <button type="button" className="button button-primary" onClick={retry}>
        {t('app.retry')}
      </button>
    </main>
  );
}

function LoggedIn() {
  const me = useMe();
  const route = useRoute();
  const [centreId, setCentreId] = useState<string | null>(() => pickCentre(me.centres, rememberedCentre()));

  // Centre pages say which centre they are about; home and login go to the centre's sessions.
  useEffect(() => {
    // A centre out of reach stays out of the menu (its page says it is not found).
    if (
      'centreId' in route &&
      route.centreId !== centreId &&
      me.centres.some((c) => c.id === route.centreId)
    ) {
      setCentreId(route.centreId);
      rememberCentre(route.centreId);
    }
    if (route.page === 'home' || route.page === 'login') {
      const target = pickCentre(me.centres, centreId);
      if (target) navigate({ page: 'sessions', centreId: target });
      else if (me.account.role === 'administrator') navigate({ page: 'centres' });
    }
  }, [route, centreId, me]);

  return (
    <CentreProvider value={{ centreId, setCentreId }}>
      <AppShell route={route}>
        <Page route={route} />
      </AppShell>
    </CentreProvider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
    case 'login':
      return null;
    case 'centres':
      return <CentresScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'myAccount':
      return <MyAccountScreen />;
    case 'sessions':
      return <SessionsScreen key={route.centreId} centreId={route.centreId} />;
    case 'newSession':
      return <SessionFormScreen key={route.centreId} centreId={route.centreId} sessionId={null} />;
    case 'stations':
      return <StationsScreen key={route.centreId} centreId={route.centreId} />;
    case 'content':
      return <ContentScreen key={route.centreId} centreId={route.centreId} />;
    case 'session':
      return <SessionScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'editSession':
      return <SessionFormScreen key={route.sessionId} centreId={null} sessionId={route.sessionId} />;
    case 'newCandidate':
      return <CandidateFormScreen key={route.sessionId} sessionId={route.sessionId} candidateId={null} />;
    case 'import':
      return <CsvImportScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'profiles':
      return <ProfilesImportScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'kit':
      return <SessionKitScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'finalization':
      return <FinalizationScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'results':
      return <ResultsScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'finalizationRecord':
      return <FinalizationRecordScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'candidate':
      return <CandidateScreen key={route.candidateId} candidateId={route.candidateId} />;
    case 'editCandidate':
      return <CandidateFormScreen key={route.candidateId} sessionId={null} candidateId={route.candidateId} />;
    case 'testRecord':
      return <TestRecordScreen key={route.candidateId} candidateId={route.candidateId} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const t = useT();
  return (
    <div className="page page-narrow">
      <PageTitle intro={t('notFound.text')}>{t('notFound.title')}</PageTitle>
      <a className="button button-primary" href={hrefFor({ page: 'home' })}>
        {t('notFound.home')}
      </a>
    </div>
  );
}
