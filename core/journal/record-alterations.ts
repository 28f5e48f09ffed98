// Test helper: one valid record body of every kind, and generated alterations of records (a value
// replaced or removed at a path into the envelope, the payload or the answer), to check that two
// schema checks accept and refuse the same records.
import fc from 'fast-check';
import { oddValue } from '../hashing/odd-json.ts';
import { PACKAGE_HASH } from './chain-fixtures.ts';
import { RecordBodySchema, type RecordBody } from './journal-record.ts';

/** One valid body of every kind. */
export const everyKind: RecordBody[] = [
  { kind: 'testOpened', payload: { sessionId: 's1', candidateId: 'c1', stationId: 'st-1' } },
  {
    kind: 'packageStored',
    payload: { packageId: 'pkg-1', packageHash: PACKAGE_HASH, challengeCount: 2, allowedMs: 6_300_000 },
  },
  { kind: 'started', payload: { authorization: 'cmd-1' } },
  { kind: 'resumed', payload: { authorization: 'cmd-2', downtimeMs: 0 } },
  {
    kind: 'answered',
    payload: {
      challengeId: 'rec1',
      value: { type: 'fields', fields: { reponse: 'Paris', autre: '' } },
      timeSpentMs: 900,
      timedOut: false,
      focusedOut: true,
    },
  },
  {
    kind: 'answered',
    payload: {
      challengeId: 'rec2',
      value: { type: 'choices', choices: ['1', '3'] },
      timeSpentMs: 0,
      timedOut: true,
      focusedOut: false,
    },
  },
  { kind: 'skipped', payload: { challengeId: 'rec3', timeSpentMs: 300 } },
  { kind: 'focusLost', payload: { challengeId: 'rec3' } },
  { kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: 'rec3' } },
  {
    kind: 'alertDecided',
    payload: { alertId: 'al-1', challengeId: 'rec3', decision: 'validated', reasonCode: 'E3' },
  },
  { kind: 'alertWithdrawn', payload: { alertId: 'al-2', challengeId: 'rec3' } },
  { kind: 'paused', payload: { cause: 'invigilator', reason: 'malaise' } },
  { kind: 'paused', payload: { cause: 'invigilator', reason: 'calme', authorization: 'cmd-5' } },
  { kind: 'unpaused', payload: { authorization: null } },
  { kind: 'timeAdded', payload: { addedMs: 60_000, authorization: 'cmd-3' } },
  { kind: 'navigation', payload: { url: 'https://exemple.pix-demo.test/', allowed: false, rule: null } },
  { kind: 'lockdown', payload: { event: 'focusLost', detail: '' } },
  {
    kind: 'lockdown',
    payload: {
      event: 'forbiddenProcess',
      detail: 'Logiciel interdit en cours d’exécution : AnyDesk (anydesk.exe, prise de main à distance).',
      facts: { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['anydesk.exe'] },
    },
  },
  {
    kind: 'lockdown',
    payload: {
      event: 'rendererCrashed',
      detail: 'L’écran du test s’est arrêté (crashed, code 139).',
      facts: {
        type: 'crash',
        process: 'screen',
        reason: 'crashed',
        exitCode: 139,
        crashes: 4,
        windowMs: 60_000,
        restarted: false,
      },
    },
  },
  {
    kind: 'lockdown',
    payload: {
      event: 'displayAdded',
      detail: 'Écran branché : HP E24 (1280×1024).',
      facts: { type: 'display', label: 'HP E24', width: 1280, height: 1024, handling: 'covered' },
    },
  },
  { kind: 'lockdown', payload: { event: 'focusRegained', detail: '', facts: { type: 'away', awayMs: 1 } } },
  { kind: 'ended', payload: { reason: 'timeUp', authorization: 'cmd-4' } },
];
/** A path into a record: the envelope's fields, the payload's, the answer's. */
export const recordPaths: (readonly string[])[] = [
  ['testId'],
  ['seq'],
  ['wallAt'],
  ['elapsedMs'],
  ['prevHash'],
  ['hash'],
  ['kind'],
  ['payload'],
  ['extra'],
  ...[
    'sessionId',
    'packageHash',
    'challengeCount',
    'authorization',
    'downtimeMs',
    'challengeId',
    'value',
    'timeSpentMs',
    'timedOut',
    'decision',
    'reasonCode',
    'cause',
    'reason',
    'url',
    'allowed',
    'rule',
    'event',
    'extra',
  ].map((key) => ['payload', key]),
  ['payload', 'value', 'type'],
  ['payload', 'value', 'choices'],
  ['payload', 'value', 'fields'],
  ['payload', 'value', 'fields', 'reponse'],
  ['payload', 'value', 'extra'],
  ...[
    'type',
    'name',
    'category',
    'executables',
    'exitCode',
    'crashes',
    'label',
    'width',
    'awayMs',
    'extra',
  ].map((key) => ['payload', 'facts', key]),
  ['payload', 'facts'],
];

/** A copy of `record` with the value at `path` replaced (or removed when `value` is undefined). */
export function altered(record: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base: Record<string, unknown> =
    typeof record === 'object' && record !== null && !Array.isArray(record)
      ? { ...(record as Record<string, unknown>) }
      : {};
  const next = altered(base[head], rest, value);
  if (next === undefined) delete base[head];
  else base[head] = next;
  return base;
}

export const replacement = fc.oneof(
  oddValue,
  fc.constantFrom(
    ...RecordBodySchema.options.map((o) => o.shape.kind.value),
    'E3',
    'invigilator',
    'finished',
    'dismissed',
    'focusLost',
    '',
    'x'.repeat(65),
    'x'.repeat(101),
    2 ** 32,
    'a'.repeat(64),
    -1,
    0,
    1.5,
    null,
  ),
);
