// Row ↔ object mapping for the SQLite backend. JSON columns hold values the server validated before
// writing them, so they are read back without a second validation.
import type { CommandAckOutcome } from '../../../core/contracts/station-server.ts';
import type {
  HeartbeatState,
  JournalState,
  StoredAccount,
  StoredAlert,
  StoredCandidate,
  StoredCommand,
  StoredIncident,
  StoredResult,
  StoredSession,
  StoredStation,
  StoredTest,
} from '../repositories.ts';

export type Row = Record<string, unknown>;

export const str = (value: unknown): string => String(value);
export const strOrNull = (value: unknown): string | null => (value === null ? null : String(value));
export const num = (value: unknown): number => Number(value);
export const numOrNull = (value: unknown): number | null => (value === null ? null : Number(value));
export function json<T>(value: unknown): T {
  return JSON.parse(String(value)) as T;
}
export function jsonOrNull<T>(value: unknown): T | null {
  return value === null ? null : (JSON.parse(String(value)) as T);
}

export function sessionFromRow(r: Row): StoredSession {
  return {
    id: str(r.id),
    number: num(r.number),
    centreId: str(r.centre_id),
    address: str(r.address),
    room: str(r.room),
    date: str(r.date),
    time: str(r.time),
    examiner: str(r.examiner),
    description: str(r.description),
    accessCode: str(r.access_code),
    invigilatorPassword: str(r.invigilator_password),
    invigilatorPasswordVersion: num(r.invigilator_password_version),
    state: str(r.state) as StoredSession['state'],
    finalization: jsonOrNull(r.finalization),
    finalizedAt: numOrNull(r.finalized_at),
    processedAt: numOrNull(r.processed_at),
    publishedAt: numOrNull(r.published_at),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

export function accountFromRow(r: Row): StoredAccount {
  return {
    id: str(r.id),
    email: str(r.email),
    displayName: str(r.display_name),
    role: str(r.role) as StoredAccount['role'],
    centreId: strOrNull(r.centre_id),
    passwordHash: str(r.password_hash),
    createdAt: num(r.created_at),
    deactivatedAt: numOrNull(r.deactivated_at),
  };
}

/**
 * A candidate as read. Its Pix profile (kilobytes of JSON) is parsed on first read only: joining, test
 * generation and the back office read it, while the invigilator's cards and commands, which read a
 * candidate on every change during the test (each result received, each command), never do.
 */
export function candidateFromRow(r: Row): StoredCandidate {
  const candidate: StoredCandidate = {
    id: str(r.id),
    sessionId: str(r.session_id),
    lastName: str(r.last_name),
    firstName: str(r.first_name),
    matchKey: str(r.match_key),
    sex: str(r.sex) as StoredCandidate['sex'],
    birthdate: str(r.birthdate),
    birthCountry: str(r.birth_country),
    birthCity: strOrNull(r.birth_city),
    birthInseeCode: strOrNull(r.birth_insee_code),
    birthPostalCode: strOrNull(r.birth_postal_code),
    externalId: strOrNull(r.external_id),
    resultEmail: strOrNull(r.result_email),
    extraTimePercentage: num(r.extra_time_percentage),
    accessibilityAdjustment: num(r.accessibility_adjustment) === 1,
    profile: null,
    profileImportedAt: numOrNull(r.profile_imported_at),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
  const raw = r.profile;
  let read = false;
  let profile: StoredCandidate['profile'] = null;
  // Redefined in place: the property keeps its position and stays enumerable (spreads, JSON, equality).
  Object.defineProperty(candidate, 'profile', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!read) {
        profile = jsonOrNull(raw);
        read = true;
      }
      return profile;
    },
    set: (value: StoredCandidate['profile']) => {
      profile = value;
      read = true;
    },
  });
  return candidate;
}

export function stationFromRow(r: Row): StoredStation {
  return {
    id: str(r.id),
    centreId: str(r.centre_id),
    name: str(r.name),
    publicKey: json(r.public_key),
    machineId: str(r.machine_id),
    enrolledAt: num(r.enrolled_at),
    revokedAt: numOrNull(r.revoked_at),
    lastSeenAt: numOrNull(r.last_seen_at),
    version: strOrNull(r.version),
    selfCheck: jsonOrNull(r.self_check),
    selfCheckAt: numOrNull(r.self_check_at),
  };
}

export function journalFromRow(r: Row): JournalState {
  return {
    storedThrough: num(r.stored_through),
    lastHash: strOrNull(r.last_hash),
    startedAt: numOrNull(r.started_at),
    startedClockOffsetMs: numOrNull(r.started_clock_offset_ms),
    downtimeMs: num(r.downtime_ms),
    answered: num(r.answered),
    addedMs: num(r.added_ms),
    pausedCause: strOrNull(r.paused_cause),
    pausedReason: strOrNull(r.paused_reason),
    endedReason: strOrNull(r.ended_reason),
  };
}

export function heartbeatFromRow(r: Row): HeartbeatState {
  return {
    phase: strOrNull(r.phase),
    currentIndex: numOrNull(r.current_index),
    total: numOrNull(r.total),
    timeLeftMs: numOrNull(r.time_left_ms),
    timeLeftAt: numOrNull(r.time_left_at),
    timeLeftAddedMs: numOrNull(r.time_left_added_ms),
    alertPending: num(r.alert_pending) === 1,
    lastSeq: numOrNull(r.heartbeat_seq),
    lastHeartbeatAt: numOrNull(r.last_heartbeat_at),
    clockOffsetMs: numOrNull(r.clock_offset_ms),
  };
}

/** Expects the tests row joined with `bundle_received_at`. A refusal is read only while no bundle is. */
export function testFromRow(r: Row): StoredTest {
  return {
    id: str(r.id),
    sessionId: str(r.session_id),
    candidateId: str(r.candidate_id),
    stationId: str(r.station_id),
    joinedAt: num(r.joined_at),
    packageId: strOrNull(r.package_id),
    packageHash: strOrNull(r.package_hash),
    generatedAt: numOrNull(r.generated_at),
    authorization: strOrNull(r.authorization) as StoredTest['authorization'],
    authorizationId: strOrNull(r.authorization_id),
    resumeStationId: strOrNull(r.resume_station_id),
    resumeRequestedAt: numOrNull(r.resume_requested_at),
    journal: journalFromRow(r),
    heartbeat: heartbeatFromRow(r),
    bundleReceivedAt: numOrNull(r.bundle_received_at),
    uploadRefusal:
      r.upload_refusal_code === null || r.upload_refusal_code === undefined || r.bundle_received_at !== null
        ? null
        : { code: str(r.upload_refusal_code), at: num(r.upload_refused_at) },
  };
}

export function alertFromRow(r: Row): StoredAlert {
  return {
    id: str(r.id),
    testId: str(r.test_id),
    challengeId: str(r.challenge_id),
    questionNumber: numOrNull(r.question_number),
    content: json(r.content),
    raisedAt: num(r.raised_at),
    clockOffsetMs: numOrNull(r.clock_offset_ms),
    receivedAt: num(r.received_at),
    decision: strOrNull(r.decision) as StoredAlert['decision'],
    reasonCode: strOrNull(r.reason_code),
    decidedAt: numOrNull(r.decided_at),
    commandId: strOrNull(r.command_id),
  };
}

export function commandFromRow(r: Row): StoredCommand {
  return {
    seq: num(r.seq),
    id: str(r.id),
    sessionId: str(r.session_id),
    testId: str(r.test_id),
    stationId: str(r.station_id),
    command: json(r.command),
    issuedAt: num(r.issued_at),
    acknowledgedAt: numOrNull(r.acknowledged_at),
    // The column's CHECK holds it to the outcomes (migration 20).
    acknowledgedOutcome: strOrNull(r.ack_outcome) as CommandAckOutcome | null,
  };
}

export function incidentFromRow(r: Row): StoredIncident {
  return {
    id: str(r.id),
    sessionId: str(r.session_id),
    candidateId: str(r.candidate_id),
    code: str(r.code),
    questionNumber: numOrNull(r.question_number),
    description: str(r.description),
    createdAt: num(r.created_at),
    createdBy: str(r.created_by),
  };
}

export function resultFromRow(r: Row): StoredResult {
  return {
    candidateId: str(r.candidate_id),
    sessionId: str(r.session_id),
    testId: str(r.test_id),
    score: json(r.score),
    completion: json(r.completion),
    source: str(r.source) as StoredResult['source'],
    neutralized: json(r.neutralized),
    verificationCode: strOrNull(r.verification_code),
    scoredAt: num(r.scored_at),
    maxReachableLevel: num(r.max_reachable_level),
  };
}
