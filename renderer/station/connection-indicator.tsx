// A small, calm indicator when the station cannot reach the server, saying what that means where the
// candidate is (offline-situation.ts): during the test, that it goes on and the answers are stored (or,
// on a question frozen by a reported problem, what unblocks it, as the notice below says; paused, that
// the pause's end waits for the connection).
// Announced once when the connection goes and once when it comes back.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../shared/announcer.tsx';
import { offlineSituation } from './offline-situation.ts';
import { useStation } from './state/station-context.tsx';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const online = useStation((s) => s.online);
  const known = useStation((s) => s.status !== null);
  const situation = offlineSituation(
    useStation((s) => s.status?.exam.phase ?? 'idle'),
    useStation((s) => s.status?.exam.alertPending ?? false),
    useStation((s) => s.status?.exam.alertSent ?? false),
  );
  const detail = t(`connection.situation.${situation}`);
  const previous = useRef<boolean | null>(null);
  useEffect(() => {
    if (!known) return;
    if (previous.current !== null && previous.current !== online) {
      announce(online ? t('connection.backOnline') : t('connection.wentOffline', { detail }));
    }
    previous.current = online;
  }, [online, known, t, detail]);
  if (online || !known) return null;
  return (
    <p className="connection-offline" data-testid="offline-indicator">
      <span className="dot dot-off" aria-hidden="true" />
      <span className="connection-label">{t('connection.offline')}</span>
      <span className="connection-detail"> — {detail}</span>
    </p>
  );
}
