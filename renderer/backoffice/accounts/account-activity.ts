// Deactivating or reactivating an account from the accounts table. Deactivating is confirmed in a
// dialog, which shows a failure itself; reactivating is one click in the row, so its failure is kept for
// the row (shown there with the error notice) and said aloud, naming the account: without it, a refused
// or failed reactivation would look like nothing happened.
import type { Account, ApiFailure } from '../api/centre-client.ts';
import type { Translate } from '../i18n/use-t.ts';
import { asFailure } from '../state/use-resource.ts';

export interface ActivityIo {
  send(accountId: string, active: boolean): Promise<Account>;
  /** The row's notice is not an alert (ErrorNotice `announced`): this says it, naming the account. */
  announce(message: string): void;
  t: Translate;
  /** The failure in the referent's words (describeFailure). */
  describe(failure: ApiFailure): string;
}

export type ActivityOutcome = { ok: true; account: Account } | { ok: false; failure: ApiFailure };

/** Deactivates (throws on failure, for the confirmation dialog to show) or reactivates. */
export async function changeAccountActivity(
  account: Account,
  active: boolean,
  io: ActivityIo,
): Promise<ActivityOutcome> {
  let changed: Account;
  try {
    changed = await io.send(account.id, active);
  } catch (error) {
    const failure = asFailure(error);
    if (!active) throw failure;
    io.announce(
      io.t('accounts.reactivateFailed', { name: account.displayName, reason: io.describe(failure) }),
    );
    return { ok: false, failure };
  }
  const done = active ? 'accounts.reactivatedDone' : 'accounts.deactivatedDone';
  io.announce(io.t(done, { name: changed.displayName }));
  return { ok: true, account: changed };
}
