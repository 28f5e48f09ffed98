// Where IT puts the station's settings on each OS, and the checks that make a file trustworthy: a
// managed setting the candidate could edit would be no lockdown at all. The checks read the system
// through small ports (node-ports.ts implements them), so every rule is tested with fakes.
//
//   Linux    managed  /etc/pix-certification/managed.json    root-owned, not group/other-writable,
//            machine  /etc/pix-certification/station.json    and so is every folder above it
//   Windows  managed  HKLM\SOFTWARE\Policies\Pix\CertificationStation (Group Policy), or
//                     %ProgramData%\Pix\CertificationStation\managed.json
//            machine  %ProgramData%\Pix\CertificationStation\station.json
//                     (files: only SYSTEM, Administrators and TrustedInstaller may write them)
//   macOS    managed  /Library/Managed Preferences/fr.pix.certification.station.plist (configuration
//                     profile installed by MDM: root-owned, as macOS writes it)
//            machine  /Library/Application Support/Pix Certification Station/station.json
import type { RawLayer } from './resolve-settings.ts';

export type Platform = 'win32' | 'linux' | 'darwin';

export const APP_ID = 'fr.pix.certification.station';
export const WINDOWS_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation';
/** Files larger than this are not settings: refused rather than read. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

export type SettingsLocation =
  { kind: 'file'; path: string; format: 'json' | 'plist' } | { kind: 'registry'; key: string };

export function settingsLocations(
  platform: Platform,
  env: { ProgramData?: string } = {},
): { managed: SettingsLocation[]; machine: SettingsLocation[] } {
  switch (platform) {
    case 'linux':
      return {
        managed: [{ kind: 'file', path: '/etc/pix-certification/managed.json', format: 'json' }],
        machine: [{ kind: 'file', path: '/etc/pix-certification/station.json', format: 'json' }],
      };
    case 'darwin':
      return {
        managed: [{ kind: 'file', path: `/Library/Managed Preferences/${APP_ID}.plist`, format: 'plist' }],
        machine: [
          {
            kind: 'file',
            path: '/Library/Application Support/Pix Certification Station/station.json',
            format: 'json',
          },
        ],
      };
    case 'win32': {
      const base = `${env.ProgramData ?? 'C:\\ProgramData'}\\Pix\\CertificationStation`;
      return {
        managed: [
          { kind: 'registry', key: WINDOWS_POLICY_KEY },
          { kind: 'file', path: `${base}\\managed.json`, format: 'json' },
        ],
        machine: [{ kind: 'file', path: `${base}\\station.json`, format: 'json' }],
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// POSIX (Linux, macOS): ownership and modes of the file and every folder above it
// ---------------------------------------------------------------------------------------------

export interface PosixEntry {
  uid: number;
  mode: number;
  kind: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
}

/** Every path from the root down to the file itself: `/`, `/etc`, `/etc/x`, `/etc/x/f.json`. */
export function pathChain(realPath: string): string[] {
  const parts = realPath.split('/').filter(Boolean);
  return ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
}

/**
 * Why a file cannot be trusted as IT's, or null. Anyone who can write the file or rename things in a
 * folder above it could replace the settings, so each one must be owned by root and not writable by
 * group or others.
 */
export function posixTrustProblem(chain: readonly { path: string; entry: PosixEntry }[]): string | null {
  const last = chain.at(-1);
  if (!last) return 'nothing to check';
  for (const { path, entry } of chain) {
    const isFile = path === last.path;
    if (entry.kind === 'symlink') return `${path} is a symbolic link; put the real file there`;
    if (isFile && entry.kind !== 'file') return `${path} is not a regular file`;
    if (!isFile && entry.kind !== 'directory') return `${path} is not a folder`;
    if (entry.uid !== 0) return `${path} must belong to root (it belongs to user ${entry.uid})`;
    if ((entry.mode & 0o022) !== 0) {
      return `${path} can be modified by other accounts (mode ${(entry.mode & 0o7777).toString(8)}); run chmod go-w`;
    }
  }
  if (last.entry.size > MAX_SETTINGS_BYTES) return `${last.path} is larger than ${MAX_SETTINGS_BYTES} bytes`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Windows: file ACLs (by SID, so French and English Windows read alike) and the policy registry key
// ---------------------------------------------------------------------------------------------

export interface WindowsAce {
  sid: string;
  type: 'Allow' | 'Deny';
  /** FileSystemRights as a number. */
  rights: number;
  /** Applies only to children (inherit-only): says nothing about the file itself. */
  inheritOnly: boolean;
}

export interface WindowsAcl {
  ownerSid: string;
  entries: WindowsAce[];
}

const SYSTEM = 'S-1-5-18';
const ADMINISTRATORS = 'S-1-5-32-544';
const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';
const TRUSTED_SIDS = new Set([SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER]);

// Rights that let an account change the file or who may change it.
const WRITE_RIGHTS =
  0x2 | // WriteData
  0x4 | // AppendData
  0x10 | // WriteExtendedAttributes
  0x100 | // WriteAttributes
  0x10000 | // Delete
  0x40000 | // ChangePermissions
  0x80000 | // TakeOwnership
  0x10000000 | // GenericAll
  0x40000000; // GenericWrite

/** Why a ProgramData file cannot be trusted as IT's, or null. */
export function windowsAclProblem(path: string, acl: WindowsAcl): string | null {
  if (!TRUSTED_SIDS.has(acl.ownerSid)) {
    return `${path} must belong to Administrators or SYSTEM (owner ${acl.ownerSid})`;
  }
  const writer = acl.entries.find(
    (ace) =>
      ace.type === 'Allow' &&
      !ace.inheritOnly &&
      !TRUSTED_SIDS.has(ace.sid) &&
      (ace.rights & WRITE_RIGHTS) !== 0,
  );
  if (writer) {
    return `${path} can be modified by ${writer.sid}; only SYSTEM, Administrators and TrustedInstaller may (icacls /inheritance:r)`;
  }
  return null;
}

/**
 * Reads the lines our PowerShell probe prints (node-ports.ts): `owner|<sid>` then
 * `ace|<sid>|Allow|<rights>|<inheritOnly True/False>` per entry.
 */
export function parseAclProbe(output: string): WindowsAcl | null {
  let ownerSid: string | null = null;
  const entries: WindowsAce[] = [];
  for (const line of output.split(/\r?\n/)) {
    const fields = line.trim().split('|');
    if (fields[0] === 'owner' && fields[1]) ownerSid = fields[1];
    if (fields[0] === 'ace' && fields.length === 5) {
      const [, sid = '', type, rights = '', inheritOnly] = fields;
      if ((type !== 'Allow' && type !== 'Deny') || !/^-?\d+$/.test(rights)) return null;
      entries.push({ sid, type, rights: Number(rights) >>> 0, inheritOnly: inheritOnly === 'True' });
    }
  }
  return ownerSid ? { ownerSid, entries } : null;
}

export interface RegistryValue {
  type: string;
  data: string;
}

/** Parses `reg query <key>` output: `    Name    REG_SZ    data`. */
export function parseRegQuery(output: string): Record<string, RegistryValue> {
  const values: Record<string, RegistryValue> = {};
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s{4}(.+?)\s{4}(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line);
    if (m?.[1] && m[2]) values[m[1]] = { type: m[2], data: m[3] ?? '' };
  }
  return values;
}

/**
 * Turns the policy key's values into a settings layer: `Settings` (REG_SZ, the whole JSON) first,
 * then one value per setting (as written by the ADMX template), which win over the JSON.
 */
export function registryLayerValues(
  values: Record<string, RegistryValue>,
): { values: Record<string, unknown> } | { error: string } {
  const out: Record<string, unknown> = {};
  const json = values['Settings'];
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json.data);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { error: 'the Settings value must hold a JSON object' };
      }
      Object.assign(out, parsed);
    } catch {
      return { error: 'the Settings value is not valid JSON' };
    }
  }
  for (const [name, value] of Object.entries(values)) {
    if (name === 'Settings' || name === '(Default)' || name === '(par défaut)') continue;
    if (value.type === 'REG_DWORD') {
      const number = Number.parseInt(value.data, 16);
      out[name] = name === 'demoMode' ? number !== 0 : number;
    } else if (value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ') {
      if (name === 'urlPolicy' || name === 'processDenyList') {
        try {
          out[name] = JSON.parse(value.data);
        } catch {
          out[name] = value.data;
        }
      } else out[name] = value.data;
    }
  }
  return { values: out };
}

// ---------------------------------------------------------------------------------------------
// Reading the layers
// ---------------------------------------------------------------------------------------------

export interface SettingsSystemPorts {
  platform: Platform;
  env: { ProgramData?: string };
  /** The real path (symlinks resolved), or null when the file does not exist. */
  realpath(path: string): Promise<string | null>;
  lstat(path: string): Promise<PosixEntry>;
  readText(path: string): Promise<string>;
  /** A plist converted to JSON text (macOS `plutil -convert json`). */
  plistToJson(path: string): Promise<string>;
  /**
   * `reg query` output, or null when the key does not exist; RegistryUnreadableError when reg.exe
   * cannot read the registry at all (registry tools disabled for the account): like any failure to
   * check a location, the layer is then refused, not absent.
   */
  regQuery(key: string): Promise<string | null>;
  /** The PowerShell ACL probe's output for a file, or null when the file does not exist. */
  aclProbe(path: string): Promise<string | null>;
}

/** reg.exe cannot read the registry at all: the policy key, if any, is out of reach. */
export class RegistryUnreadableError extends Error {
  constructor(cause: unknown) {
    super('the registry cannot be read by reg.exe from this account (registry tools disabled?)', { cause });
    this.name = 'RegistryUnreadableError';
  }
}

async function readFileLocation(
  location: Extract<SettingsLocation, { kind: 'file' }>,
  ports: SettingsSystemPorts,
): Promise<RawLayer> {
  const origin = location.path;
  if (ports.platform === 'win32') {
    const probe = await ports.aclProbe(location.path);
    if (probe === null) return { status: 'absent' };
    const acl = parseAclProbe(probe);
    if (!acl) return { status: 'refused', origin, reason: 'its permissions could not be read' };
    const problem = windowsAclProblem(location.path, acl);
    if (problem) return { status: 'refused', origin, reason: problem };
  } else {
    const real = await ports.realpath(location.path);
    if (real === null) return { status: 'absent' };
    const chain = await Promise.all(
      pathChain(real).map(async (path) => ({ path, entry: await ports.lstat(path) })),
    );
    const problem = posixTrustProblem(chain);
    if (problem) return { status: 'refused', origin, reason: problem };
  }
  let text: string;
  try {
    text =
      location.format === 'plist'
        ? await ports.plistToJson(location.path)
        : await ports.readText(location.path);
  } catch (error) {
    return {
      status: 'refused',
      origin,
      reason: `could not be read (${error instanceof Error ? error.message : 'error'})`,
    };
  }
  try {
    return { status: 'present', origin, values: JSON.parse(text) as unknown };
  } catch {
    return { status: 'refused', origin, reason: 'is not valid JSON' };
  }
}

async function readLocation(location: SettingsLocation, ports: SettingsSystemPorts): Promise<RawLayer> {
  if (location.kind === 'file') return readFileLocation(location, ports);
  const output = await ports.regQuery(location.key);
  if (output === null) return { status: 'absent' };
  const values = parseRegQuery(output);
  if (Object.keys(values).length === 0) return { status: 'absent' };
  const layer = registryLayerValues(values);
  return 'error' in layer
    ? { status: 'refused', origin: location.key, reason: layer.error }
    : { status: 'present', origin: location.key, values: layer.values };
}

/** The first location of a layer that exists wins (Windows: the policy key before the file). */
async function readFirst(
  locations: readonly SettingsLocation[],
  ports: SettingsSystemPorts,
): Promise<RawLayer> {
  for (const location of locations) {
    let raw: RawLayer;
    try {
      raw = await readLocation(location, ports);
    } catch (error) {
      const origin = location.kind === 'file' ? location.path : location.key;
      raw = {
        status: 'refused',
        origin,
        reason: `could not be checked (${error instanceof Error ? error.message : 'error'})`,
      };
    }
    if (raw.status !== 'absent') return raw;
  }
  return { status: 'absent' };
}

/** Reads the managed and machine layers of this OS, each checked before it is believed. */
export async function readSystemLayers(
  ports: SettingsSystemPorts,
): Promise<{ managed: RawLayer; machine: RawLayer }> {
  const locations = settingsLocations(ports.platform, ports.env);
  return {
    managed: await readFirst(locations.managed, ports),
    machine: await readFirst(locations.machine, ports),
  };
}
