// The challenge bank of a centre: imported as JSON (validated with core's ChallengeSchema, checked for
// consistency with core's bank index), attachments and illustrations stored once by the SHA-256 of
// their bytes. A bank is all or nothing: one invalid challenge and nothing is stored, with the reasons.
// The bytes are shared by every centre, but each centre reads only the files it uploaded or its bank
// cites (its references, each with the centre's media type), so no centre reads or retypes another's.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ChallengeSchema, isOperative, type Challenge } from '../../core/challenge/challenge.ts';
import {
  BANK_PROBLEMS_LISTED,
  type BankImportRequestSchema,
  type BankProblem,
  type BankSummarySchema,
} from '../../core/contracts/centre-api.ts';
import { COMPETENCE_CODES } from '../../core/framework/crcn.ts';
import { parseSkill } from '../../core/framework/skill.ts';
import { indexBank, type BankIndex } from '../../core/generation/bank-index.ts';
import { InconsistentBankError } from '../../core/generation/generation-errors.ts';
import { describeIssues } from '../../core/validation/describe-issues.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, conflict, unprocessable } from '../http/api-error.ts';
import type { StoredContent } from '../storage/repositories.ts';
import { withCentreContent } from './centre-content-lock.ts';
import { sweepAfterImport } from './content-sweep.ts';

export type BankSummary = z.infer<typeof BankSummarySchema>;

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function summarizeBank(bank: readonly Challenge[]): BankSummary {
  const operative = bank.filter(isOperative);
  const byType: Record<string, number> = {};
  for (const c of operative) byType[c.type] = (byType[c.type] ?? 0) + 1;
  return {
    challenges: bank.length,
    operative: operative.length,
    byCompetence: COMPETENCE_CODES.map((code) => {
      const mine = operative.filter((c) => c.competence === code);
      const byLevel: Record<string, number> = {};
      for (const c of mine) {
        const level = String(parseSkill(c.skill).difficulty);
        byLevel[level] = (byLevel[level] ?? 0) + 1;
      }
      return { code, challenges: mine.length, byLevel };
    }).filter((entry) => entry.challenges > 0),
    byType,
    attachments: operative.filter((c) => c.attachments.length > 0).length,
    illustrations: operative.filter((c) => c.illustration !== undefined).length,
    embeds: operative.filter((c) => c.embed !== undefined).length,
  };
}

interface NeededContent {
  hash: string;
  mediaType: string;
  size: number | null;
  fileName: string | null;
}

/** The stored files a challenge needs: its attachments (by file name) and its illustration (null). */
function neededContent(challenge: Challenge): NeededContent[] {
  const needs: NeededContent[] = challenge.attachments.map((a) => ({
    hash: a.hash,
    mediaType: a.mediaType,
    size: a.size,
    fileName: a.fileName,
  }));
  const illustration = challenge.illustration;
  if (illustration)
    needs.push({ hash: illustration.hash, mediaType: illustration.mediaType, size: null, fileName: null });
  return needs;
}

// One bank import at a time per server: each holds its body, the parsed JSON, the base64 strings and the
// decoded bytes (hundreds of MB for a large bank), so parallel imports could exhaust the memory.
const importing = new WeakSet<ServerContext>();

/** Claims the server's bank import, or refuses with 409; the returned release may be called twice. */
export function claimBankImport(ctx: ServerContext): () => void {
  if (importing.has(ctx)) {
    throw conflict(
      'BANK_IMPORT_BUSY',
      'another bank import is in progress on this server: retry once it ends',
    );
  }
  importing.add(ctx);
  let held = true;
  return () => {
    if (held) importing.delete(ctx);
    held = false;
  };
}

export async function importBank(
  ctx: ServerContext,
  centreId: string,
  request: z.output<typeof BankImportRequestSchema>,
): Promise<{ imported: number; contentStored: number; summary: BankSummary }> {
  const rawChallenges = Array.isArray(request) ? request : request.challenges;
  const inline = Array.isArray(request) ? [] : request.content;

  const problems: BankProblem[] = [];
  const challenges: Challenge[] = [];
  rawChallenges.forEach((raw, index) => {
    const parsed = ChallengeSchema.safeParse(raw);
    if (parsed.success) challenges.push(parsed.data);
    else {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : null;
      problems.push({
        kind: 'invalidChallenge',
        index,
        challengeId: id,
        detail: describeIssues(parsed.error),
      });
    }
  });
  if (problems.length > 0) throw invalidBank(problems);

  const needs = challenges.flatMap((c) => neededContent(c).map((n) => ({ ...n, challenge: c.id })));
  // Files no imported challenge cites are left out (the import report counts only the stored ones).
  const cited = new Set(needs.map((n) => n.hash));
  const content: StoredContent[] = [];
  inline.forEach((item, index) => {
    const bytes = Buffer.from(item.base64, 'base64');
    const hash = contentHash(bytes);
    if (item.hash !== undefined && item.hash !== hash) {
      problems.push({ kind: 'contentHashMismatch', index, hash, expected: item.hash });
    } else if (cited.has(hash)) content.push({ hash, mediaType: item.mediaType, size: bytes.length, bytes });
  });
  if (problems.length > 0) throw invalidBank(problems);

  // Consistency is checked on the bank as it will be: the stored one with this import laid over it.
  const existing = await ctx.store.bank.list(centreId);
  const merged = new Map(existing.map((c) => [c.id, c]));
  for (const c of challenges) merged.set(c.id, c);
  const ids = new Set<string>();
  for (const c of challenges) {
    if (ids.has(c.id)) problems.push({ kind: 'duplicateChallenge', challengeId: c.id });
    ids.add(c.id);
  }
  try {
    indexBank([...merged.values()]);
  } catch (error) {
    if (!(error instanceof InconsistentBankError)) throw error;
    // Its conflict is one of the problems a refusal lists (BankProblemSchema), as it is.
    problems.push(error.conflict);
  }

  const inlineSizes = new Map(content.map((c) => [c.hash, c.size]));
  // A file not in the import must be one this centre already has: another centre's, or its existence, stays unknown.
  const missing = new Set(
    await ctx.store.content.missing(
      centreId,
      needs.map((n) => n.hash).filter((h) => !inlineSizes.has(h)),
    ),
  );
  for (const need of needs) {
    if (missing.has(need.hash)) {
      problems.push({
        kind: 'missingContent',
        challengeId: need.challenge,
        fileName: need.fileName,
        hash: need.hash,
      });
    } else if (need.size !== null && need.fileName !== null) {
      const size = inlineSizes.get(need.hash) ?? (await ctx.store.content.get(need.hash))?.size;
      if (size !== undefined && size !== need.size) {
        problems.push({
          kind: 'contentSize',
          challengeId: need.challenge,
          fileName: need.fileName,
          size,
          expected: need.size,
        });
      }
    }
  }
  if (problems.length > 0) throw invalidBank(problems);
  // The quota's read and the files' writes are one turn for the centre (centre-content-lock.ts).
  const forgotten = await withCentreContent(ctx, centreId, async () => {
    // Every file the bank cites but does not carry is one the centre has: only carried ones can be new.
    const unreferenced = new Set(await ctx.store.content.missing(centreId, [...inlineSizes.keys()]));
    const citedByBank = new Set([...merged.values()].flatMap((c) => neededContent(c).map((n) => n.hash)));
    const stale = await assertWithinQuota(
      ctx,
      centreId,
      content.filter((c) => unreferenced.has(c.hash)).reduce((sum, c) => sum + c.size, 0),
      citedByBank,
    );

    const now = ctx.now();
    for (const c of content) await ctx.store.content.put(centreId, c, now);
    // The centre reads each file under the type its challenges give it, as its stations show it.
    await ctx.store.content.reference(centreId, needs, now);
    // Files the bank no longer cites, uploaded long ago, stop counting against the centre's quota.
    await ctx.store.content.forget(centreId, stale);
    await ctx.store.bank.importChallenges(centreId, challenges, now);
    return stale.length;
  });
  ctx.bankCache.delete(centreId);
  // Their bytes go once no other centre references them and no test package cites them (content-sweep.ts).
  if (forgotten > 0) await sweepAfterImport(ctx);
  return {
    imported: challenges.length,
    contentStored: content.length,
    summary: summarizeBank([...merged.values()]),
  };
}

/** A problem in the server's words (the error's message, for logs and clients that do not word it). */
function describeProblem(p: BankProblem): string {
  switch (p.kind) {
    case 'invalidChallenge':
      return `challenge ${p.index}${p.challengeId === null ? '' : ` (${p.challengeId})`}: ${p.detail}`;
    case 'contentHashMismatch':
      return `content ${p.index}: the bytes' SHA-256 is ${p.hash}, not ${p.expected}`;
    case 'duplicateChallenge':
      return `challenge ${p.challengeId} appears twice in the file`;
    case 'skillInTwoCompetences':
      return (
        `the challenge bank is inconsistent: the skill ${p.skill} belongs to competence ${p.competence} ` +
        `but challenge ${p.challengeId} puts it in ${p.otherCompetence}`
      );
    case 'missingContent':
      return `challenge ${p.challengeId}: ${p.fileName ?? 'illustration'} (${p.hash}) is neither in the file nor stored`;
    case 'contentSize':
      return `challenge ${p.challengeId}: ${p.fileName} is ${p.size} bytes, not ${p.expected}`;
  }
}

function invalidBank(problems: BankProblem[]): ApiError {
  const shown = problems.slice(0, BANK_PROBLEMS_LISTED);
  const moreProblems = problems.length - shown.length;
  const more = moreProblems > 0 ? ` (and ${moreProblems} more)` : '';
  return new ApiError(
    422,
    'INVALID_BANK',
    `nothing was imported: ${shown.map(describeProblem).join('; ')}${more}`,
    {},
    { problems: shown, moreProblems },
  );
}

/** Stores uploaded bytes for the centre, under the media type it gives them (for it alone). */
export async function storeContent(
  ctx: ServerContext,
  centreId: string,
  expectedHash: string,
  mediaType: string,
  bytes: Buffer,
): Promise<StoredContent> {
  const hash = contentHash(bytes);
  if (hash !== expectedHash) {
    throw unprocessable('HASH_MISMATCH', `the bytes' SHA-256 is ${hash}, not ${expectedHash}`);
  }
  if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(mediaType)) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      'the content type must be a media type such as application/pdf',
    );
  }
  const content = { hash, mediaType, size: bytes.length, bytes };
  await withCentreContent(ctx, centreId, async () => {
    const known = (await ctx.store.content.missing(centreId, [hash])).length === 0;
    if (!known)
      await assertWithinQuota(ctx, centreId, bytes.length, (await centreBank(ctx, centreId)).contentHashes);
    await ctx.store.content.put(centreId, content, ctx.now());
  });
  return content;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * A file the centre uploaded stops counting against its quota a day after it was last uploaded or cited,
 * once its bank no longer cites it: files sent for an import still to come keep their place, while the
 * files of banks replaced since do not fill the quota for ever. The next import forgets such files, and
 * their bytes are deleted when nothing else cites them (content-sweep.ts).
 */
export const UNCITED_CONTENT_KEPT_MS = 24 * 3600_000;

/**
 * One centre's files stay within its quota (config.contentQuotaBytes): the disk is every centre's.
 * `cited`: the files its bank cites (as it will be). Returns the stale files, which the import forgets.
 */
async function assertWithinQuota(
  ctx: ServerContext,
  centreId: string,
  adding: number,
  cited: ReadonlySet<string>,
): Promise<string[]> {
  const since = ctx.now() - UNCITED_CONTENT_KEPT_MS;
  const files = await ctx.store.content.centreFiles(centreId);
  const counted = files.filter((f) => cited.has(f.hash) || f.at >= since);
  const stale = files.filter((f) => !cited.has(f.hash) && f.at < since).map((f) => f.hash);
  const used = counted.reduce((sum, f) => sum + f.size, 0);
  const quota = ctx.config.contentQuotaBytes;
  if (adding === 0 || used + adding <= quota) return stale;
  throw unprocessable(
    'CONTENT_QUOTA_EXCEEDED',
    `the centre's files would take ${megabytes(used + adding)} MB, over its ${megabytes(quota)} MB quota: nothing was stored`,
  );
}

// ------------------------------------------------------------------ the bank, indexed once per version

export interface CachedBank {
  version: number;
  index: BankIndex;
  byId: ReadonlyMap<string, Challenge>;
  /** Every attachment and illustration the bank uses: what its stations may download. */
  contentHashes: ReadonlySet<string>;
}

/** The centre's bank indexed for generation and checking; rebuilt only after an import. */
export async function centreBank(ctx: ServerContext, centreId: string): Promise<CachedBank> {
  const centre = await ctx.store.centres.get(centreId);
  const version = centre?.bankVersion ?? 0;
  const cached = ctx.bankCache.get(centreId);
  if (cached && cached.version === version) return cached;
  const bank = await ctx.store.bank.list(centreId);
  const fresh = {
    version,
    index: indexBank(bank),
    byId: new Map(bank.map((c) => [c.id, c])),
    contentHashes: new Set(bank.flatMap((c) => neededContent(c).map((n) => n.hash))),
  };
  ctx.bankCache.set(centreId, fresh);
  return fresh;
}
