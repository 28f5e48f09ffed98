// Candidates of a session: enrolment one by one or from a CSV file, edits until their test starts and
// removal until they join on a station, profiles (per-competence Pix, validated skills) and whether they
// are certifiable. Each enrolment change reaches the invigilator's room as a room event.
import type { z } from 'zod';
import type {
  Candidate,
  CandidateImportReport,
  CandidateInput,
  ProfileImportReport,
  ProfileImportRequestSchema,
} from '../../core/contracts/centre-api.ts';
import { levelFromPix } from '../../core/framework/crcn.ts';
import {
  MIN_CERTIFIABLE_COMPETENCES,
  certifiableCompetences,
  type Profile,
} from '../../core/profile/profile.ts';
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import { newId } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/api-error.ts';
import { assertSessionOpen } from '../sessions/session-service.ts';
import type { StoredCandidate, StoredSession, StoredTest } from '../storage/repositories.ts';
import { iso } from '../time.ts';
import { parseCandidateCsv } from './candidate-csv.ts';

export function certifiability(profile: Profile | null): { certifiable: boolean; reason: string | null } {
  if (!profile) return { certifiable: false, reason: 'no Pix profile imported yet' };
  const count = certifiableCompetences(profile).length;
  if (count >= MIN_CERTIFIABLE_COMPETENCES) return { certifiable: true, reason: null };
  return {
    certifiable: false,
    reason: `${count} competence(s) at level 1 or more; at least ${MIN_CERTIFIABLE_COMPETENCES} are needed`,
  };
}

export function candidateView(
  candidate: StoredCandidate,
  session: StoredSession,
  test: StoredTest | null,
): Candidate {
  const { certifiable, reason } = certifiability(candidate.profile);
  const progress =
    test === null
      ? 'notJoined'
      : test.bundleReceivedAt !== null
        ? 'resultReceived'
        : test.uploadRefusal !== null
          ? 'resultRefused'
          : test.packageId !== null
            ? 'started'
            : 'joined';
  return {
    id: candidate.id,
    sessionId: candidate.sessionId,
    lastName: candidate.lastName,
    firstName: candidate.firstName,
    sex: candidate.sex,
    birthdate: candidate.birthdate,
    birthCountry: candidate.birthCountry,
    birthCity: candidate.birthCity,
    birthInseeCode: candidate.birthInseeCode,
    birthPostalCode: candidate.birthPostalCode,
    externalId: candidate.externalId,
    resultEmail: candidate.resultEmail,
    extraTimePercentage: candidate.extraTimePercentage,
    accessibilityAdjustment: candidate.accessibilityAdjustment,
    profile:
      candidate.profile && candidate.profileImportedAt !== null
        ? {
            competences: candidate.profile.competences.map((c) => ({
              code: c.code,
              pix: c.pix,
              level: levelFromPix(c.pix),
            })),
            validatedSkills: candidate.profile.validatedSkills.length,
            answeredChallenges: candidate.profile.answeredChallengeIds.length,
            importedAt: iso(candidate.profileImportedAt),
          }
        : null,
    certifiable,
    notCertifiableReason: reason,
    progress,
    editable: session.state === 'created' && (test === null || test.packageId === null),
  };
}

export async function candidateViews(ctx: ServerContext, session: StoredSession): Promise<Candidate[]> {
  const [candidates, tests] = await Promise.all([
    ctx.store.candidates.listBySession(session.id),
    ctx.store.tests.listBySession(session.id),
  ]);
  const testOf = new Map(tests.map((t) => [t.candidateId, t]));
  return candidates.map((c) => candidateView(c, session, testOf.get(c.id) ?? null));
}

function enrolledKey(c: { lastName: string; firstName: string; birthdate: string }): string {
  return `${candidateMatchKey(c)}|${c.birthdate}`;
}

function newCandidate(session: StoredSession, input: CandidateInput, now: number): StoredCandidate {
  return {
    id: newId('cnd'),
    sessionId: session.id,
    ...input,
    matchKey: candidateMatchKey(input),
    profile: null,
    profileImportedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export async function createCandidate(
  ctx: ServerContext,
  session: StoredSession,
  input: CandidateInput,
): Promise<StoredCandidate> {
  assertSessionOpen(session);
  const same = await ctx.store.candidates.findByMatch(session.id, candidateMatchKey(input), input.birthdate);
  if (same.length > 0) {
    throw conflict('ALREADY_ENROLLED', 'a candidate with the same names and birthdate is already enrolled');
  }
  const candidate = newCandidate(session, input, ctx.now());
  await ctx.store.candidates.create([candidate]);
  await ctx.feed.candidateChanged(session, candidate.id, 'enrolled');
  return candidate;
}

export async function updateCandidate(
  ctx: ServerContext,
  session: StoredSession,
  candidate: StoredCandidate,
  input: CandidateInput,
): Promise<void> {
  assertSessionOpen(session);
  const matchKey = candidateMatchKey(input);
  const same = await ctx.store.candidates.findByMatch(session.id, matchKey, input.birthdate);
  if (same.some((c) => c.id !== candidate.id)) {
    throw conflict('ALREADY_ENROLLED', 'another candidate has the same names and birthdate');
  }
  if (!(await ctx.store.candidates.update(candidate.id, input, matchKey, ctx.now()))) {
    throw conflict(
      'CANDIDATE_STARTED',
      "the candidate's test has started: the enrolment can no longer change",
    );
  }
  // Names, extra time: the card shows them (and the allowed time) before the test starts.
  await ctx.feed.candidateChanged(session, candidate.id, 'enrolmentEdited');
}

export async function deleteCandidate(
  ctx: ServerContext,
  session: StoredSession,
  candidate: StoredCandidate,
): Promise<void> {
  assertSessionOpen(session);
  // Refused once joined: the station and the invigilator's card already know the candidate, and their
  // test would go with them.
  if (!(await ctx.store.candidates.delete(candidate.id))) {
    throw conflict(
      'CANDIDATE_JOINED',
      'the candidate has joined on a station: they can no longer be removed',
    );
  }
  await ctx.feed.candidateRemoved(session.id, candidate.id);
}

export async function importCandidatesCsv(
  ctx: ServerContext,
  session: StoredSession,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<CandidateImportReport> {
  assertSessionOpen(session);
  const enrolled = await ctx.store.candidates.listBySession(session.id);
  const parsed = parseCandidateCsv(bytes, new Set(enrolled.map(enrolledKey)));
  const now = ctx.now();
  const created = parsed.lines.map((line) =>
    line.candidate ? newCandidate(session, line.candidate, now) : null,
  );
  const toStore = created.filter((c): c is StoredCandidate => c !== null);
  if (!dryRun && toStore.length > 0) {
    await ctx.store.candidates.create(toStore);
    for (const c of toStore) await ctx.feed.candidateChanged(session, c.id, 'enrolled');
  }
  return {
    dryRun,
    separator: parsed.separator,
    encoding: parsed.encoding,
    columns: parsed.columns,
    imported: dryRun ? 0 : toStore.length,
    rejected: parsed.lines.length - toStore.length,
    lines: parsed.lines.map((line, i) => ({
      line: line.line,
      status: line.candidate ? (dryRun ? 'valid' : 'imported') : 'rejected',
      name: line.name,
      candidateId: dryRun ? null : (created[i]?.id ?? null),
      errors: line.errors,
    })),
  };
}

export async function setProfile(
  ctx: ServerContext,
  session: StoredSession,
  candidate: StoredCandidate,
  profile: Profile,
): Promise<void> {
  assertSessionOpen(session);
  const test = await ctx.store.tests.getByCandidate(candidate.id);
  if (test?.packageId) {
    throw conflict(
      'CANDIDATE_STARTED',
      "the candidate's test was generated from the profile already in place",
    );
  }
  await ctx.store.candidates.setProfiles([{ candidateId: candidate.id, profile }], ctx.now());
}

/** A profile's Pix total: what the report shows of a replaced profile, before and after. */
function pixTotal(profile: Profile): number {
  return profile.competences.reduce((sum, c) => sum + c.pix, 0);
}

/**
 * Gives each entry's profile to the candidate it names. A candidate who already has one gets it
 * replaced, and the report says so (`replaced`, with both Pix totals): the screen first asks for a dry
 * run, which stores nothing, and the referent confirms before profiles imported earlier are replaced.
 */
export async function importProfiles(
  ctx: ServerContext,
  session: StoredSession,
  request: z.output<typeof ProfileImportRequestSchema>,
): Promise<ProfileImportReport> {
  assertSessionOpen(session);
  const [candidates, tests] = await Promise.all([
    ctx.store.candidates.listBySession(session.id),
    ctx.store.tests.listBySession(session.id),
  ]);
  const started = new Set(tests.filter((t) => t.packageId !== null).map((t) => t.candidateId));
  const byExternalId = new Map<string, StoredCandidate[]>();
  const byKey = new Map<string, StoredCandidate[]>();
  for (const c of candidates) {
    if (c.externalId) byExternalId.set(c.externalId, [...(byExternalId.get(c.externalId) ?? []), c]);
    byKey.set(enrolledKey(c), [...(byKey.get(enrolledKey(c)) ?? []), c]);
  }
  const assigned = new Set<string>();
  const toStore: { candidateId: string; profile: Profile }[] = [];
  const entries = request.profiles.map((entry, index): ProfileImportReport['entries'][number] => {
    const reject = (message: string) => ({
      index,
      status: 'rejected' as const,
      candidateId: null,
      message,
      pixBefore: null,
      pixAfter: null,
    });
    let found: StoredCandidate[] | undefined;
    if (entry.externalId !== undefined) found = byExternalId.get(entry.externalId);
    else if (entry.lastName && entry.firstName && entry.birthdate) {
      found = byKey.get(
        enrolledKey({ lastName: entry.lastName, firstName: entry.firstName, birthdate: entry.birthdate }),
      );
    } else return reject('give externalId, or lastName, firstName and birthdate');
    if (!found || found.length === 0) return reject('no candidate of the session matches');
    if (found.length > 1) return reject('several candidates match: use externalId');
    const candidate = found[0] as StoredCandidate;
    if (started.has(candidate.id)) return reject("the candidate's test has already been generated");
    if (assigned.has(candidate.id)) return reject('another entry of the file already gives this profile');
    assigned.add(candidate.id);
    toStore.push({ candidateId: candidate.id, profile: entry.profile });
    const previous = candidate.profileImportedAt !== null ? candidate.profile : null;
    return {
      index,
      status: previous ? ('replaced' as const) : ('imported' as const),
      candidateId: candidate.id,
      message: null,
      pixBefore: previous ? pixTotal(previous) : null,
      pixAfter: pixTotal(entry.profile),
    };
  });
  if (!request.dryRun && toStore.length > 0) await ctx.store.candidates.setProfiles(toStore, ctx.now());
  const count = (status: ProfileImportReport['entries'][number]['status']) =>
    entries.filter((e) => e.status === status).length;
  if (!request.dryRun && count('replaced') > 0) {
    ctx.log.info(
      { sessionId: session.id, imported: count('imported'), replaced: count('replaced') },
      'profiles imported, some replacing profiles imported before',
    );
  }
  return {
    dryRun: request.dryRun,
    imported: count('imported'),
    replaced: count('replaced'),
    rejected: count('rejected'),
    entries,
  };
}
