// Shared preparation for the server benchmarks: a certification day seeded through the API on a server
// in this process (candidates joined on enrolled stations, starts authorized, packages fetched), saved
// as a template database file that each round copies, so that every round starts from the same state.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Challenge } from '../core/challenge/challenge.ts';
import type { PackageResponse } from '../core/contracts/station-server.ts';
import { enrolledStation, invigilator, join, fetchPackage } from '../server/testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../server/testing/seed.ts';
import type { TestStation } from '../server/testing/station-client.ts';
import { startTestServer } from '../server/testing/test-server.ts';

export interface PreparedTest {
  station: TestStation;
  candidateId: string;
  testId: string;
  pkg: PackageResponse;
  startCommandId: string;
}

export interface PreparedDay {
  dbFile: string;
  day: SeededDay;
  bank: Map<string, Challenge>;
  stations: TestStation[];
  tests: PreparedTest[];
  invigilatorPassword: string;
}

export async function prepareDay(options: {
  candidates: number;
  stations: number;
  start: boolean;
}): Promise<PreparedDay> {
  const server = await startTestServer();
  const day = await seedCertificationDay(server.app, { count: options.candidates, competences: 16 });
  const inv = await invigilator(server, day);
  const stations: TestStation[] = [];
  for (let i = 0; i < options.stations; i++)
    stations.push(await enrolledStation(server, day, `Poste ${i + 1}`));
  const tests: PreparedTest[] = [];
  for (const [i, candidate] of day.candidates.entries()) {
    const station = stations[i % stations.length] as TestStation;
    const joined = await join(server, day, station, candidate);
    let pkg: PackageResponse | null = null;
    let startCommandId = '';
    if (options.start) {
      startCommandId = (await inv.command(candidate.id, { type: 'authorizeStart' })).command.id;
      pkg = await fetchPackage(server, station, joined.testId);
    }
    tests.push({
      station,
      candidateId: candidate.id,
      testId: joined.testId,
      pkg: pkg as PackageResponse,
      startCommandId,
    });
  }
  for (const station of stations) station.now = () => Date.now();
  await server.close();
  return {
    dbFile: server.dbFile,
    day,
    bank: new Map(day.bank.map((c) => [c.id, c] as [string, Challenge])),
    stations,
    tests,
    invigilatorPassword: day.session.invigilatorPassword,
  };
}

/** A fresh copy of the template database for one round. */
export function copyDatabase(template: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pix-bench-'));
  const file = path.join(dir, 'server.sqlite');
  copyFileSync(template, file);
  return file;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** CPU time (user + system, all threads) a process has used, in ms; null where /proc is missing. */
export function processCpuMs(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  // Fields 14 and 15 (utime, stime), in clock ticks of 10 ms, after the command name in brackets.
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
