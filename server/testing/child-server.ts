// Starts server-child.ts in its own process and waits for its address.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../node-flags.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown, no flush, as a crash or a power cut of the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `from`: another copy of the repository to run the server of; `flags`: Node or V8 flags for its
 * process instead of those it is deployed with (both for the intake benchmark's A/B rounds).
 */
export function startChildServer(
  dbFile: string,
  port = 0,
  from = root,
  flags: readonly string[] = SERVER_NODE_FLAGS,
): Promise<ChildServer> {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'node'),
    [...flags, path.join(from, 'server', 'testing', 'server-child.ts'), dbFile, String(port)],
    {
      cwd: from,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /READY (\S+)/.exec(out);
      if (match?.[1]) {
        resolve({
          url: match[1],
          process: child,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
}
