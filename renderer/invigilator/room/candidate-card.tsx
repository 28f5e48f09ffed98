// One candidate on the room grid: name, station and its connection, what is happening, time left
// with extra time and the indicative end, and — when the invigilator is needed — why, since when,
// and the one button that answers it. Colour is never the only signal: every mark has words.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { shortDate } from '../../shared/format.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { clockTime, elapsed, fullName } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { useRoom } from '../state/room-context.tsx';
import { PROBLEM_LOCKDOWN_EVENTS, type RoomEntry } from './attention.ts';
import { cardStateText, uploadWord } from './card-text.ts';
import type { HealthView } from './connection-health.ts';
import { timeLeftWithAdded } from './time-left.ts';

export type CardOpenView = 'details' | 'alert' | 'resume' | 'lockdown';

export interface CandidateCardProps {
  entry: RoomEntry;
  /** Server time now (ms). */
  nowMs: number;
  /** The screen is cut off from the server: station health is unknown. */
  stale: boolean;
  sessionOpen: boolean;
  /** Another candidate has the same name: the birthdate tells them apart. */
  namesake: boolean;
  onOpen(view: CardOpenView): void;
  onConfirmPresence(): void;
  busy: boolean;
}

/**
 * Four lines, the same height on every card: the name (for a namesake, after the birthdate); why the invigilator is needed (or the state);
 * the one button that answers it (or the time left and the indicative end); the station and its
 * connection, with the time left or the extra time.
 */
export function CandidateCard({
  entry,
  nowMs,
  stale,
  sessionOpen,
  namesake,
  onOpen,
  onConfirmPresence,
  busy,
}: CandidateCardProps) {
  const t = useT();
  const { t: tShared, i18n } = useTranslation();
  const locale = useLocale();
  const nameId = useId();
  const { candidate, attention, highlight, health } = entry;
  const top = attention[0] ?? null;
  const report = useRoom((s) => s.timeReports[candidate.candidateId]);
  // No clock runs in a finalized room.
  const timeLeft = sessionOpen ? timeLeftWithAdded(candidate, nowMs, report) : null;
  const name = fullName(candidate);
  const running =
    candidate.state === 'inProgress' || candidate.state === 'paused' || candidate.state === 'resumePending';
  const finished = candidate.state === 'ended' || candidate.state === 'resultReceived';
  // Over, but not all is well: its result was refused by the server (no green tick).
  const refused = candidate.upload === 'refused';
  const endAt = candidate.theoreticalEndAt ? clockTime(candidate.theoreticalEndAt, i18n.language) : null;

  // A candidate who asks to resume with an alert still pending: the card's button is the resume (the
  // candidate sits in front of "test interrupted"); the alert stays on the card until it is decided,
  // which the file allows before or after the resume (the station applies it once it has the test).
  const asksResume = attention.some((a) => a.kind === 'resume');
  let flag: { label: string; since: string | null } | null = null;
  if (top) {
    switch (top.kind) {
      case 'alert':
        flag = {
          label: !candidate.alert?.questionNumber
            ? t('attention.alertUnknownQuestion')
            : asksResume
              ? t('attention.alertAndResume', { question: candidate.alert.questionNumber })
              : t('attention.alert', { question: candidate.alert.questionNumber }),
          since: null,
        };
        break;
      case 'alertInTransit':
        flag = { label: t('attention.alertInTransit'), since: null };
        break;
      case 'resume':
        // The station where they asked went silent too: they may have left (finalization will then ask
        // an abort reason for the test). Unknown while this screen is cut off from the server.
        flag =
          entry.resumeHealth?.health === 'lost' && !stale
            ? {
                label: t('attention.resumeStationMissing'),
                since: elapsed(entry.resumeHealth.silentMs ?? 0),
              }
            : { label: t('attention.resume'), since: null };
        break;
      case 'waiting':
        flag = { label: t('attention.waiting'), since: null };
        break;
      case 'stationMissing':
        flag = { label: t('attention.stationMissing'), since: elapsed(health.silentMs ?? 0) };
        break;
      case 'lockdown': {
        const last = candidate.lockdownEvents.filter((e) => PROBLEM_LOCKDOWN_EVENTS.has(e.event)).at(-1);
        flag = {
          label: last ? t(`lockdown.short.${last.event}`) : t('attention.lockdown'),
          since: last ? clockTime(last.at, i18n.language) : null,
        };
        break;
      }
      case 'resultRefused':
        flag = { label: t('attention.resultRefused'), since: null };
        break;
    }
  }

  let quick: { label: string; action: () => void; testId: string } | null = null;
  if (top && sessionOpen) {
    if (top.kind === 'alert' && !asksResume)
      quick = { label: t('quick.alert'), action: () => onOpen('alert'), testId: 'quick-alert' };
    else if (top.kind === 'resume' || asksResume)
      quick = { label: t('quick.resume'), action: () => onOpen('resume'), testId: 'quick-resume' };
    else if (top.kind === 'waiting')
      quick = { label: t('quick.waiting'), action: onConfirmPresence, testId: 'quick-confirm' };
    else if (top.kind === 'lockdown')
      quick = { label: t('quick.lockdown'), action: () => onOpen('lockdown'), testId: 'quick-lockdown' };
  }

  const timeText =
    timeLeft === null ? null : t('room.timeLeft', { time: formatTimeLeft(timeLeft.ms, tShared) });
  // Time added since the station's last report is counted, and said not confirmed yet (in place of the
  // indicative end, which is not either).
  const timeTitle =
    timeLeft && timeLeft.unconfirmedMs > 0
      ? t('room.addedUnconfirmed', { minutes: Math.round(timeLeft.unconfirmedMs / 60_000) })
      : undefined;
  const extra =
    candidate.extraTimePercentage > 0 && candidate.state !== 'notArrived' && !finished ? (
      <span
        className="tag tag-extra"
        title={t('room.extraTimeLong', { percent: candidate.extraTimePercentage })}
      >
        <span aria-hidden="true">{t('room.extraTime', { percent: candidate.extraTimePercentage })}</span>
        <span className="visually-hidden">
          {t('room.extraTimeLong', { percent: candidate.extraTimePercentage })}
        </span>
      </span>
    ) : null;

  // The foot's right side: how long a blocked candidate has waited, a station's lock, the time left
  // under a button, or the extra time.
  const locked = sessionOpen && candidate.state === 'paused' && candidate.pause?.cause === 'lockdown';
  // An alert on its way from the station: nothing to decide yet, the invigilator goes to the candidate.
  const inTransit = top?.kind === 'alertInTransit' && !quick;
  let footRight: ReactNode = extra;
  if (top && (top.kind === 'alert' || top.kind === 'resume') && top.since !== null) {
    footRight = (
      <span className="card-foot-since" data-testid="card-since">
        {t('attention.since', { time: elapsed(nowMs - top.since) })}
      </span>
    );
  } else if (locked) {
    footRight = <span className="card-foot-locked">{t('attention.locked')}</span>;
  } else if ((quick || inTransit) && running && timeText) {
    footRight = (
      <span className="card-foot-time" title={timeTitle}>
        {timeText}
        {timeTitle && <span className="visually-hidden"> — {timeTitle}</span>}
      </span>
    );
  }

  // Line 3: the button, or the time, or how a finished test ended.
  let line3: ReactNode = null;
  if (quick) {
    line3 = (
      <button
        type="button"
        className={`button card-quick quick-${top?.kind ?? ''}`}
        onClick={() => !busy && quick.action()}
        data-testid={quick.testId}
        aria-describedby={nameId}
        aria-disabled={busy || undefined}
      >
        {quick.label}
      </button>
    );
  } else if (inTransit) {
    line3 = (
      <p className="card-transit" data-testid="card-transit">
        {t('attention.alertInTransitGo')}
      </p>
    );
  } else if (running && timeText) {
    line3 = (
      <p className="card-time" data-testid="card-time">
        <span>{timeText}</span>
        {timeTitle ? (
          <span className="card-end" title={timeTitle} data-testid="card-time-unconfirmed">
            <span aria-hidden="true">{t('room.unconfirmed')}</span>
            <span className="visually-hidden">{timeTitle}</span>
          </span>
        ) : (
          endAt && (
            <span className="card-end" title={t('room.endAtLong', { time: endAt })}>
              {t('room.endAt', { time: endAt })}
            </span>
          )
        )}
      </p>
    );
  } else if (finished) {
    const word = uploadWord(candidate.upload, health.health, sessionOpen);
    // What to do to keep a result (switch its station back on) wraps to two lines, never cut.
    line3 = (
      <p
        className={`card-upload upload-${candidate.upload} upload-word-${word}`}
        data-testid="card-upload"
        title={
          refused ? t('upload.refusedLong') : word === 'waitingStation' ? t(`upload.${word}`) : undefined
        }
      >
        {t(`upload.${word}`)}
      </p>
    );
  }
  const state = cardStateText(candidate, t, sessionOpen);

  return (
    <li
      className={`card card-${highlight}`}
      data-testid="candidate-card"
      data-candidate-id={candidate.candidateId}
      data-state={candidate.state}
      data-highlight={highlight}
      data-attention={attention.map((a) => a.kind).join(' ')}
      aria-labelledby={nameId}
    >
      <h2 className="card-name" id={nameId}>
        <button type="button" className="card-open" onClick={() => onOpen('details')} title={name}>
          {/* A long name is cut, never the birthdate that tells namesakes apart (shown before it). */}
          <span className="card-fullname">
            <span className="card-lastname">{candidate.lastName.toLocaleUpperCase('fr-FR')}</span>{' '}
            {candidate.firstName}
          </span>
          {namesake && <span className="card-birthdate"> {shortDate(candidate.birthdate, locale)}</span>}
          <span className="visually-hidden"> — {t('room.openHint')}</span>
        </button>
      </h2>
      {flag ? (
        <p className={`card-flag flag-${top?.kind ?? ''}`} data-testid="card-flag">
          <span aria-hidden="true" className="flag-icon">
            {top?.kind === 'waiting' ? '●' : '!'}
          </span>
          <span className="card-flag-label">{flag.label}</span>
          {flag.since && <span className="card-flag-since">{flag.since}</span>}
        </p>
      ) : (
        <p
          className={`card-state ${finished && !refused ? 'card-state-finished' : ''}`}
          data-testid="card-state"
        >
          {finished && !refused && (
            <span aria-hidden="true" className="finished-mark">
              ✓
            </span>
          )}
          {state.short === state.long ? (
            state.long
          ) : (
            <>
              <span aria-hidden="true" title={state.long}>
                {state.short}
              </span>
              <span className="visually-hidden">{state.long}</span>
            </>
          )}
        </p>
      )}
      {line3}
      <p className="card-foot">
        {candidate.station ? (
          <span className="card-station">
            <HealthMark health={stale && health.health !== 'none' ? null : health} />
            {candidate.station.name}
          </span>
        ) : (
          <span />
        )}
        {footRight}
      </p>
    </li>
  );
}

/**
 * The station's heartbeat as a shape and a word: ● connected, ▲ late (amber), ✖ unreachable (red),
 * ○ off after the test (calm).
 */
const HEALTH_SHAPES = { ok: '●', late: '▲', lost: '✖', off: '○' } as const;

export function HealthMark({ health }: { health: HealthView | null }) {
  const t = useT();
  if (health === null) {
    return (
      <span className="health health-unknown" title={t('health.unknown')}>
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t('health.unknown')}</span>
      </span>
    );
  }
  if (health.health === 'none') return null;
  const silent = { seconds: Math.floor((health.silentMs ?? 0) / 1000), time: elapsed(health.silentMs ?? 0) };
  const label = t(`health.${health.health}`, silent);
  const shape = HEALTH_SHAPES[health.health];
  return (
    <span
      className={`health health-${health.health}`}
      title={label}
      data-testid="health"
      data-health={health.health}
    >
      <span aria-hidden="true">{shape}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
