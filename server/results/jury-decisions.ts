// The jury's decisions on a candidate after the start of their test (DOMAIN.md §7), by an administrator,
// before or after publication: the identity corrected (C1: the certificate, its PDF and the public check
// then carry the corrected one; the candidate is found under it when joining), and the certification
// cancelled (C6 fraud, or another ground stated) or that undone. Each decision is kept as taken, with
// who, when and why (migration 14). A cancellation stands over every re-scoring (it is kept apart from
// the score: storage/sqlite/jury-decisions.ts), and its undoing restores the score under it with the
// same verification code. After publication, each decision queues, with it, an update e-mail to the
// candidate's result address (mail/result-email-updates.ts); the mailer is woken to send it.
import type {
  CancellationRequest,
  IdentityCorrectionRequest,
  JuryDecision,
} from '../../core/contracts/jury-decisions.ts';
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import { newId } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { conflict, notFound, unprocessable } from '../http/api-error.ts';
import { planResultEmailUpdate } from '../mail/result-email-updates.ts';
import type {
  CandidateIdentityFields,
  StoredAccount,
  StoredCandidate,
  StoredJuryDecision,
  StoredSession,
} from '../storage/repositories.ts';
import { iso } from '../time.ts';

const identityOf = (c: CandidateIdentityFields): CandidateIdentityFields => ({
  lastName: c.lastName,
  firstName: c.firstName,
  birthdate: c.birthdate,
});

const sameIdentity = (a: CandidateIdentityFields, b: CandidateIdentityFields): boolean =>
  a.lastName === b.lastName && a.firstName === b.firstName && a.birthdate === b.birthdate;

export async function correctIdentity(
  ctx: ServerContext,
  session: StoredSession,
  candidate: StoredCandidate,
  request: IdentityCorrectionRequest,
  by: StoredAccount,
): Promise<void> {
  const test = await ctx.store.tests.getByCandidate(candidate.id);
  if (!test || test.packageId === null) throw notStarted();
  const before = identityOf(candidate);
  const after = identityOf(request);
  if (sameIdentity(before, after)) {
    throw unprocessable(
      'IDENTITY_UNCHANGED',
      'the names and birthdate given are the candidate’s already: nothing to correct',
    );
  }
  const decision: StoredJuryDecision = {
    id: newId('jur'),
    candidateId: candidate.id,
    kind: 'identity',
    identity: { before, after },
    reason: request.reason,
    decidedAt: ctx.now(),
    decidedBy: by.id,
  };
  const outcome = await ctx.store.juryDecisions.correctIdentity(
    decision,
    candidateMatchKey(after),
    planResultEmailUpdate,
  );
  if (outcome === 'notStarted') throw notStarted();
  if (outcome === 'duplicate')
    throw conflict('ALREADY_ENROLLED', 'another candidate of the session has the same names and birthdate');
  if (outcome === 'stale') {
    throw conflict(
      'IDENTITY_CHANGED',
      'the candidate’s identity was changed meanwhile: read it again, then correct it if need be',
    );
  }
  // No names in the log: the decision is in the database with them.
  ctx.log.info(
    { sessionId: session.id, candidateId: candidate.id, by: by.id, decision: decision.id },
    'identity corrected by the jury',
  );
  wakeMailer(ctx, session);
  // The room's card shows the names.
  await ctx.feed.candidateChanged(session, candidate.id, 'identityCorrected');
}

/**
 * Published: the decision may have queued an update e-mail (storage decides, in its transaction). A
 * pause after a mail-server failure stands: a decision is no reason to try that server again sooner.
 */
function wakeMailer(ctx: ServerContext, session: StoredSession): void {
  if (session.publishedAt !== null) ctx.resultMailer?.wake({ endPause: false });
}

function notStarted() {
  return conflict(
    'CANDIDATE_NOT_STARTED',
    'the candidate’s test has not started: the referent edits the enrolment in the session’s candidates',
  );
}

export async function decideCancellation(
  ctx: ServerContext,
  session: StoredSession,
  candidate: StoredCandidate,
  request: CancellationRequest,
  by: StoredAccount,
): Promise<void> {
  const decision: StoredJuryDecision = {
    id: newId('jur'),
    candidateId: candidate.id,
    kind: request.cancelled ? 'cancel' : 'uncancel',
    identity: null,
    reason: request.reason,
    decidedAt: ctx.now(),
    decidedBy: by.id,
  };
  const outcome = await ctx.store.juryDecisions.decideCancellation(decision, planResultEmailUpdate);
  if (outcome === 'noResult') throw notFound('result');
  if (outcome === 'unchanged') {
    throw request.cancelled
      ? conflict('ALREADY_CANCELLED', 'the jury has already cancelled this certification')
      : conflict('NOT_CANCELLED', 'the jury has not cancelled this certification: nothing to undo');
  }
  ctx.log.info(
    {
      sessionId: session.id,
      candidateId: candidate.id,
      by: by.id,
      decision: decision.id,
      published: session.publishedAt !== null,
    },
    request.cancelled ? 'certification cancelled by the jury' : 'jury’s cancellation undone',
  );
  wakeMailer(ctx, session);
  await ctx.feed.candidateChanged(session, candidate.id, 'juryCancellation');
}

/** The decisions as the results show them, with each administrator's display name. */
export async function juryDecisionViews(
  ctx: ServerContext,
  decisions: readonly StoredJuryDecision[],
): Promise<JuryDecision[]> {
  const names = new Map<string, string>();
  for (const id of new Set(decisions.map((d) => d.decidedBy))) {
    names.set(id, (await ctx.store.accounts.get(id))?.displayName ?? id);
  }
  return decisions.map((d) => ({
    id: d.id,
    kind: d.kind,
    reason: d.reason,
    decidedAt: iso(d.decidedAt),
    decidedBy: names.get(d.decidedBy) ?? d.decidedBy,
    identity: d.identity,
  }));
}
