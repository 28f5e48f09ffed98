// The account a centre route runs for, set by the centre scope's authentication hook.
import type { FastifyRequest } from 'fastify';
import type { StoredAccount } from '../storage/repositories.ts';

declare module 'fastify' {
  interface FastifyRequest {
    account?: StoredAccount;
  }
}

export function requestAccount(request: FastifyRequest): StoredAccount {
  if (!request.account) throw new Error('a centre route ran without authentication');
  return request.account;
}
