// The session an invigilator route runs for, set by the invigilator scope's authentication hook.
import type { FastifyRequest } from 'fastify';
import type { StoredSession } from '../storage/repositories.ts';

declare module 'fastify' {
  interface FastifyRequest {
    invigilatedSession?: StoredSession;
  }
}

export function invigilatedSession(request: FastifyRequest): StoredSession {
  if (!request.invigilatedSession) throw new Error('an invigilator route ran without authentication');
  return request.invigilatedSession;
}
