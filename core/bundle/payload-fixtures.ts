// Test helper: a result bundle payload around a chain of records, with the fields a test cares about
// given as overrides.
import { chainOf, PACKAGE_HASH } from '../journal/chain-fixtures.ts';
import type { ResultBundlePayload } from './result-bundle.ts';

export function samplePayload(overrides: Partial<ResultBundlePayload> = {}): ResultBundlePayload {
  const records = overrides.records ?? chainOf('test-1');
  return {
    formatVersion: 1,
    testId: 'test-1',
    sessionId: 's1',
    candidateId: 'c1',
    stationId: 'st-0123456789abcdef0123',
    packageId: 'pkg-1',
    packageHash: PACKAGE_HASH,
    endReason: 'finished',
    records,
    chainHead: records.at(-1)?.hash ?? '',
    clock: { allowedMs: 6_300_000, elapsedMs: 5000, downtimeMs: 0, addedMs: 0 },
    serverClockOffsetMs: -120,
    sealedAt: '2026-11-22T10:45:00.000Z',
    ...overrides,
  };
}
