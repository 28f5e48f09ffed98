// A reactivation that fails is not silent: the failure comes back for the account's row and is said
// aloud in French, naming the account; a deactivation's failure goes to its confirmation dialog.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { serverErrorMessage } from '../../shared/server-errors/server-error-messages.ts';
import { ApiFailure, type Account } from '../api/centre-client.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { describeFailure } from '../ui/describe-failure.ts';
import { changeAccountActivity } from './account-activity.ts';

const i18n = addBackOfficeMessages(createI18n('fr'));
const t = translator(i18n);
const account: Account = {
  id: 'acc_1',
  email: 'sophie.leroy@college.fr',
  displayName: 'Sophie Leroy',
  role: 'referent',
  centreId: 'cen_1',
  createdAt: '2026-09-01T08:00:00.000Z',
  deactivatedAt: '2026-11-01T08:00:00.000Z',
};

function io(send: (accountId: string, active: boolean) => Promise<Account>) {
  const said: string[] = [];
  return {
    said,
    io: {
      send,
      announce: (message: string) => void said.push(message),
      t,
      describe: (failure: ApiFailure) => describeFailure(failure, t, (r) => serverErrorMessage(i18n, r)),
    },
  };
}

describe('reactivating an account', () => {
  it('keeps a failure for the row and says it, in French, with the account’s name', async () => {
    const down = io(() => Promise.reject(new ApiFailure(0, 'NETWORK', 'Failed to fetch')));
    const outcome = await changeAccountActivity(account, true, down.io);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.failure.code).toBe('NETWORK');
    expect(down.said).toHaveLength(1);
    expect(down.said[0]).toMatch(/^Le compte de Sophie Leroy n’a pas été réactivé\u00a0: /);
    expect(down.said[0]).not.toContain('Failed to fetch');
  });

  it('says it is done and gives the account back', async () => {
    const active = { ...account, deactivatedAt: null };
    const ok = io(() => Promise.resolve(active));
    expect(await changeAccountActivity(account, true, ok.io)).toEqual({ ok: true, account: active });
    expect(ok.said).toEqual(['Le compte de Sophie Leroy est réactivé.']);
  });
});

describe('deactivating an account', () => {
  it('lets the failure reach its confirmation dialog, which shows it', async () => {
    const refused = io(() => Promise.reject(new ApiFailure(403, 'FORBIDDEN', 'not allowed')));
    await expect(
      changeAccountActivity({ ...account, deactivatedAt: null }, false, refused.io),
    ).rejects.toThrow(ApiFailure);
    expect(refused.said).toEqual([]);
  });
});
