import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  RegistryUnreadableError,
  parseAclProbe,
  parseRegQuery,
  pathChain,
  posixTrustProblem,
  readSystemLayers,
  registryLayerValues,
  settingsLocations,
  windowsAclProblem,
  type PosixEntry,
  type SettingsSystemPorts,
} from './managed-sources.ts';
import { nodeSettingsPorts } from './node-ports.ts';

const dir = (uid = 0, mode = 0o40755): PosixEntry => ({ uid, mode, kind: 'directory', size: 4096 });
const file = (uid = 0, mode = 0o100644, size = 100): PosixEntry => ({ uid, mode, kind: 'file', size });

function chain(entries: Record<string, PosixEntry>) {
  return Object.entries(entries).map(([p, entry]) => ({ path: p, entry }));
}

describe('POSIX ownership checks', () => {
  it('lists every folder from the root down', () => {
    expect(pathChain('/etc/pix-certification/managed.json')).toEqual([
      '/',
      '/etc',
      '/etc/pix-certification',
      '/etc/pix-certification/managed.json',
    ]);
  });

  const good = { '/': dir(), '/etc': dir(), '/etc/pix': dir(), '/etc/pix/managed.json': file() };

  it('trusts a root-owned file in root-owned folders, none writable by others', () => {
    expect(posixTrustProblem(chain(good))).toBeNull();
    // Read-only for everyone is fine too.
    expect(posixTrustProblem(chain({ ...good, '/etc/pix/managed.json': file(0, 0o100400) }))).toBeNull();
  });

  it.each([
    ['a file owned by another user', { '/etc/pix/managed.json': file(1000) }, /belong to root/],
    [
      'a group-writable file',
      { '/etc/pix/managed.json': file(0, 0o100664) },
      /modified by other accounts.*664/,
    ],
    ['an other-writable file', { '/etc/pix/managed.json': file(0, 0o100646) }, /modified by other accounts/],
    ['a folder owned by another user', { '/etc/pix': dir(1000) }, /\/etc\/pix must belong to root/],
    ['a group-writable folder', { '/etc/pix': dir(0, 0o40775) }, /\/etc\/pix can be modified/],
    ['a world-writable sticky folder (/tmp)', { '/etc': dir(0, 0o41777) }, /\/etc can be modified/],
    [
      'a symbolic link',
      { '/etc/pix/managed.json': { ...file(), kind: 'symlink' as const } },
      /symbolic link/,
    ],
    ['a folder in place of the file', { '/etc/pix/managed.json': dir() }, /not a regular file/],
    ['an oversized file', { '/etc/pix/managed.json': file(0, 0o100644, 5_000_000) }, /larger than/],
  ])('refuses %s', (_what, override, message) => {
    expect(posixTrustProblem(chain({ ...good, ...override }))).toMatch(message);
  });
});

describe('Windows ACL checks', () => {
  const SYSTEM = 'S-1-5-18';
  const ADMINS = 'S-1-5-32-544';
  const USERS = 'S-1-5-32-545';
  const AUTH_USERS = 'S-1-5-11';
  const CREATOR_OWNER = 'S-1-3-0';
  const READ_EXECUTE = 0x1200a9;
  const MODIFY = 0x1301bf;
  const FULL = 0x1f01ff;

  it('parses the probe output, SIDs only', () => {
    const output = [
      'owner|S-1-5-32-544',
      `ace|${SYSTEM}|Allow|${FULL}|False`,
      `ace|${ADMINS}|Allow|${FULL}|False`,
      `ace|${USERS}|Allow|${READ_EXECUTE}|False`,
      `ace|${CREATOR_OWNER}|Allow|268435456|True`,
      '',
    ].join('\r\n');
    expect(parseAclProbe(output)).toEqual({
      ownerSid: ADMINS,
      entries: [
        { sid: SYSTEM, type: 'Allow', rights: FULL, inheritOnly: false },
        { sid: ADMINS, type: 'Allow', rights: FULL, inheritOnly: false },
        { sid: USERS, type: 'Allow', rights: READ_EXECUTE, inheritOnly: false },
        { sid: CREATOR_OWNER, type: 'Allow', rights: 268435456, inheritOnly: true },
      ],
    });
    expect(parseAclProbe('nothing useful')).toBeNull();
    expect(parseAclProbe('owner|S-1-5-18\nace|S-1-5-11|Maybe|1|False')).toBeNull();
  });

  it('trusts a file only SYSTEM, Administrators and TrustedInstaller can change', () => {
    expect(
      windowsAclProblem('C:\\ProgramData\\x.json', {
        ownerSid: ADMINS,
        entries: [
          { sid: SYSTEM, type: 'Allow', rights: FULL, inheritOnly: false },
          { sid: USERS, type: 'Allow', rights: READ_EXECUTE, inheritOnly: false },
          // ProgramData's default "creator owner" rule concerns new children only.
          { sid: CREATOR_OWNER, type: 'Allow', rights: 0x10000000, inheritOnly: true },
          // A deny rule never grants anything.
          { sid: AUTH_USERS, type: 'Deny', rights: MODIFY, inheritOnly: false },
        ],
      }),
    ).toBeNull();
  });

  it.each([
    ['Users may modify it', { sid: USERS, rights: MODIFY }],
    ['Authenticated Users may write data', { sid: AUTH_USERS, rights: 0x2 }],
    ['a user may change its permissions', { sid: 'S-1-5-21-1-2-3-1001', rights: 0x40000 }],
    ['Everyone has generic write', { sid: 'S-1-1-0', rights: 0x40000000 }],
  ])('refuses a file when %s', (_what, ace) => {
    const problem = windowsAclProblem('C:\\ProgramData\\x.json', {
      ownerSid: ADMINS,
      entries: [{ ...ace, type: 'Allow', inheritOnly: false }],
    });
    expect(problem).toContain(ace.sid);
  });

  it('refuses a file owned by a user', () => {
    expect(windowsAclProblem('x', { ownerSid: 'S-1-5-21-1-2-3-1001', entries: [] })).toMatch(/must belong/);
  });

  it('reads the policy registry key, single values winning over the Settings JSON', () => {
    const output = [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Pix\\CertificationStation',
      '    Settings    REG_SZ    {"serverUrl":"https://json.example","stationName":"json"}',
      '    serverUrl    REG_SZ    https://single.example',
      '    retentionDays    REG_DWORD    0x1e',
      '    demoMode    REG_DWORD    0x0',
      '    urlPolicy    REG_SZ    {"rules":[{"action":"allow","expression":"pix-demo.test"}]}',
      '    processDenyList    REG_SZ    {"onDetect":"lock","disabled":["teams"]}',
      '',
    ].join('\r\n');
    const values = parseRegQuery(output);
    expect(values.retentionDays).toEqual({ type: 'REG_DWORD', data: '0x1e' });
    expect(registryLayerValues(values)).toEqual({
      values: {
        serverUrl: 'https://single.example',
        stationName: 'json',
        retentionDays: 30,
        demoMode: false,
        urlPolicy: { rules: [{ action: 'allow', expression: 'pix-demo.test' }] },
        processDenyList: { onDetect: 'lock', disabled: ['teams'] },
      },
    });
    expect(registryLayerValues({ Settings: { type: 'REG_SZ', data: '{broken' } })).toEqual({
      error: 'the Settings value is not valid JSON',
    });
  });
});

describe('reading the layers of each OS', () => {
  function fakePorts(
    platform: SettingsSystemPorts['platform'],
    files: Record<string, { entry?: PosixEntry; text: string; acl?: string }>,
    registry: string | null = null,
  ): SettingsSystemPorts {
    return {
      platform,
      env: { ProgramData: 'D:\\Data' },
      realpath: async (p) => (p in files ? p : null),
      lstat: async (p) => files[p]?.entry ?? dir(),
      readText: async (p) => files[p]?.text ?? '',
      plistToJson: async (p) => files[p]?.text ?? '',
      regQuery: async () => registry,
      aclProbe: async (p) => files[p]?.acl ?? null,
    };
  }

  it('Linux: reads managed and machine JSON under /etc when trusted', async () => {
    const layers = await readSystemLayers(
      fakePorts('linux', {
        '/etc/pix-certification/managed.json': { entry: file(), text: '{"extraDisplays":"refuse"}' },
        '/etc/pix-certification/station.json': { entry: file(1000), text: '{"stationName":"x"}' },
      }),
    );
    expect(layers.managed).toEqual({
      status: 'present',
      origin: '/etc/pix-certification/managed.json',
      values: { extraDisplays: 'refuse' },
    });
    expect(layers.machine).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/belong to root/),
    });
  });

  it('Linux: a trusted file that is not JSON is refused, an absent one is absent', async () => {
    const layers = await readSystemLayers(
      fakePorts('linux', { '/etc/pix-certification/managed.json': { entry: file(), text: 'serverUrl=x' } }),
    );
    expect(layers.managed).toMatchObject({ status: 'refused', reason: 'is not valid JSON' });
    expect(layers.machine).toEqual({ status: 'absent' });
  });

  it('macOS: reads the forced configuration profile', async () => {
    const profile = '/Library/Managed Preferences/fr.pix.certification.station.plist';
    const layers = await readSystemLayers(
      fakePorts('darwin', { [profile]: { entry: file(), text: '{"demoMode":false}' } }),
    );
    expect(layers.managed).toEqual({ status: 'present', origin: profile, values: { demoMode: false } });
  });

  it('Windows: the policy key first, then the ProgramData file, each checked', async () => {
    const fullControl =
      'owner|S-1-5-32-544\nace|S-1-5-18|Allow|2032127|False\nace|S-1-5-32-545|Allow|1179817|False';
    const userWritable = 'owner|S-1-5-32-544\nace|S-1-5-32-545|Allow|1245631|False';
    const ports = fakePorts(
      'win32',
      {
        'D:\\Data\\Pix\\CertificationStation\\managed.json': {
          text: '{"stationName":"file"}',
          acl: fullControl,
        },
        'D:\\Data\\Pix\\CertificationStation\\station.json': {
          text: '{"stationName":"m"}',
          acl: userWritable,
        },
      },
      '    stationName    REG_SZ    policy',
    );
    const layers = await readSystemLayers(ports);
    expect(layers.managed).toEqual({
      status: 'present',
      origin: 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation',
      values: { stationName: 'policy' },
    });
    expect(layers.machine).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('S-1-5-32-545'),
    });
    const withoutPolicy = await readSystemLayers({ ...ports, regQuery: async () => null });
    expect(withoutPolicy.managed).toMatchObject({ status: 'present', values: { stationName: 'file' } });
  });

  it('Windows: a registry reg.exe cannot read refuses the managed layer instead of reading as no policy', async () => {
    const ports = fakePorts('win32', {});
    const layers = await readSystemLayers({
      ...ports,
      regQuery: async () => {
        throw new RegistryUnreadableError(new Error('exit 1'));
      },
    });
    expect(layers.managed).toEqual({
      status: 'refused',
      origin: 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation',
      reason:
        'could not be checked (the registry cannot be read by reg.exe from this account (registry tools disabled?))',
    });
  });

  it('a probe that fails refuses the layer rather than skipping to the next one', async () => {
    const ports = fakePorts('linux', {
      '/etc/pix-certification/managed.json': { entry: file(), text: '{}' },
    });
    const layers = await readSystemLayers({
      ...ports,
      lstat: async () => {
        throw new Error('EACCES');
      },
    });
    expect(layers.managed).toMatchObject({ status: 'refused', reason: expect.stringContaining('EACCES') });
  });

  it('names the locations IT documents', () => {
    expect(settingsLocations('win32', { ProgramData: 'C:\\ProgramData' }).managed[0]).toEqual({
      kind: 'registry',
      key: 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation',
    });
  });
});

describe('the real file system (Linux)', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const d of made) await rm(d, { recursive: true, force: true });
  });

  it.runIf(process.platform === 'linux')(
    'refuses a settings file under the world-writable temp folder',
    async () => {
      const d = await mkdtemp(path.join(tmpdir(), 'pix-settings-'));
      made.push(d);
      const f = path.join(d, 'managed.json');
      await writeFile(f, '{"stationName":"x"}', { mode: 0o644 });
      const ports = nodeSettingsPorts('linux');
      const real = await ports.realpath(f);
      expect(real).not.toBeNull();
      const entries = await Promise.all(
        pathChain(real ?? '').map(async (p) => ({ path: p, entry: await ports.lstat(p) })),
      );
      expect(entries.at(-1)?.entry.kind).toBe('file');
      expect(posixTrustProblem(entries)).toMatch(/can be modified by other accounts|must belong to root/);
      expect(await ports.realpath(path.join(d, 'absent.json'))).toBeNull();
    },
  );
});
