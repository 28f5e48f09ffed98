// Process listings of each system, parsed from sample outputs in the documented formats (only Linux
// runs here), the Linux /proc reader on a made-up tree and on the real one, and the long-lived listing
// session Windows uses, driven with a Node stand-in for PowerShell.
import type * as childProcess from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDenyList, findForbidden, shippedDenyList } from '../../../core/lockdown/process-deny-list.ts';
import {
  LineListingSession,
  linuxProcess,
  listLinuxProcesses,
  parseCsvLine,
  parsePsOutput,
  parseTasklistCsv,
  parseWindowsProcessCsv,
  POWERSHELL_LISTING_SCRIPT,
  processOs,
} from './process-listing.ts';

// The processes the listing sessions start, kept so that a test can wait for one's exit (the session
// keeps its own private).
const spawned = vi.hoisted(() => [] as ChildProcess[]);
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof childProcess>();
  const spawn = (...args: Parameters<typeof actual.spawn>) => {
    const child = actual.spawn(...args);
    spawned.push(child);
    return child;
  };
  return { ...actual, spawn };
});

// Windows PowerShell 5.1: ConvertTo-Csv quotes every value; a $null property is an empty field.
const POWERSHELL_SAMPLE = [
  '"Id","Name","Path","Company","Product","Description","OriginalFilename"',
  '"0","Idle",,,,,',
  '"4","System",,,,,',
  '"7420","AnyDesk","C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe","philandro Software GmbH","AnyDesk","AnyDesk","AnyDesk.exe"',
  '"8112","notes","C:\\Users\\eleve\\Downloads\\notes.exe","TeamViewer Germany GmbH","TeamViewer","TeamViewer 15","TeamViewer.exe"',
  '"9020","notepad","C:\\Windows\\system32\\notepad.exe","Microsoft Corporation","Microsoft® Windows® Operating System","Notepad","NOTEPAD.EXE.MUI"',
  '"9144","ZoomIt64","C:\\Tools\\ZoomIt64.exe","Sysinternals - www.sysinternals.com","Sysinternals ZoomIt","Sysinternals Screen Magnifier","ZoomIt.exe"',
  '"9300","weird","C:\\Temp\\a ""quoted"", name.exe","","","",""',
  '#END',
].join('\r\n');

// `tasklist /fo csv /nh` (French Windows: "Ko"; the memory column has a non-breaking space).
const TASKLIST_SAMPLE = [
  '"System Idle Process","0","Services","0","8 Ko"',
  '"System","4","Services","0","7 420 Ko"',
  '"AnyDesk.exe","7420","Console","1","24 512 Ko"',
  '"obs64.exe","7580","Console","1","180 304 Ko"',
  '',
].join('\r\n');

// `ps -axo pid=,comm=` on macOS: comm is the executable's path (a name for kernel-side ones).
const PS_SAMPLE = [
  '    1 /sbin/launchd',
  '  312 /usr/libexec/logd',
  '  901 /Applications/AnyDesk.app/Contents/MacOS/AnyDesk',
  '  950 /Applications/zoom.us.app/Contents/MacOS/zoom.us',
  ' 1024 /Users/eleve/Downloads/outil',
  ' 1100 kernel_task',
  '',
].join('\n');

describe('Windows listings', () => {
  it('reads the PowerShell listing with the version information', () => {
    const listed = parseWindowsProcessCsv(POWERSHELL_SAMPLE);
    expect(listed).toHaveLength(7);
    expect(listed[0]).toEqual({ pid: 0, name: 'Idle', executable: null, details: [] });
    expect(listed[2]).toEqual({
      pid: 7420,
      name: 'AnyDesk',
      executable: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe',
      details: ['philandro Software GmbH', 'AnyDesk', 'AnyDesk', 'AnyDesk.exe'],
    });
    expect(listed[6]?.executable).toBe('C:\\Temp\\a "quoted", name.exe');
  });

  it('finds AnyDesk, and TeamViewer renamed notes.exe, but not Notepad nor ZoomIt', () => {
    const list = compileDenyList(shippedDenyList(), 'windows');
    const found = parseWindowsProcessCsv(POWERSHELL_SAMPLE).map((p) => [
      p.name,
      findForbidden(p, list)?.entry.id,
    ]);
    expect(found.filter(([, id]) => id)).toEqual([
      ['AnyDesk', 'anydesk'],
      ['notes', 'teamviewer'],
    ]);
  });

  it('refuses a listing without the expected columns', () => {
    expect(() => parseWindowsProcessCsv('"Id","Name"\r\n"1","x"')).toThrow(/without Path/);
    expect(parseWindowsProcessCsv('')).toEqual([]);
  });

  it('reads tasklist’s CSV (names only)', () => {
    expect(parseTasklistCsv(TASKLIST_SAMPLE)).toEqual([
      { pid: 0, name: 'System Idle Process', executable: null, details: [] },
      { pid: 4, name: 'System', executable: null, details: [] },
      { pid: 7420, name: 'AnyDesk.exe', executable: null, details: [] },
      { pid: 7580, name: 'obs64.exe', executable: null, details: [] },
    ]);
  });

  it('splits CSV lines with quotes, doubled quotes and empty fields', () => {
    expect(parseCsvLine('"a","b ""c"", d",,"",e')).toEqual(['a', 'b "c", d', '', '', 'e']);
    expect(parseCsvLine('')).toEqual(['']);
  });

  it('has a PowerShell script that answers each request line and ends with #END', () => {
    expect(POWERSHELL_LISTING_SCRIPT).toContain('[Console]::In.ReadLine()');
    expect(POWERSHELL_LISTING_SCRIPT).toContain("'#END'");
    for (const column of ['Id', 'Name', 'Path', 'Company', 'Product', 'Description', 'OriginalFilename']) {
      expect(POWERSHELL_LISTING_SCRIPT).toContain(`${column} =`);
    }
  });
});

describe('macOS listing', () => {
  it('reads ps and matches by the application’s path', () => {
    const listed = parsePsOutput(PS_SAMPLE);
    expect(listed).toHaveLength(6);
    expect(listed[2]).toEqual({
      pid: 901,
      name: 'AnyDesk',
      executable: '/Applications/AnyDesk.app/Contents/MacOS/AnyDesk',
      details: [],
    });
    expect(listed[5]).toEqual({ pid: 1100, name: 'kernel_task', executable: null, details: [] });
    const list = compileDenyList(shippedDenyList(), 'macos');
    expect(listed.map((p) => findForbidden(p, list)?.entry.id ?? null)).toEqual([
      null,
      null,
      'anydesk',
      'zoom',
      null,
      null,
    ]);
  });
});

describe('Linux listing', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0));

  it('turns /proc facts into a process: program, script of an interpreter, deleted executable', () => {
    expect(linuxProcess(10, 'anydesk\n', '/usr/bin/anydesk\0--tray\0', '/usr/bin/anydesk')).toEqual({
      pid: 10,
      name: 'anydesk',
      executable: '/usr/bin/anydesk',
      details: ['/usr/bin/anydesk'],
    });
    expect(
      linuxProcess(11, 'python3\n', '/usr/bin/python3\0-O\0/usr/bin/kazam\0--silent\0', null).details,
    ).toEqual(['/usr/bin/python3', '/usr/bin/kazam']);
    // Not an interpreter: its arguments are not programs (a browser's address is not a program).
    expect(linuxProcess(12, 'chromium\n', '/usr/bin/chromium\0https://zoom.us/\0', null).details).toEqual([
      '/usr/bin/chromium',
    ]);
    expect(linuxProcess(13, 'x\n', '', '/tmp/anydesk (deleted)').executable).toBe('/tmp/anydesk');
    expect(linuxProcess(14, 'kworker/0:1\n', null, null)).toEqual({
      pid: 14,
      name: 'kworker/0:1',
      executable: null,
      details: [],
    });
  });

  it('reads a /proc tree: skips what is not a process and what vanished', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'proc-'));
    dirs.push(root);
    mkdirSync(path.join(root, '123'));
    writeFileSync(path.join(root, '123', 'comm'), 'notes\n');
    writeFileSync(path.join(root, '123', 'cmdline'), '/opt/teamviewer/tv_bin/notes\0');
    symlinkSync('/opt/teamviewer/tv_bin/notes', path.join(root, '123', 'exe'));
    mkdirSync(path.join(root, '456')); // ended between readdir and the reads
    mkdirSync(path.join(root, 'self'));
    writeFileSync(path.join(root, 'uptime'), '1.0 2.0\n');
    mkdirSync(path.join(root, '789'));
    writeFileSync(path.join(root, '789', 'comm'), 'sshd\n'); // another account's: no exe, no cmdline
    const listed = await listLinuxProcesses(root);
    expect(listed.sort((a, b) => a.pid - b.pid)).toEqual([
      {
        pid: 123,
        name: 'notes',
        executable: '/opt/teamviewer/tv_bin/notes',
        details: ['/opt/teamviewer/tv_bin/notes'],
      },
      { pid: 789, name: 'sshd', executable: null, details: [] },
    ]);
    const list = compileDenyList(shippedDenyList(), 'linux');
    expect(findForbidden(listed[0]!, list)?.entry.id).toBe('teamviewer');
  });

  it.runIf(process.platform === 'linux')('reads the real /proc, this process included', async () => {
    const listed = await listLinuxProcesses();
    const self = listed.find((p) => p.pid === process.pid);
    expect(self?.executable).toBe(realpathSync(process.execPath));
    expect(listed.length).toBeGreaterThan(3);
  });

  it('maps Node’s platforms to the deny list’s systems', () => {
    expect([processOs('win32'), processOs('darwin'), processOs('linux')]).toEqual([
      'windows',
      'macos',
      'linux',
    ]);
  });
});

describe('the long-lived listing session (PowerShell on Windows; a Node stand-in here)', () => {
  const sessions: LineListingSession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.close();
  });
  // Answers each line with a numbered listing; `exitAfter` answers ends it; `silent` never answers.
  const standIn = (mode: 'normal' | 'exitAfterOne' | 'silent', timeoutMs = 5000) => {
    const script = `
      let n = 0;
      require('node:readline').createInterface({ input: process.stdin }).on('line', () => {
        if (${JSON.stringify(mode)} === 'silent') return;
        n += 1;
        process.stdout.write('"Id","Name"\\r\\n"' + process.pid + '","round ' + n + '"\\r\\n#END\\r\\n');
        if (${JSON.stringify(mode)} === 'exitAfterOne') setTimeout(() => process.exit(0), 10);
      });`;
    const session = new LineListingSession(process.execPath, ['-e', script], timeoutMs);
    sessions.push(session);
    return session;
  };
  const round = (text: string) => parseCsvLine(text.split('\r\n')[1] ?? '');

  it('answers request after request from one process', async () => {
    const session = standIn('normal');
    const first = round(await session.request());
    const second = round(await session.request());
    expect(first[1]).toBe('round 1');
    expect(second).toEqual([first[0], 'round 2']);
  });

  it('starts the process again on the next request when it ended', async () => {
    const session = standIn('exitAfterOne');
    const first = round(await session.request());
    const child = spawned.at(-1);
    expect(String(child?.pid)).toBe(first[0]);
    // Once it has exited (the session's own exit handler, added first, has run): no guess at how long.
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const second = round(await session.request());
    expect(second[1]).toBe('round 1');
    expect(second[0]).not.toBe(first[0]);
  });

  it('gives up on a request that is not answered, and on a program that cannot run', async () => {
    await expect(standIn('silent', 300).request()).rejects.toThrow(/did not answer within 300 ms/);
    const missing = new LineListingSession('/nonexistent/powershell.exe', []);
    sessions.push(missing);
    await expect(missing.request()).rejects.toThrow(/could not run/);
    missing.close();
    await expect(missing.request()).rejects.toThrow(/closed/);
  });
});
