// The attendance sheet's lines (feuille d'émargement): every enrolled candidate in name order, present
// or absent, with the station, the start time and how the test ended, and room for the signature.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { attendanceOf, type Attendance } from '../../../core/session/attendance.ts';
import { byName } from '../room/attention.ts';

export interface AttendanceLine {
  candidateId: string;
  lastName: string;
  firstName: string;
  birthdate: string;
  extraTimePercentage: number;
  station: string | null;
  /** As finalization records it: only a test that started makes its candidate present. */
  presence: Attendance;
  startedAt: string | null;
  /** The card, for the words of its state. */
  candidate: RoomCandidate;
  incidents: number;
}

export function attendanceLines(
  candidates: readonly RoomCandidate[],
  sessionOpen: boolean,
): AttendanceLine[] {
  return [...candidates].sort(byName).map((c) => ({
    candidateId: c.candidateId,
    lastName: c.lastName,
    firstName: c.firstName,
    birthdate: c.birthdate,
    extraTimePercentage: c.extraTimePercentage,
    station: c.station?.name ?? null,
    presence: attendanceOf(c.state, sessionOpen, c.wentAhead),
    startedAt: c.startedAt,
    candidate: c,
    incidents: c.incidents,
  }));
}

/** 2011-04-02 → 02/04/2011 (the French way, as on the candidate's papers). */
export function frenchDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
