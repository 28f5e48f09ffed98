import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunMarker } from './run-marker.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'pix-marker-'));
  return path.join(dir, 'station.running');
}

describe('RunMarker', () => {
  it('a first run, then a clean quit, leave nothing to report', () => {
    const f = file();
    const first = RunMarker.open(f, () => 1000);
    expect(first.previous).toEqual({ unclean: false, lastSeen: null });
    expect(existsSync(f)).toBe(true);
    first.marker.close();
    expect(existsSync(f)).toBe(false);
    expect(RunMarker.open(f).previous.unclean).toBe(false);
  });

  it('a run that never closed is reported with its last sign of life', () => {
    const f = file();
    let now = 1_700_000_000_000;
    const crashed = RunMarker.open(f, () => now);
    now += 60_000;
    crashed.marker.touch();
    // No close(): the process died.
    const next = RunMarker.open(f, () => now + 5_000);
    expect(next.previous).toEqual({ unclean: true, lastSeen: new Date(1_700_000_060_000) });
  });

  it('a torn marker still counts as an unclean exit', () => {
    const f = file();
    writeFileSync(f, '{"pid":12,"lastSe');
    expect(RunMarker.open(f).previous).toEqual({ unclean: true, lastSeen: null });
  });

  it('touch after close does not bring the marker back', () => {
    const f = file();
    const { marker } = RunMarker.open(f);
    marker.close();
    marker.touch();
    expect(existsSync(f)).toBe(false);
  });
});
