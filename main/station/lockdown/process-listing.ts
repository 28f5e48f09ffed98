// Lists the running processes, per system, for the forbidden-process watch (process-watch.ts), with
// what each listing gives beyond the name so that a renamed program is still recognized
// (core/lockdown/process-deny-list.ts):
// - Linux: /proc/<pid>/comm, cmdline and the exe link (readable for the station's own account's
//   processes; root's and other accounts' give their name and command line only). No external command.
// - macOS: `ps -axo pid=,comm=` (comm is the executable's full path there).
// - Windows: one long-lived PowerShell that answers each request with Get-Process and every
//   executable's version information (company, product, description, original file name) as CSV;
//   `tasklist /fo csv /nh` (names only) when PowerShell cannot be used. Starting PowerShell costs about
//   as much CPU as many listings, hence one process kept for the station's lifetime.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { ListedProcess, ProcessOs } from '../../../core/lockdown/process-deny-list.ts';
import type { Platform } from './shortcuts.ts';

export interface ProcessLister {
  list(): Promise<ListedProcess[]>;
  /** Ends what the lister keeps running (Windows' PowerShell). */
  close(): void;
}

export function processOs(platform: Platform): ProcessOs {
  return platform === 'win32' ? 'windows' : platform === 'darwin' ? 'macos' : 'linux';
}

// ------------------------------------------------------------------------------------------ Linux

/** Programs that run the program named by their next argument (a script): that one is what counts. */
const INTERPRETER =
  /^(python[0-9.]*|node|nodejs|java|perl[0-9.]*|ruby[0-9.]*|sh|bash|dash|mono|wine(64)?(-preloader)?|electron[0-9]*|gjs|qemu-[\w-]+)$/;

/** What /proc gives for one process, turned into a listed process (pure, for tests). */
export function linuxProcess(
  pid: number,
  comm: string,
  cmdline: string | null,
  exe: string | null,
): ListedProcess {
  const args = (cmdline ?? '').split('\0').filter((a) => a.length > 0);
  const details: string[] = [];
  const program = args[0];
  if (program) {
    details.push(program);
    if (INTERPRETER.test(path.basename(program))) {
      const script = args.slice(1).find((a) => !a.startsWith('-'));
      if (script) details.push(script);
    }
  }
  // A deleted executable's link ends in " (deleted)": the path is still what it was.
  const executable = exe === null ? null : exe.replace(/ \(deleted\)$/, '');
  return { pid, name: comm.replace(/\n$/, ''), executable, details };
}

/** Processes read between two yields to the event loop (a chunk blocks it well under 1 ms). */
const LINUX_CHUNK = 16;

/**
 * Synchronous reads, in small chunks with a yield between them: /proc answers from memory, and the
 * promise API's thread-pool round trips (three files per process) cost about five times the CPU of
 * the reads themselves (bench/process-watch.bench.ts); the chunks keep the candidate's clicks answered.
 */
export async function listLinuxProcesses(procRoot = '/proc'): Promise<ListedProcess[]> {
  const pids = readdirSync(procRoot).filter((name) => /^[0-9]+$/.test(name));
  const listed: ListedProcess[] = [];
  for (let i = 0; i < pids.length; i += LINUX_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const name of pids.slice(i, i + LINUX_CHUNK)) {
      const dir = path.join(procRoot, name);
      // A process may end between readdir and these reads: it is simply not listed.
      const comm = readOrNull(() => readFileSync(path.join(dir, 'comm'), 'utf8'));
      if (comm === null) continue;
      const cmdline = readOrNull(() => readFileSync(path.join(dir, 'cmdline'), 'utf8'));
      const exe = readOrNull(() => readlinkSync(path.join(dir, 'exe')));
      listed.push(linuxProcess(Number(name), comm, cmdline, exe));
    }
  }
  return listed;
}

function readOrNull(read: () => string): string | null {
  try {
    return read();
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------------ macOS

/** `ps -axo pid=,comm=` output: "  123 /Applications/AnyDesk.app/Contents/MacOS/AnyDesk". */
export function parsePsOutput(text: string): ListedProcess[] {
  const out: ListedProcess[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(.+?)\s*$/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const comm = m[2];
    out.push({
      pid: Number(m[1]),
      name: path.posix.basename(comm),
      executable: comm.startsWith('/') ? comm : null,
      details: [],
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------ Windows

/** One CSV record per line (the listings never put a line break inside a field); "" is a quote. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else value += line[i++];
      }
      fields.push(value);
      const comma = line.indexOf(',', i);
      i = comma < 0 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** The PowerShell listing's columns, in this order. */
const POWERSHELL_COLUMNS = ['Id', 'Name', 'Path', 'Company', 'Product', 'Description', 'OriginalFilename'];

/** The PowerShell listing (ConvertTo-Csv, header first) of one request. */
export function parseWindowsProcessCsv(text: string): ListedProcess[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0 && !l.startsWith('#'));
  const header = lines.shift();
  if (!header) return [];
  const columns = parseCsvLine(header);
  const at = (name: string) => columns.indexOf(name);
  const missing = POWERSHELL_COLUMNS.filter((c) => at(c) < 0);
  if (missing.length > 0) throw new Error(`process listing without ${missing.join(', ')}`);
  const out: ListedProcess[] = [];
  for (const line of lines) {
    const f = parseCsvLine(line);
    const field = (name: string) => f[at(name)] ?? '';
    const pid = Number(field('Id'));
    if (!Number.isInteger(pid)) continue;
    const executable = field('Path') || null;
    out.push({
      pid,
      name: field('Name'),
      executable,
      details: ['Company', 'Product', 'Description', 'OriginalFilename']
        .map(field)
        .filter((v) => v.length > 0),
    });
  }
  return out;
}

/** `tasklist /fo csv /nh` (with or without /v): image name first, PID second. */
export function parseTasklistCsv(text: string): ListedProcess[] {
  const out: ListedProcess[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('"')) continue;
    const [name, pid] = parseCsvLine(line);
    const id = Number(pid);
    if (name && Number.isInteger(id)) out.push({ pid: id, name, executable: null, details: [] });
  }
  return out;
}

/** Answers every line read on stdin with the listing, then a line `#END`. Version info cached by path. */
export const POWERSHELL_LISTING_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '[Console]::OutputEncoding = [Text.Encoding]::UTF8',
  '$info = @{}',
  'while ($null -ne [Console]::In.ReadLine()) {',
  '  Get-Process | ForEach-Object {',
  '    $p = $_.Path; $v = $null',
  '    if ($p) { if ($info.ContainsKey($p)) { $v = $info[$p] } else { $v = [Diagnostics.FileVersionInfo]::GetVersionInfo($p); $info[$p] = $v } }',
  '    [pscustomobject]@{ Id = $_.Id; Name = $_.ProcessName; Path = $p; Company = $v.CompanyName; Product = $v.ProductName; Description = $v.FileDescription; OriginalFilename = $v.OriginalFilename }',
  '  } | ConvertTo-Csv -NoTypeInformation',
  "  '#END'",
  '  [Console]::Out.Flush()',
  '}',
].join('\n');

/**
 * A long-lived listing process spoken to line by line: one request line in, the listing and `#END`
 * out. Restarted on the next request when it died. (Windows' PowerShell; tests use a Node stand-in.)
 */
export class LineListingSession {
  readonly #command: string;
  readonly #args: readonly string[];
  readonly #timeoutMs: number;
  #child: ChildProcessWithoutNullStreams | null = null;
  #buffer = '';
  #waiting: { resolve(text: string): void; reject(error: Error): void } | null = null;
  #closed = false;

  constructor(command: string, args: readonly string[], timeoutMs = 10_000) {
    this.#command = command;
    this.#args = args;
    this.#timeoutMs = timeoutMs;
  }

  #start(): ChildProcessWithoutNullStreams {
    const child = spawn(this.#command, this.#args, { stdio: 'pipe', windowsHide: true });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      this.#buffer += chunk;
      const end = this.#buffer.search(/^#END\r?$/m);
      if (end < 0 || !this.#waiting) return;
      const text = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end).replace(/^#END\r?\n?/, '');
      const waiting = this.#waiting;
      this.#waiting = null;
      waiting.resolve(text);
    });
    child.stderr.resume();
    const gone = (why: string) => {
      if (this.#child === child) this.#child = null;
      this.#buffer = '';
      const waiting = this.#waiting;
      this.#waiting = null;
      waiting?.reject(new Error(why));
    };
    child.on('error', (error) => gone(`${this.#command} could not run: ${error.message}`));
    child.on('exit', (code) => gone(`${this.#command} ended (code ${String(code)})`));
    child.stdin.on('error', () => undefined);
    return child;
  }

  request(): Promise<string> {
    if (this.#closed) return Promise.reject(new Error('the listing session is closed'));
    if (this.#waiting) return Promise.reject(new Error('a listing is already under way'));
    this.#child ??= this.#start();
    const child = this.#child;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting = null;
        child.kill();
        reject(new Error(`${this.#command} did not answer within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#waiting = {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      child.stdin.write('list\n');
    });
  }

  close(): void {
    this.#closed = true;
    this.#child?.kill();
    this.#child = null;
  }
}

function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', windowsHide: true, timeout: 10_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** The lister of this system. */
export function createProcessLister(platform: Platform): ProcessLister {
  if (platform === 'linux') return { list: () => listLinuxProcesses(), close: () => undefined };
  if (platform === 'darwin') {
    return {
      list: async () => parsePsOutput(await run('ps', ['-axo', 'pid=,comm='])),
      close: () => undefined,
    };
  }
  const session = new LineListingSession('powershell.exe', [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-Command',
    POWERSHELL_LISTING_SCRIPT,
  ]);
  let failures = 0;
  return {
    async list() {
      // PowerShell refused (policy, constrained language) or died: names only, this round; after three
      // failures in a row, names only from then on.
      if (failures < 3) {
        try {
          const listed = parseWindowsProcessCsv(await session.request());
          failures = 0;
          return listed;
        } catch {
          failures += 1;
        }
      }
      return parseTasklistCsv(await run('tasklist', ['/fo', 'csv', '/nh']));
    },
    close: () => session.close(),
  };
}
