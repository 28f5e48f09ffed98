import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, missingServerFlags, serverFlagsWarning } from './node-flags.ts';

const root = path.resolve(import.meta.dirname, '..');

function script(packageFile: string, name: string): string {
  const json = JSON.parse(readFileSync(path.join(root, packageFile), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return json.scripts[name] ?? '';
}

describe('the flags the server is started with', () => {
  it.each([
    ['package.json', 'server', 'server/main.ts'],
    ['server/package.json', 'start', 'main.ts'],
  ])('%s\'s "%s" script passes every flag to node, before the script', (file, name, entry) => {
    const words = script(file, name).split(' ');
    expect(words[0]).toBe('node');
    const entryAt = words.indexOf(entry);
    expect(entryAt).toBeGreaterThan(0);
    expect(missingServerFlags(words.slice(1, entryAt))).toEqual([]);
  });

  it('names the flags a process was started without', () => {
    expect(missingServerFlags([])).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingServerFlags(['--inspect', ...SERVER_NODE_FLAGS])).toEqual([]);
  });

  it('warns a server started without them on two cores, where they were measured, and only there', () => {
    expect(serverFlagsWarning([], 2)).toContain('--single-threaded-gc');
    expect(serverFlagsWarning([...SERVER_NODE_FLAGS], 2)).toBeNull();
    expect(serverFlagsWarning([], 8)).toBeNull();
  });
});
