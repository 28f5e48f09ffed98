import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileDenyList,
  defaultProcessDenyListSetting,
  describeForbidden,
  effectiveDenyList,
  findForbidden,
  normalizeProcessName,
  PROCESS_CATEGORIES,
  PROCESS_CATEGORY_LABELS,
  PROCESS_OSES,
  ProcessDenyListSettingSchema,
  shippedDenyList,
  type ListedProcess,
  type ProcessOs,
} from './process-deny-list.ts';

const shipped = (os: ProcessOs) => compileDenyList(shippedDenyList(), os);
const proc = (p: Partial<ListedProcess> & { name: string }): ListedProcess => ({
  pid: 1234,
  executable: null,
  details: [],
  ...p,
});
const found = (p: ListedProcess, os: ProcessOs) => findForbidden(p, shipped(os))?.entry.id ?? null;

describe('the shipped deny list', () => {
  it('has unique ids, every category, and names for every system', () => {
    const list = shippedDenyList();
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    expect(new Set(list.map((e) => e.category))).toEqual(new Set(PROCESS_CATEGORIES));
    for (const os of PROCESS_OSES)
      expect(list.filter((e) => e.names[os].length > 0).length).toBeGreaterThan(15);
    for (const c of PROCESS_CATEGORIES) expect(PROCESS_CATEGORY_LABELS[c].fr).not.toBe('');
  });

  it('is a copy: changing it does not change the next one', () => {
    const first = shippedDenyList();
    first[0]?.names.windows.push('x.exe');
    expect(shippedDenyList()[0]?.names.windows).not.toContain('x.exe');
  });
});

describe('matching a process', () => {
  it.each<[string, ProcessOs, ListedProcess, string | null]>([
    // By name, per system, case and `.exe` ignored.
    ['Windows name', 'windows', proc({ name: 'AnyDesk.exe' }), 'anydesk'],
    ['Windows name without .exe', 'windows', proc({ name: 'anydesk' }), 'anydesk'],
    ['Windows name in capitals', 'windows', proc({ name: 'TEAMVIEWER.EXE' }), 'teamviewer'],
    ['Linux comm', 'linux', proc({ name: 'x11vnc' }), 'vnc'],
    [
      'macOS path from ps',
      'macos',
      proc({ name: '/Applications/zoom.us.app/Contents/MacOS/zoom.us' }),
      'zoom',
    ],
    ['OBS on Windows', 'windows', proc({ name: 'obs64' }), 'obs'],
    ['Telegram on Linux', 'linux', proc({ name: 'telegram-desktop' }), 'telegram'],
    ['ChatGPT app on macOS', 'macos', proc({ name: 'ChatGPT' }), 'chatgpt'],
    // Linux cuts comm at 15 characters.
    ['truncated Linux comm', 'linux', proc({ name: 'simplescreenrec' }), 'screen-recorders'],
    ['truncated, but another program', 'linux', proc({ name: 'simplescreenxyz' }), null],
    ['a shorter prefix is not a name', 'linux', proc({ name: 'anyd' }), null],
    // Renamed on Windows: the version information still says what it is.
    [
      'renamed, product name',
      'windows',
      proc({ name: 'notes.exe', details: ['philandro Software GmbH', 'AnyDesk', 'AnyDesk', ''] }),
      'anydesk',
    ],
    [
      'renamed, original file name',
      'windows',
      proc({ name: 'calc2.exe', details: ['', '', '', 'TeamViewer.exe'] }),
      'teamviewer',
    ],
    [
      'renamed, company',
      'windows',
      proc({ name: 'svc.exe', details: ['Zoom Video Communications, Inc.', '', '', ''] }),
      'zoom',
    ],
    // Renamed on Linux: the executable's real path (a symlink under another name) or the script run.
    [
      'symlinked under another name',
      'linux',
      proc({ name: 'notes', executable: '/usr/bin/anydesk' }),
      'anydesk',
    ],
    ['install folder', 'linux', proc({ name: 'zz', executable: '/opt/zoom/zz' }), 'zoom'],
    [
      'Python script',
      'linux',
      proc({
        name: 'python3',
        executable: '/usr/bin/python3.12',
        details: ['/usr/bin/python3', '/usr/bin/kazam'],
      }),
      'screen-recorders',
    ],
    [
      'Electron app folder',
      'linux',
      proc({ name: 'Web Content', executable: '/usr/share/discord/Discord' }),
      'discord',
    ],
    // What must not match.
    [
      'ordinary program',
      'windows',
      proc({
        name: 'notepad.exe',
        details: ['Microsoft Corporation', 'Microsoft® Windows® Operating System', 'Notepad', 'NOTEPAD.EXE'],
      }),
      null,
    ],
    [
      'a marker inside a longer word',
      'windows',
      proc({
        name: 'ZoomIt64.exe',
        details: ['Sysinternals', 'Sysinternals ZoomIt', 'ZoomIt', 'ZoomIt.exe'],
      }),
      null,
    ],
    ['another system’s name', 'linux', proc({ name: 'AnyDesk.exe' }), 'anydesk'],
    ['another system’s name only', 'linux', proc({ name: 'obs64' }), null],
    ['a shell', 'linux', proc({ name: 'bash', executable: '/usr/bin/bash', details: ['bash'] }), null],
  ])('%s', (_label, os, process, expected) => {
    expect(found(process, os)).toBe(expected);
  });

  it('shows the name that matched, or the process’s own for a renamed one', () => {
    const shown = (p: ListedProcess, os: ProcessOs) => findForbidden(p, shipped(os))?.shownAs;
    expect(shown(proc({ name: 'MainThread', details: ['./tools/anydesk', '-e'] }), 'linux')).toBe('anydesk');
    expect(shown(proc({ name: 'AnyDesk.exe' }), 'windows')).toBe('AnyDesk.exe');
    expect(shown(proc({ name: 'notes', details: ['TeamViewer Germany GmbH'] }), 'windows')).toBe('notes');
    expect(shown(proc({ name: 'zz', executable: '/opt/zoom/zz' }), 'linux')).toBe('zz');
  });

  it('normalizes names: folder, case and .exe', () => {
    expect(normalizeProcessName('C:\\Program Files\\AnyDesk\\AnyDesk.EXE')).toBe('anydesk');
    expect(normalizeProcessName('/usr/bin/x11vnc')).toBe('x11vnc');
    expect(normalizeProcessName('  Zoom.exe ')).toBe('zoom');
  });

  it('describes a detection for the invigilator', () => {
    const anydesk = shippedDenyList().find((e) => e.id === 'anydesk');
    if (!anydesk) throw new Error('anydesk missing');
    expect(describeForbidden(anydesk, ['anydesk.exe', 'anydesk.exe'])).toBe(
      'AnyDesk (anydesk.exe, prise de main à distance)',
    );
  });
});

describe('the centre’s setting', () => {
  it('defaults to report, nothing disabled, nothing added', () => {
    expect(ProcessDenyListSettingSchema.parse({})).toEqual(defaultProcessDenyListSetting());
    expect(effectiveDenyList(defaultProcessDenyListSetting())).toEqual(shippedDenyList());
  });

  it('disables shipped entries, adds its own, and replaces a shipped one with the same id', () => {
    const setting = ProcessDenyListSettingSchema.parse({
      onDetect: 'lock',
      disabled: ['teams', 'copilot'],
      entries: [
        {
          id: 'exam-helper',
          label: 'Exam Helper',
          category: 'aiAssistant',
          names: { windows: ['helper.exe'] },
        },
        { id: 'discord', label: 'Discord', category: 'messaging', names: { linux: ['discord-ptb'] } },
      ],
    });
    const list = compileDenyList(effectiveDenyList(setting), 'windows');
    expect(findForbidden(proc({ name: 'Teams.exe' }), list)).toBeNull();
    expect(findForbidden(proc({ name: 'HELPER.EXE' }), list)?.entry.id).toBe('exam-helper');
    expect(findForbidden(proc({ name: 'Discord.exe' }), list)).toBeNull();
    const linux = compileDenyList(effectiveDenyList(setting), 'linux');
    expect(findForbidden(proc({ name: 'discord-ptb' }), linux)?.entry.category).toBe('messaging');
    expect(setting.onDetect).toBe('lock');
  });

  it.each([
    [{ onDetect: 'close' }, 'onDetect'],
    [{ disabled: ['tem-viewer'] }, 'unknown id "tem-viewer"'],
    [{ entries: [{ id: 'X', label: 'x', category: 'messaging', names: {} }] }, 'entries'],
    [{ entries: [{ id: 'x', label: 'x', category: 'messaging', names: {} }] }, 'at least one name or marker'],
    [{ entries: [{ id: 'x', label: 'x', category: 'games', names: { linux: ['x'] } }] }, 'category'],
    [
      { entries: [{ id: 'x', label: 'x', category: 'messaging', names: { linux: ['/usr/bin/x'] } }] },
      'without a folder',
    ],
    [
      {
        entries: [
          { id: 'x', label: 'x', category: 'messaging', names: { linux: ['x'] } },
          { id: 'x', label: 'y', category: 'messaging', names: { linux: ['y'] } },
        ],
      },
      'given twice',
    ],
    [{ extra: [] }, 'Unrecognized key'],
  ])('refuses %j', (value, problem) => {
    const parsed = ProcessDenyListSettingSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    const said = (parsed.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(said).toContain(problem);
  });
});

describe('properties', () => {
  const all = shippedDenyList();
  const listedNames = (os: ProcessOs) => all.flatMap((e) => e.names[os]);
  const markers = all.flatMap((e) => e.markers.map((m) => m.toLowerCase()));
  const os = fc.constantFrom<ProcessOs>(...PROCESS_OSES);

  it('never reports a process whose name is not listed and whose details hold no listed marker', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 ._\-/\\]{0,30}$/);
    fc.assert(
      fc.property(
        os,
        word,
        fc.option(word, { nil: null }),
        fc.array(word, { maxLength: 4 }),
        (o, name, exe, details) => {
          const p = proc({ name, executable: exe, details });
          const names = new Set(all.flatMap((e) => e.names[o]).map(normalizeProcessName));
          const texts = [exe ?? '', ...details].map((t) => t.toLowerCase());
          const candidates = [name, exe ?? '', ...details].map(normalizeProcessName);
          const truncated = (c: string) =>
            o === 'linux' && c.length === 15 && [...names].some((n) => n.startsWith(c));
          fc.pre(!candidates.some((c) => names.has(c) || truncated(c)));
          fc.pre(!texts.some((t) => markers.some((m) => t.includes(m))));
          expect(findForbidden(p, shipped(o))).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('always reports a listed name, whatever its case, with or without .exe, in any folder', () => {
    fc.assert(
      fc.property(
        os.chain((o) => fc.tuple(fc.constant(o), fc.constantFrom(...listedNames(o)))),
        fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }),
        fc.boolean(),
        fc.constantFrom('', '/usr/bin/', 'C:\\Tools\\', '/Applications/X.app/Contents/MacOS/'),
        ([o, name], upper, exe, folder) => {
          const base = name.replace(/\.exe$/i, '');
          const cased = [...base]
            .map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase()))
            .join('');
          const shown = `${folder}${cased}${exe ? '.EXE' : ''}`;
          expect(findForbidden(proc({ name: shown }), shipped(o))).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
