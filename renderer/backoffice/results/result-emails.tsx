// « Envoi des résultats par e-mail » on the results page, once published: each message the publication
// queued (one per result address, server/mail/), its candidates and where it stands: waiting (to go in
// a moment, for its next attempt after a failure, or for a mail server the server does not have yet),
// sent and when, or given up and why, in words, with what to do. « Actualiser » reads the states
// again (the mailer works in the background); an administrator sends a sent or failed message again
// (« Renvoyer », confirmed first), a referent reads who can. A change of a candidate's result after
// publication adds an update message on its own row, saying why it was sent, beside the first message
// whose state stays as it was; later changes made before it goes are merged into it (server/mail/), so
// its row lists them, and says when a cancellation and its undoing (or an undoing and a new
// cancellation) leave the message silent on both.
import { useState } from 'react';
import {
  cancellationBackAndForth,
  type ResultEmail,
  type ResultEmailList,
  type ResultEmailUpdateCause,
} from '../../../core/contracts/result-emails.ts';
import { announce } from '../../shared/announcer.tsx';
import type { ApiFailure } from '../api/centre-client.ts';
import { dateTime } from '../format.ts';
import { useLocale, useT, type Translate } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { asFailure, useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorNotice } from '../ui/page.tsx';
import { useCandidateName } from './candidate-names.tsx';

const HEADING = 'result-emails';

const TAG: Readonly<Record<ResultEmail['state'], string>> = {
  pending: 'tag-check-warning',
  sent: 'tag-check-ok',
  failed: 'tag-check-failure',
};

/** What the state cell says under its tag: when, why, and what to do. */
export function stateLines(
  email: ResultEmail,
  mailServerConfigured: boolean,
  t: Translate,
  locale: string,
): string[] {
  const reason = email.lastFailure ? t(`resultEmails.reasons.${email.lastFailure.kind}`) : null;
  const serverSaid =
    email.lastFailure && email.lastFailure.detail !== ''
      ? [t('resultEmails.serverSaid', { detail: email.lastFailure.detail })]
      : [];
  if (email.state === 'sent')
    return [t('resultEmails.sentOn', { date: dateTime(email.sentAt ?? '', locale) })];
  if (email.state === 'failed') {
    const whatToDo = email.lastFailure?.kind === 'rejected' ? 'rejected' : 'server';
    return [
      t('resultEmails.failedBecause', { reason: reason ?? t('resultEmails.reasons.other') }),
      t('resultEmails.attempts', { count: email.attempts }),
      ...serverSaid,
      t(`resultEmails.whatToDo.${whatToDo}`),
    ];
  }
  const lines = [];
  if (!mailServerConfigured) lines.push(t('resultEmails.waiting'));
  else if (email.attempts === 0 || email.nextAttemptAt === null) lines.push(t('resultEmails.queued'));
  else lines.push(t('resultEmails.retryOn', { date: dateTime(email.nextAttemptAt, locale) }));
  if (reason !== null) {
    lines.push(
      t('resultEmails.lastFailure', { reason }),
      t('resultEmails.attempts', { count: email.attempts }),
      ...serverSaid,
    );
  }
  if (email.sentAt !== null)
    lines.push(t('resultEmails.sentBefore', { date: dateTime(email.sentAt, locale) }));
  return lines;
}

/** Why an update goes: its change, or the changes merged into it, in the order they came. */
export function updateLine(update: NonNullable<ResultEmail['update']>, t: Translate): string {
  const [why, ...later] = update.causes.map((cause) => t(`resultEmails.updateCauses.${cause}`));
  if (why === undefined || later.length === 0) return t('resultEmails.update', { why: why ?? '' });
  const whys = [why, ...later].join(t('resultEmails.updateThen'));
  return t('resultEmails.updateMerged', { number: later.length + 1, whys });
}

/**
 * Says that a cancellation and its undoing (in the order the jury made them) left the message silent
 * on both; nothing when there was no such back-and-forth.
 */
function BackAndForthNote({ causes, t }: { causes: readonly ResultEmailUpdateCause[]; t: Translate }) {
  const order = cancellationBackAndForth(causes);
  if (order === null) return null;
  return (
    <span className="sub" data-testid="result-email-update-unsaid">
      {t(`resultEmails.cancellationBackAndForth.${order}`)}
    </span>
  );
}

/** The section, with the messages it was given (ResultEmails reads them). */
export function ResultEmailsView({
  list,
  administrator,
  refreshing,
  failure,
  onRefresh,
  onResend,
}: {
  list: ResultEmailList;
  administrator: boolean;
  refreshing: boolean;
  /** Reading the states again failed. */
  failure: ApiFailure | null;
  onRefresh: () => void;
  /** Resolves once the message is back in the queue (a refusal stays in the dialog). */
  onResend: (email: ResultEmail) => Promise<void>;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const locale = useLocale();
  const waiting = !list.mailServerConfigured && list.emails.some((e) => e.state === 'pending');
  return (
    <section className="section card-panel" aria-labelledby={HEADING} data-testid="result-emails">
      <h2 id={HEADING}>{t('resultEmails.title')}</h2>
      <p className="hint">{t('resultEmails.intro')}</p>
      {list.emails.some((e) => e.update !== null) && <p className="hint">{t('resultEmails.updatesIntro')}</p>}
      {waiting && (
        <div className="notice notice-warning" data-testid="result-emails-no-mail-server">
          <p className="notice-title">{t('resultEmails.notConfiguredTitle')}</p>
          <p>{t('resultEmails.notConfigured')}</p>
        </div>
      )}
      {list.emails.length === 0 ? (
        <p data-testid="result-emails-none">{t('resultEmails.none')}</p>
      ) : (
        <DataTable
          caption={t('resultEmails.table')}
          testId="result-emails-table"
          columns={[
            t('resultEmails.recipient'),
            t('resultEmails.candidates'),
            t('resultEmails.state'),
            ...(administrator ? [t('resultEmails.action')] : []),
          ]}
        >
          {list.emails.map((email) => (
            <tr
              key={email.id}
              data-testid="result-email"
              data-state={email.state}
              data-update={email.update?.causes.join(' ')}
            >
              <th scope="row">{email.recipient}</th>
              <td>
                <ul className="inline-list">
                  {email.candidates.map((c) => (
                    <li key={c.candidateId}>{nameOf(c)}</li>
                  ))}
                </ul>
                {email.update && (
                  <span className="sub" data-testid="result-email-update">
                    {updateLine(email.update, t)}
                  </span>
                )}
                {email.update && <BackAndForthNote causes={email.update.causes} t={t} />}
              </td>
              <td>
                <span className={`tag ${TAG[email.state]}`}>{t(`resultEmails.states.${email.state}`)}</span>
                {stateLines(email, list.mailServerConfigured, t, locale).map((line) => (
                  <span key={line} className="sub">
                    {line}
                  </span>
                ))}
              </td>
              {administrator && (
                <td>
                  {email.state === 'pending' && email.attempts > 0 && list.mailServerConfigured && (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-testid="send-result-email-now"
                      aria-label={t('resultEmails.sendNowLabel', { recipient: email.recipient })}
                      onClick={() => void onResend(email).catch(() => undefined)}
                    >
                      {t('resultEmails.sendNow')}
                    </button>
                  )}
                  {email.state !== 'pending' && (
                    <ConfirmAction
                      title={t('resultEmails.resendTitle', { recipient: email.recipient })}
                      text={t('resultEmails.resendText', { count: email.candidates.length })}
                      confirmLabel={t('resultEmails.resend')}
                      onConfirm={() => onResend(email)}
                    >
                      {(ask) => (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          data-testid="resend-result-email"
                          aria-label={t('resultEmails.resendLabel', { recipient: email.recipient })}
                          onClick={ask}
                        >
                          {t('resultEmails.resend')}
                        </button>
                      )}
                    </ConfirmAction>
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {!administrator && list.emails.some((e) => e.state !== 'pending') && (
        <p className="hint">{t('resultEmails.referent')}</p>
      )}
      <ErrorNotice failure={failure} />
      {list.emails.length > 0 && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={refreshing || undefined}
            data-testid="refresh-result-emails"
            onClick={onRefresh}
          >
            {refreshing ? t('resultEmails.refreshing') : t('resultEmails.refresh')}
          </button>
        </p>
      )}
    </section>
  );
}

/** The section for a published session: reads its messages, refreshes them, sends one again. */
export function ResultEmails({
  sessionId,
  administrator,
  changedWith,
}: {
  sessionId: string;
  administrator: boolean;
  /**
   * The results as the page shows them: read again when they change (a jury's decision, a re-scoring
   * after publication may have queued an update), the messages shown until then.
   */
  changedWith?: unknown;
}) {
  const t = useT();
  const client = useClient();
  const data = useResource(() => client.resultEmails(sessionId), [client, sessionId, changedWith]);
  const [refreshing, setRefreshing] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  if (data.data === null) {
    return data.error ? (
      <section className="section card-panel" aria-labelledby={HEADING} data-testid="result-emails">
        <h2 id={HEADING}>{t('resultEmails.title')}</h2>
        <ErrorNotice failure={data.error} />
      </section>
    ) : null;
  }
  async function refresh() {
    if (refreshing) return;
    setRefreshing(true);
    setFailure(null);
    try {
      data.set(await client.resultEmails(sessionId));
      announce(t('resultEmails.refreshed'));
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setRefreshing(false);
    }
  }
  return (
    <ResultEmailsView
      list={data.data}
      administrator={administrator}
      refreshing={refreshing}
      failure={failure}
      onRefresh={() => void refresh()}
      onResend={async (email) => {
        const queued = await client.resendResultEmail(sessionId, email.id);
        data.update((list) => ({
          ...list,
          emails: list.emails.map((e) => (e.id === queued.id ? queued : e)),
        }));
        announce(t('resultEmails.resent', { recipient: email.recipient }));
      }}
    />
  );
}
