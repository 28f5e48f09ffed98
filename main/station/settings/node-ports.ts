// The real system behind SettingsSystemPorts: file metadata with Node, the registry with `reg query`,
// ACLs with a PowerShell one-liner (by SID), plists with `plutil`. Plain Node: the Electron shell and
// the harness use the same code.
import { execFile } from 'node:child_process';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Platform, PosixEntry, SettingsSystemPorts } from './managed-sources.ts';

const run = promisify(execFile);
const TIMEOUT_MS = 10_000;

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
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
    async regQuery(key) {
      try {
        const { stdout } = await run('reg.exe', ['query', key], { timeout: TIMEOUT_MS, windowsHide: true });
        return stdout;
      } catch (error) {
        // reg.exe exits 1 when the key does not exist.
        if ((error as { code?: unknown }).code === 1) return null;
        throw error;
      }
    },
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
