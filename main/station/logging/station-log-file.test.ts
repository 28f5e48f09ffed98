// The station's lasting log: lines appended as printed, owner-only, rotated past its limit keeping one
// old file, and never an exception when the folder cannot be written.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  STATION_LOG_FILE_NAME,
  STATION_LOG_OLD_FILE_NAME,
  StationLogFile,
  stationLogLine,
} from './station-log-file.ts';

let root = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'station-log-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (dir: string, name = STATION_LOG_FILE_NAME) => readFileSync(path.join(dir, name), 'utf8');

describe('the station log file', () => {
  it('words a line as stdout does, with its ISO timestamp', () => {
    expect(stationLogLine('settings reload failed', new Date('2025-03-12T11:05:01.000Z'))).toBe(
      '[station] 2025-03-12T11:05:01.000Z settings reload failed',
    );
  });

  it('creates its folder and appends each line', () => {
    const dir = path.join(root, 'station', 'logs');
    const log = new StationLogFile({ dir });
    log.append('[station] t1 first');
    log.append('[station] t2 second\n  at stack');
    expect(read(dir)).toBe('[station] t1 first\n[station] t2 second\n  at stack\n');
    // A new station (the next start) appends after what is there.
    new StationLogFile({ dir }).append('[station] t3 third');
    expect(read(dir).split('\n')).toHaveLength(5);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only', () => {
    const dir = path.join(root, 'logs');
    new StationLogFile({ dir }).append('line');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, STATION_LOG_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('rotates past its size limit, keeping one old file', () => {
    const dir = path.join(root, 'logs');
    const log = new StationLogFile({ dir, maxBytes: 20 });
    log.append('aaaaaaaaa'); // 10 bytes with its newline
    log.append('bbbbbbbbb'); // 20: still within the limit
    expect(existsSync(path.join(dir, STATION_LOG_OLD_FILE_NAME))).toBe(false);
    log.append('ccccccccc');
    expect(read(dir, STATION_LOG_OLD_FILE_NAME)).toBe('aaaaaaaaa\nbbbbbbbbb\n');
    expect(read(dir)).toBe('ccccccccc\n');
    log.append('ddddddddd');
    log.append('eeeeeeeee');
    expect(read(dir, STATION_LOG_OLD_FILE_NAME)).toBe('ccccccccc\nddddddddd\n');
    expect(read(dir)).toBe('eeeeeeeee\n');
  });

  it('counts what an earlier start left in the file', () => {
    const dir = path.join(root, 'logs');
    new StationLogFile({ dir }).append('x'.repeat(15));
    new StationLogFile({ dir, maxBytes: 20 }).append('later');
    expect(read(dir, STATION_LOG_OLD_FILE_NAME)).toBe(`${'x'.repeat(15)}\n`);
    expect(read(dir)).toBe('later\n');
  });

  it('drops a line it cannot write, without throwing, and writes again once it can', () => {
    const blocker = path.join(root, 'station');
    writeFileSync(blocker, 'not a folder');
    const log = new StationLogFile({ dir: path.join(blocker, 'logs') });
    expect(() => log.append('lost')).not.toThrow();
    rmSync(blocker);
    log.append('kept');
    expect(read(path.join(blocker, 'logs'))).toBe('kept\n');
  });

  it('does not throw when the folder cannot even be found', () => {
    const log = new StationLogFile({
      dir: () => {
        throw new Error('no data folder');
      },
    });
    expect(() => log.append('lost')).not.toThrow();
  });
});
