// The real system behind SettingsSystemPorts: file metadata with Node, the registry with `reg query`,
// ACLs with a PowerShell one-liner (by SID), plists with `plutil`. Plain Node: the Electron shell and
// the harness use the same code.
import { execFile } from 'node:child_process';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { promisify } from 'node:util';
import {
  RegistryUnreadableError,
  type Platform,
  type PosixEntry,
  type SettingsSystemPorts,
} from './managed-sources.ts';

const run = promisify(execFile);
const TIMEOUT_MS = 10_000;

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A key every Windows has: reg.exe failing on it too is reg.exe refused, not a key missing. */
export const REGISTRY_PROBE_KEY = 'HKLM\\SOFTWARE';

/**
 * `reg query <key>`'s output, or null when the key does not exist. reg.exe exits 1 for a missing key,
 * and also, with a message in the system's language, when registry tools are disabled for the account
 * (a common lockdown of exam accounts): then the policy would be silently ignored. Told apart by
 * querying a key that always exists.
 */
export async function queryRegistryKey(
  key: string,
  regQuery: (key: string) => Promise<string>,
): Promise<string | null> {
  try {
    return await regQuery(key);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 1) throw error;
  }
  try {
    await regQuery(REGISTRY_PROBE_KEY);
  } catch (error) {
    throw new RegistryUnreadableError(error);
  }
  return null;
}

// Prints the owner's SID and each access rule as SID|type|rights|inherit-only, names never (they are
// translated on French Windows). -LiteralPath: the path is data, not a pattern.
const ACL_PROBE = [
  '$ErrorActionPreference = "Stop"',
  '$p = $env:PIX_ACL_PATH',
  'if (-not (Test-Path -LiteralPath $p -PathType Leaf)) { exit 3 }',
  '$a = Get-Acl -LiteralPath $p',
  '$sid = [System.Security.Principal.SecurityIdentifier]',
  '"owner|" + $a.GetOwner($sid).Value',
  'foreach ($r in $a.GetAccessRules($true, $true, $sid)) {',
  '  $io = ($r.PropagationFlags -band [System.Security.AccessControl.PropagationFlags]::InheritOnly) -ne 0',
  '  "ace|" + $r.IdentityReference.Value + "|" + $r.AccessControlType + "|" + [int64]$r.FileSystemRights + "|" + $io',
  '}',
].join('\n');

export function nodeSettingsPorts(platform: Platform = process.platform as Platform): SettingsSystemPorts {
  return {
    platform,
    env: { ProgramData: process.env.ProgramData },
    async realpath(path) {
      try {
        return await realpath(path);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async lstat(path): Promise<PosixEntry> {
      const s = await lstat(path);
      return {
        uid: s.uid,
        mode: s.mode,
        size: s.size,
        kind: s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other',
      };
    },
    readText: (path) => readFile(path, 'utf8'),
    async plistToJson(path) {
      const { stdout } = await run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', '--', path], {
        timeout: TIMEOUT_MS,
      });
      return stdout;
    },
    regQuery: (key) =>
      queryRegistryKey(key, async (k) => {
        const { stdout } = await run('reg.exe', ['query', k], { timeout: TIMEOUT_MS, windowsHide: true });
        return stdout;
      }),
    async aclProbe(path) {
      try {
        const { stdout } = await run(
          'powershell.exe',
          ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', ACL_PROBE],
          { timeout: TIMEOUT_MS, windowsHide: true, env: { ...process.env, PIX_ACL_PATH: path } },
        );
        return stdout;
      } catch (error) {
        if ((error as { code?: unknown }).code === 3) return null;
        throw error;
      }
    },
  };
}
