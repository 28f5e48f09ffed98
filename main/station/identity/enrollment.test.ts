import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../sync/sync-fixtures.ts';
import { readEnrollment, sameServer, writeEnrollment, type Enrollment } from './enrollment.ts';

const enrollment: Enrollment = {
  formatVersion: 1,
  stationId: 'st-0123456789abcdef0123',
  name: 'Poste 07',
  centre: { id: 'centre-1', name: 'Collège Jean Moulin' },
  serverUrl: 'https://certif.example.org',
  machineId: 'abc',
  enrolledAt: '2026-11-20T08:00:00.000Z',
};

describe('the enrollment file', () => {
  it('is absent before enrollment', async () => {
    expect(await readEnrollment(path.join(tempDataDir(), 'station.json'))).toEqual({ state: 'none' });
  });

  it('is written, readable by its owner only, and read back', async () => {
    const file = path.join(tempDataDir(), 'station.json');
    await writeEnrollment(file, enrollment);
    expect(await readEnrollment(file)).toEqual({ state: 'enrolled', enrollment });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(enrollment);
  });

  it.each([
    ['not JSON', '{ oops', /not JSON/],
    ['a file that names no station', JSON.stringify({ ...enrollment, stationId: 'nope' }), /stationId/],
  ])('is unreadable when %s (the station asks to enroll again)', async (_case, content, problem) => {
    const file = path.join(tempDataDir(), 'station.json');
    writeFileSync(file, content);
    const read = await readEnrollment(file);
    expect(read.state).toBe('unreadable');
    if (read.state === 'unreadable') expect(read.problem).toMatch(problem);
  });

  it('refuses to write an invalid enrollment', async () => {
    await expect(
      writeEnrollment(path.join(tempDataDir(), 'x.json'), { ...enrollment, serverUrl: 'ftp://x' }),
    ).rejects.toThrow();
  });

  it('compares servers without their trailing slash', () => {
    expect(sameServer('https://a.org/', 'https://a.org')).toBe(true);
    expect(sameServer('https://a.org', 'https://b.org')).toBe(false);
  });
});
