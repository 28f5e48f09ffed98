// What each self-check line found, as a stable code and its parameters (issue 8): the screens word a
// line from these in the reader's language (renderer/shared/self-check/), while the station keeps its
// French sentence (`detail`, `action`) for logs, IT's terminal and older screens. This table is the one
// list of codes: the checks may emit only these, and the wording must have a sentence for each.
//
// A parameter is a string or a number; its kind below says which, '?' marks it optional, and a list
// names the only values it takes. Numbers are raw (seconds, bytes, milliseconds): the screens format them.
import type { ExtraDisplayRule } from '../lockdown/station-settings.ts';

/** Why a TLS connection was refused, as Node names it (the station words each one). */
export const SELF_CHECK_TLS_ERRORS = [
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
] as const;
export type SelfCheckTlsError = (typeof SELF_CHECK_TLS_ERRORS)[number];

/** Each TLS error in French: the station's own report text and the French screens say the same. */
export const SELF_CHECK_TLS_REASONS_FR: Readonly<Record<SelfCheckTlsError, string>> = {
  CERT_HAS_EXPIRED: 'le certificat du serveur a expiré',
  CERT_NOT_YET_VALID: 'le certificat du serveur n’est pas encore valide (ou l’horloge du poste est fausse)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'le certificat du serveur est auto-signé',
  SELF_SIGNED_CERT_IN_CHAIN: 'le certificat du serveur est émis par une autorité que le poste ne connaît pas',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'le certificat du serveur est émis par une autorité que le poste ne connaît pas',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'la chaîne de certificats du serveur est incomplète (certificat intermédiaire manquant)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'le certificat du serveur ne porte pas ce nom de serveur',
  CERT_REVOKED: 'le certificat du serveur est révoqué',
  EPROTO: 'le serveur ne parle pas TLS sur ce port',
  ERR_SSL_WRONG_VERSION_NUMBER: 'le serveur ne parle pas TLS sur ce port',
};

/** Where a setting came from (the station's settings layers, or the built-in default). */
export const SELF_CHECK_SETTINGS_SOURCES = ['managed', 'machine', 'user', 'default'] as const;

/** The journal already on the station, as the check found it ('none': not created yet). */
export const SELF_CHECK_JOURNAL_STATES = [
  'none',
  'intact',
  'inUse',
  'readOnly',
  'damaged',
  'unreadable',
] as const;
export type SelfCheckJournalState = (typeof SELF_CHECK_JOURNAL_STATES)[number];

/** The centre's rule for displays beyond the exam's (core/lockdown/station-settings.ts extraDisplays). */
export const SELF_CHECK_DISPLAY_RULES = ['cover', 'refuse'] as const;
export type SelfCheckDisplayRule = (typeof SELF_CHECK_DISPLAY_RULES)[number];
// The settings' own values: a rule added there fails to compile here until the screens can word it.
const _sameDisplayRules: [SelfCheckDisplayRule] extends [ExtraDisplayRule]
  ? [ExtraDisplayRule] extends [SelfCheckDisplayRule]
    ? true
    : false
  : false = true;

export type SelfCheckParamKind = 'string' | 'string?' | 'number' | 'number?' | readonly string[];

/** The managed and machine settings layers: where each was read from and the settings it set. */
const LAYERS = {
  /** Where the managed layer was read from (file path, registry key), when there is one. */
  managed: 'string?',
  /** The settings it set, comma-separated ('' when none was kept). */
  managedKeys: 'string?',
  machine: 'string?',
  machineKeys: 'string?',
} as const;

/** The station as its enrollment names it. */
const STATION = { stationId: 'string', name: 'string?', centre: 'string?' } as const;

/** The durable-write probe and the journal already there. */
const JOURNAL = {
  medianMs: 'number',
  maxMs: 'number',
  commits: 'number',
  journal: SELF_CHECK_JOURNAL_STATES,
  /** The journal's path, when it cannot be written to ('readOnly'). */
  journalFile: 'string?',
  /** SQLite's words or error code, when it is damaged or unreadable. */
  problem: 'string?',
} as const;

/** The centre's test addresses, by outcome: comma-separated lists, each absent when empty. */
const BROWSER = {
  /** Answered: "https://a.fr/ (200), https://b.fr/ (301)". */
  reached: 'string?',
  /** Refused by the station's URL policy. */
  blocked: 'string?',
  /** No answer: "https://a.fr/ (ENOTFOUND)". */
  unreachable: 'string?',
  /** Answered with a server error: "https://a.fr/ (503)". */
  erroring: 'string?',
  /** Sites that must stay blocked during an exam and are not. */
  leaks: 'string?',
} as const;

/** Every code a self-check line can carry, with its parameters. */
export const SELF_CHECK_CODE_PARAMS = {
  // Lines that need the server, when there is none to ask.
  'skipped.noServerUrl': {},
  'skipped.serverUnreachable': {},

  'settings.ok': LAYERS,
  'settings.fileRefused': { origin: 'string', problem: 'string' },
  'settings.noServerUrl': LAYERS,
  'settings.nothingFound': {},
  'settings.badValues': { values: 'string', origin: 'string' },
  'settings.badLockdownValues': { values: 'string', origin: 'string' },
  'settings.noSystemSettings': { source: SELF_CHECK_SETTINGS_SOURCES },
  'settings.userServerUrl': LAYERS,

  // `via`: the proxy that carried the request, or would have (absent: direct).
  'server.ok': { url: 'string', ms: 'number', serverVersion: 'string?', via: 'string?' },
  'server.tlsRefused': { url: 'string', tlsError: SELF_CHECK_TLS_ERRORS, via: 'string?' },
  'server.timeout': { url: 'string', seconds: 'number', via: 'string?' },
  'server.notFound': { url: 'string', via: 'string?' },
  'server.unreachable': { url: 'string', error: 'string?', via: 'string?' },
  'server.notPix': { url: 'string', status: 'number', via: 'string?' },

  'clock.noServerTime': {},
  'clock.inSync': {},
  /** `seconds`: how far behind or ahead of the server's clock. */
  'clock.behind': { seconds: 'number' },
  'clock.ahead': { seconds: 'number' },

  'version.serverTooOld': { version: 'string' },
  /** The server's version is older than the station's: it may refuse what the station sends. */
  'version.serverOlder': { version: 'string', serverVersion: 'string' },
  'version.refused': { version: 'string', minimum: 'string' },
  'version.accepted': { version: 'string', minimum: 'string' },
  'version.acceptedAny': { version: 'string' },

  'tls.badUrl': {},
  'tls.plainHttp': { origin: 'string' },
  'tls.notTls': { tlsError: SELF_CHECK_TLS_ERRORS },
  'tls.noConnection': { error: 'string?' },
  'tls.refused': { tlsError: SELF_CHECK_TLS_ERRORS },
  'tls.refusedOther': { error: 'string?' },
  'tls.valid': {},
  /** `until`: the certificate's last day (YYYY-MM-DD, or the certificate's own words). */
  'tls.validUntil': { until: 'string', issuer: 'string?' },
  'tls.expiresSoon': { until: 'string', issuer: 'string?', days: 'number' },

  'enrollment.keyUnreadable': { problem: 'string' },
  'enrollment.noKey': {},
  'enrollment.notEnrolled': { stationId: 'string' },
  'enrollment.otherKey': { enrolledId: 'string', stationId: 'string' },
  'enrollment.otherServer': { enrolledServer: 'string', serverUrl: 'string?' },
  'enrollment.localOk': {},
  'enrollment.confirmed': STATION,
  'enrollment.unconfirmed': STATION,
  /** `message`: the server's refusal (English, for IT). */
  'enrollment.refused': { ...STATION, message: 'string' },
  'enrollment.refusedClock': { ...STATION, message: 'string' },
  'enrollment.notConfirmed': { ...STATION, message: 'string' },

  'displays.notMeasurable': {},
  'displays.unreadable': { error: 'string?' },
  'displays.none': {},
  /** Displays are described as "label (1920×1080)" or "1920×1080", comma-separated. */
  'displays.extraRefused': { count: 'number', rule: SELF_CHECK_DISPLAY_RULES, offending: 'string' },
  'displays.mirrorRefused': { count: 'number', rule: SELF_CHECK_DISPLAY_RULES, offending: 'string' },
  'displays.covered': { count: 'number', rule: SELF_CHECK_DISPLAY_RULES, extra: 'string' },
  'displays.mirrored': { count: 'number', rule: SELF_CHECK_DISPLAY_RULES, extra: 'string' },
  'displays.ok': { display: 'string', rule: SELF_CHECK_DISPLAY_RULES },

  /** `bytes`: free for the station's account on the disk holding `folder`. */
  'disk.ok': { bytes: 'number', folder: 'string' },
  'disk.low': { bytes: 'number', folder: 'string' },
  'disk.unreadable': { folder: 'string', error: 'string?' },

  'journal.ok': JOURNAL,
  'journal.slow': JOURNAL,
  'journal.unusable': JOURNAL,
  'journal.notWritable': { folder: 'string', error: 'string?' },

  'browser.ok': BROWSER,
  'browser.blocked': BROWSER,
  'browser.unreachable': BROWSER,
  'browser.erroring': BROWSER,
  'browser.leaks': BROWSER,
  'browser.noUrls': {},
  'browser.noUrlsLeaks': { leaks: 'string' },
} as const satisfies Record<string, Record<string, SelfCheckParamKind>>;

type Spec = typeof SELF_CHECK_CODE_PARAMS;
export type SelfCheckCode = keyof Spec;

/** Every code, in the table's order. */
export const SELF_CHECK_CODES = Object.keys(SELF_CHECK_CODE_PARAMS) as SelfCheckCode[];

type ValueOf<K> = K extends 'string' | 'string?'
  ? string
  : K extends 'number' | 'number?'
    ? number
    : K extends readonly (infer V)[]
      ? V
      : never;
type OptionalKeys<S> = { [P in keyof S]: S[P] extends 'string?' | 'number?' ? P : never }[keyof S];
type Flatten<T> = { [P in keyof T]: T[P] };

/** The parameters of one code, typed from the table. */
export type SelfCheckParamsOf<C extends SelfCheckCode> = Flatten<
  { [P in Exclude<keyof Spec[C], OptionalKeys<Spec[C]>>]: ValueOf<Spec[C][P]> } & {
    [P in OptionalKeys<Spec[C]>]?: ValueOf<Spec[C][P]>;
  }
>;

/** A code with its parameters: what one line found. */
export type SelfCheckFinding = {
  [C in SelfCheckCode]: { code: C; params: SelfCheckParamsOf<C> };
}[SelfCheckCode];

/** Any line's parameters as they travel (report, server): names to strings or numbers. */
export type SelfCheckParams = Record<string, string | number>;

export function isSelfCheckCode(code: unknown): code is SelfCheckCode {
  return typeof code === 'string' && Object.hasOwn(SELF_CHECK_CODE_PARAMS, code);
}

/** Whether `params` are exactly what `code` takes: every required one, of its kind, and nothing else. */
export function selfCheckParamsFit(code: SelfCheckCode, params: SelfCheckParams): boolean {
  const spec: Record<string, SelfCheckParamKind> = SELF_CHECK_CODE_PARAMS[code];
  for (const name of Object.keys(params)) if (!Object.hasOwn(spec, name)) return false;
  return Object.entries(spec).every(([name, kind]) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof kind !== 'string') return typeof value === 'string' && kind.includes(value);
    if (value === undefined) return kind.endsWith('?');
    return typeof value === (kind.startsWith('number') ? 'number' : 'string');
  });
}
