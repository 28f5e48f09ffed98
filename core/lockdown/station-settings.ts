// The station's settings: where they come from (managed > machine > user > defaults, resolved in
// main/station/settings/) and what each one may hold. Shared with the server, which sends a centre's
// choices (display rule, URL rules) and stores what IT deploys.
import { z } from 'zod';
import { createDefaultUrlPolicy } from './default-block-list.ts';
import { defaultProcessDenyListSetting, ProcessDenyListSettingSchema } from './process-deny-list.ts';
import { UrlPolicySchema } from './url-policy.ts';

export const EXTRA_DISPLAY_RULES = ['cover', 'refuse'] as const;
/** Displays beyond the exam display: hidden behind a blank window, or the exam is refused. */
export const ExtraDisplayRuleSchema = z.enum(EXTRA_DISPLAY_RULES);
export type ExtraDisplayRule = z.infer<typeof ExtraDisplayRuleSchema>;

/**
 * The local invigilator code, stored only as PBKDF2-SHA256 (computable with PowerShell, Python or
 * OpenSSL, so IT can produce it without our tools): `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
 */
export const InvigilatorCodeHashSchema = z
  .string()
  .regex(
    /^pbkdf2-sha256\$[1-9][0-9]{5,7}\$[A-Za-z0-9+/]{16,88}={0,2}\$[A-Za-z0-9+/]{43}=$/,
    'must be pbkdf2-sha256$<iterations ≥ 100000>$<salt base64>$<32-byte hash base64>',
  );

/** An http(s) address without user or password, or null. */
function httpAddress(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
    ? url
    : null;
}

const ServerUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => httpAddress(value) !== null,
    'must be an http(s) address without user or password, e.g. https://pix.lycee.example',
  );

/**
 * How the station reaches its server: the system's proxy settings (as the challenge browser does,
 * PAC and WPAD included), no proxy, or one named proxy (http or https, host and port, no credentials).
 */
export const ServerProxySchema = z.union([
  z.literal('system'),
  z.literal('direct'),
  z
    .string()
    .trim()
    .max(2048)
    .refine((value) => {
      const url = httpAddress(value);
      // As the station reads a proxy's address (main/station/network/proxy-list.ts).
      return (
        url !== null &&
        /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)$/.test(url.hostname) &&
        url.port !== '0' &&
        url.pathname === '/' &&
        !url.search &&
        !url.hash
      );
    }, 'must be "system", "direct" or a proxy address without user, password or path, e.g. http://proxy.lycee.example:3128'),
]);
export type ServerProxy = z.infer<typeof ServerProxySchema>;

/** Each setting on its own, so one bad value in a file is reported and dropped alone. */
export const STATION_SETTING_FIELDS = {
  /** The centre's certification server. */
  serverUrl: ServerUrlSchema.nullable(),
  /** The route of the station's own requests to its server (not the challenge browser's). */
  serverProxy: ServerProxySchema,
  /** The centre's name, shown on the station's home screen. */
  centre: z.string().trim().min(1).max(120).nullable(),
  /** How this station is named to the invigilator ("Salle B - poste 12"); the computer name if unset. */
  stationName: z.string().trim().min(1).max(64).nullable(),
  extraDisplays: ExtraDisplayRuleSchema,
  urlPolicy: UrlPolicySchema,
  /**
   * Software that must not run during a test (remote control, screen sharing, messaging, AI
   * assistants): shipped entries switched off, the centre's own, and whether a detection pauses the test.
   */
  processDenyList: ProcessDenyListSettingSchema,
  /** No code set: the station can be closed only between candidates. */
  invigilatorCodeHash: InvigilatorCodeHashSchema.nullable(),
  /** Days a result the server acknowledged stays on the station before it is erased. */
  retentionDays: z.number().int().min(1).max(365),
  language: z.enum(['fr', 'en']),
  /** Offline demo: `https://<site>.pix-demo.test/` is served from the server's /demo-sites/. */
  demoMode: z.boolean(),
  /**
   * The enrollment code a referent created for the centre: with it, the station enrolls itself at its
   * first start, so IT deploys a whole room without typing anything on each machine.
   */
  enrollmentCode: z.string().trim().min(6).max(64).nullable(),
  /** The challenge browser's home page (a search engine the centre chose); a blank page if unset. */
  browserHomeUrl: z
    .url({ protocol: /^https$/, error: 'must be an https address' })
    .max(2048)
    .nullable(),
} as const;

export type StationSettingKey = keyof typeof STATION_SETTING_FIELDS;
export const STATION_SETTING_KEYS = Object.keys(STATION_SETTING_FIELDS) as StationSettingKey[];

export const StationSettingsSchema = z.object(STATION_SETTING_FIELDS).strict();
export type StationSettings = z.infer<typeof StationSettingsSchema>;

/** One layer (a file, the registry, the user's store): any subset of the settings. */
export type StationSettingsLayer = Partial<StationSettings>;

export function defaultStationSettings(): StationSettings {
  return {
    serverUrl: null,
    serverProxy: 'system',
    centre: null,
    stationName: null,
    extraDisplays: 'cover',
    urlPolicy: createDefaultUrlPolicy(),
    processDenyList: defaultProcessDenyListSetting(),
    invigilatorCodeHash: null,
    retentionDays: 30,
    language: 'fr',
    demoMode: false,
    browserHomeUrl: null,
    enrollmentCode: null,
  };
}

/**
 * What the candidate's own account may set (the user layer lives in files that account can write):
 * nothing that weakens the lockdown. Everything else comes from IT (managed, machine) or defaults.
 */
export const USER_SETTABLE_KEYS: readonly StationSettingKey[] = [
  'serverUrl',
  'stationName',
  'centre',
  'language',
];
