// Back-office accounts: administrators (every centre) and referents (one centre), email + password
// (scrypt), opaque session tokens that expire when idle and after an absolute lifetime.
import type { z } from 'zod';
import type { Account, CreateAccountRequestSchema } from '../../core/contracts/centre-api.ts';
import { hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { newId, newToken, secretHash } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, conflict, notFound, unauthorized } from '../http/api-error.ts';
import { DuplicateError, type StoredAccount } from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';

export type CreateAccountInput = z.output<typeof CreateAccountRequestSchema>;

export function accountView(a: StoredAccount): Account {
  return {
    id: a.id,
    email: a.email,
    displayName: a.displayName,
    role: a.role,
    centreId: a.centreId,
    createdAt: iso(a.createdAt),
    deactivatedAt: isoOrNull(a.deactivatedAt ?? null),
  };
}

export async function createAccount(ctx: ServerContext, input: CreateAccountInput): Promise<StoredAccount> {
  if (input.centreId !== null && !(await ctx.store.centres.get(input.centreId))) {
    throw notFound('centre');
  }
  const account: StoredAccount = {
    id: newId('acc'),
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    centreId: input.role === 'administrator' ? input.centreId : input.centreId,
    passwordHash: await hashPassword(input.password, ctx.config.passwordHash),
    createdAt: ctx.now(),
  };
  try {
    await ctx.store.accounts.create(account);
  } catch (error) {
    if (error instanceof DuplicateError) throw conflict('EMAIL_TAKEN', 'an account already uses this email');
    throw error;
  }
  return account;
}

export interface LoginResult {
  token: string;
  expiresAt: number;
  account: StoredAccount;
}

/** What the login throttle counts an account's failures against. */
export function accountLoginTarget(email: string): string {
  return `email:${email}`;
}

export async function loginAccount(
  ctx: ServerContext,
  email: string,
  password: string,
  clientKey: string,
  /** The throttle key of a browser that logged in to this account before (http/login-device.ts). */
  deviceKey: string | null = null,
): Promise<LoginResult> {
  const attempt = await ctx.throttles.accountLogins.attempt(accountLoginTarget(email), clientKey, deviceKey);
  const account = await ctx.store.accounts.findByEmail(email);
  const valid = account
    ? await verifyPassword(password, account.passwordHash)
    : (await verifyPassword(password, await ctx.dummyPasswordHash()), false);
  if (!account || !valid) throw unauthorized('INVALID_CREDENTIALS', 'wrong email or password');
  ctx.throttles.accountLogins.succeeded(attempt);
  // Only after the password checked out: a deactivated account is named as such to its owner alone.
  if (isDeactivated(account)) throw deactivated();
  const token = newToken();
  const now = ctx.now();
  const expiresAt = now + ctx.config.accountIdleMs;
  await ctx.store.tokens.create({
    tokenHash: secretHash(token),
    kind: 'account',
    accountId: account.id,
    sessionId: null,
    createdAt: now,
    expiresAt,
    maxExpiresAt: now + ctx.config.accountMaxMs,
  });
  return { token, expiresAt, account };
}

/** The account behind a token; extends its idle timeout (at most once a minute, to spare writes). */
export async function authenticateAccount(ctx: ServerContext, token: string | null): Promise<StoredAccount> {
  if (!token) throw unauthorized('NOT_AUTHENTICATED', 'log in first');
  const hash = secretHash(token);
  const stored = await ctx.store.tokens.find(hash);
  const now = ctx.now();
  if (!stored || stored.kind !== 'account' || stored.accountId === null) {
    throw unauthorized('NOT_AUTHENTICATED', 'this session is unknown: log in again');
  }
  if (stored.expiresAt <= now || stored.maxExpiresAt <= now) {
    await ctx.store.tokens.delete(hash);
    throw unauthorized('SESSION_EXPIRED', 'this session has expired: log in again');
  }
  const account = await ctx.store.accounts.get(stored.accountId);
  if (!account) throw unauthorized('NOT_AUTHENTICATED', 'this account no longer exists');
  if (isDeactivated(account)) {
    await ctx.store.tokens.delete(hash);
    throw deactivated();
  }
  const extended = Math.min(now + ctx.config.accountIdleMs, stored.maxExpiresAt);
  if (extended - stored.expiresAt > 60_000) await ctx.store.tokens.extend(hash, extended);
  return account;
}

export async function logout(ctx: ServerContext, token: string | null): Promise<void> {
  if (token) await ctx.store.tokens.delete(secretHash(token));
}

/** Who changes a password: the token they use (which stays valid) and their address. */
export interface PasswordChanger {
  token: string | null;
  clientKey: string;
}

/**
 * Checks the current password like a login (a stolen token must not buy unlimited guesses), then ends
 * every other session of the account: a thief's token dies with the old password.
 */
export async function changePassword(
  ctx: ServerContext,
  account: StoredAccount,
  currentPassword: string,
  newPassword: string,
  by: PasswordChanger,
): Promise<void> {
  const attempt = await ctx.throttles.accountLogins.attempt(accountLoginTarget(account.email), by.clientKey);
  if (!(await verifyPassword(currentPassword, account.passwordHash))) {
    throw new ApiError(403, 'INVALID_CREDENTIALS', 'the current password is wrong');
  }
  ctx.throttles.accountLogins.succeeded(attempt);
  await ctx.store.accounts.setPassword(account.id, await hashPassword(newPassword, ctx.config.passwordHash));
  // A browser that logged in with the old password (a thief's too) is no longer known for the account.
  ctx.knownDevices.forget(accountLoginTarget(account.email));
  await ctx.store.tokens.deleteByAccount(account.id, by.token ? secretHash(by.token) : undefined);
}

export function isDeactivated(account: StoredAccount): boolean {
  return account.deactivatedAt !== null && account.deactivatedAt !== undefined;
}

const deactivated = () =>
  unauthorized('ACCOUNT_DEACTIVATED', 'this account is deactivated: ask an administrator of the centre');

/**
 * Deactivates (or reactivates) an account: a deactivated account cannot log in and its open sessions
 * end at once. An administrator never deactivates their own account (the centre would lose its way in).
 */
export async function setAccountActive(
  ctx: ServerContext,
  by: StoredAccount,
  accountId: string,
  active: boolean,
): Promise<StoredAccount> {
  const account = await ctx.store.accounts.get(accountId);
  if (!account) throw notFound('account');
  if (account.id === by.id && !active) {
    throw conflict('OWN_ACCOUNT', 'you cannot deactivate your own account');
  }
  if (active) {
    await ctx.store.accounts.setDeactivatedAt(account.id, null);
  } else if (!isDeactivated(account)) {
    await ctx.store.accounts.setDeactivatedAt(account.id, ctx.now());
    await ctx.store.tokens.deleteByAccount(account.id);
    ctx.knownDevices.forget(accountLoginTarget(account.email));
  }
  ctx.log.info(
    { accountId: account.id, by: by.id, active },
    active ? 'account reactivated' : 'account deactivated',
  );
  return (await ctx.store.accounts.get(account.id)) ?? account;
}
