// A station journal for tests: records chained exactly as the station chains them (core's recordHash),
// answers built from the bank's solutions (right or wrong on purpose), and result bundles signed with
// jose as the station seals them (core's bundle schema).
import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { Challenge } from '../../core/challenge/challenge.ts';
import {
  RESULT_BUNDLE_ALG,
  RESULT_BUNDLE_TYPE,
  type ResultBundlePayload,
} from '../../core/bundle/result-bundle.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import { recordHash } from '../../core/journal/chain.ts';
import { GENESIS_HASH, type JournalRecord, type RecordBody } from '../../core/journal/journal-record.ts';
import { packageAllowedMs, type TestPackage } from '../../core/package/test-package.ts';

export class TestJournal {
  readonly testId: string;
  readonly records: JournalRecord[] = [];
  wallAt: number;
  elapsedMs = 0;

  constructor(
    testId: string,
    wallStart = Date.parse('2026-12-08T08:00:00Z'),
    existing: JournalRecord[] = [],
  ) {
    this.testId = testId;
    this.wallAt = wallStart;
    this.records.push(...existing);
  }

  append(body: RecordBody, stepMs = 20_000): JournalRecord {
    this.wallAt += stepMs;
    if (this.records.some((r) => r.kind === 'started')) this.elapsedMs += stepMs;
    const seq = this.records.length + 1;
    const unhashed = {
      testId: this.testId,
      seq,
      wallAt: this.wallAt,
      elapsedMs: this.elapsedMs,
      prevHash: this.records.at(-1)?.hash ?? GENESIS_HASH,
      ...body,
    };
    const record = { ...unhashed, hash: recordHash(unhashed) } as JournalRecord;
    this.records.push(record);
    return record;
  }

  /** testOpened, packageStored and started: the test is in progress. */
  open(
    ids: { sessionId: string; candidateId: string; stationId: string },
    pkg: TestPackage,
    packageHash: string,
    authorization = 'cmd_start',
  ) {
    this.append({ kind: 'testOpened', payload: ids }, 1000);
    this.start(pkg, packageHash, authorization);
  }

  /** packageStored and started, after a testOpened: the test is in progress. */
  start(pkg: TestPackage, packageHash: string, authorization = 'cmd_start') {
    this.append(
      {
        kind: 'packageStored',
        payload: {
          packageId: pkg.packageId,
          packageHash,
          challengeCount: pkg.challenges.length,
          allowedMs: packageAllowedMs(pkg),
        },
      },
      1000,
    );
    this.append({ kind: 'started', payload: { authorization } }, 1000);
  }

  answer(challenge: Challenge, right: boolean): JournalRecord {
    return this.append({
      kind: 'answered',
      payload: {
        challengeId: challenge.id,
        value: answerFor(challenge, right),
        timeSpentMs: 20_000,
        timedOut: false,
        focusedOut: false,
      },
    });
  }

  end(reason: EndReason = 'finished', authorization: string | null = null): JournalRecord {
    return this.append({ kind: 'ended', payload: { reason, authorization } });
  }

  since(seq: number): JournalRecord[] {
    return this.records.filter((r) => r.seq > seq);
  }
}

/** An answer that the core checker finds right (or wrong) for this challenge. */
export function answerFor(challenge: Challenge, right: boolean): AnswerValue {
  const s = challenge.solution;
  const fields = challenge.fields ?? [];
  switch (s.type) {
    case 'QCU': {
      const other = challenge.choices?.find((c) => c.id !== s.value)?.id ?? 'x';
      return { type: 'choice', choice: right ? s.value : other };
    }
    case 'QCM':
      return { type: 'choices', choices: right ? s.value.split(',') : ['zz'] };
    case 'QROC':
      return {
        type: 'fields',
        fields: { [fields[0]?.name ?? 'reponse']: right ? (s.variants[0] ?? '') : 'qqqqqqqqqq' },
      };
    case 'QROCM-ind':
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f) => [f.name, right ? (s.fields[f.name]?.[0] ?? '') : 'qqqqqqqqqq']),
        ),
      };
    case 'QROCM-dep':
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f, i) => [f.name, right ? (s.variants[i] ?? '') : 'qqqqqqqqqq']),
        ),
      };
  }
}

export interface BundleInput {
  journal: TestJournal;
  sessionId: string;
  candidateId: string;
  stationId: string;
  pkg: TestPackage;
  packageHash: string;
  endReason?: EndReason;
  /** Override anything (to build a lying bundle). */
  override?: Partial<ResultBundlePayload>;
}

export function bundlePayload(input: BundleInput): ResultBundlePayload {
  const allowedMs = packageAllowedMs(input.pkg);
  return {
    formatVersion: 1,
    testId: input.journal.testId,
    sessionId: input.sessionId,
    candidateId: input.candidateId,
    stationId: input.stationId,
    packageId: input.pkg.packageId,
    packageHash: input.packageHash,
    endReason: input.endReason ?? 'finished',
    records: input.journal.records,
    chainHead: input.journal.records.at(-1)?.hash ?? GENESIS_HASH,
    clock: { allowedMs, elapsedMs: input.journal.elapsedMs, downtimeMs: 0, addedMs: 0 },
    serverClockOffsetMs: 0,
    sealedAt: new Date(input.journal.wallAt).toISOString(),
    ...input.override,
  };
}

export async function signBundle(payload: unknown, key: KeyObject): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: RESULT_BUNDLE_ALG, typ: RESULT_BUNDLE_TYPE })
    .sign(key);
}
