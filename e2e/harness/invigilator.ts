// The invigilator, through the server's invigilator API (core/contracts/invigilator-api.ts): logs in
// with the session number and password, reads the room, authorizes starts and resumes, decides
// alerts, ends tests, finalizes the session and reads the results. The invigilator screen itself is a
// later issue; these are the same requests it will make.
import type { Results, Room, RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import type { Certificate } from '../../core/contracts/public-api.ts';
import type { CertificationServer } from './certification-server.ts';
import { api, type SeededSession } from './seed-session.ts';

export const INVIGILATOR_PATHS = {
  login: '/api/invigilator/login',
  room: (sessionId: string) => `/api/invigilator/sessions/${sessionId}`,
  command: (sessionId: string, candidateId: string) =>
    `/api/invigilator/sessions/${sessionId}/candidates/${candidateId}/commands`,
  alertDecision: (sessionId: string, alertId: string) =>
    `/api/invigilator/sessions/${sessionId}/alerts/${encodeURIComponent(alertId)}/decision`,
  finalize: (sessionId: string) => `/api/invigilator/sessions/${sessionId}/finalization`,
  results: (sessionId: string) => `/api/invigilator/sessions/${sessionId}/results`,
  certificate: (code: string) => `/api/public/certificates/${encodeURIComponent(code)}`,
} as const;

export class Invigilator {
  readonly #server: CertificationServer;
  readonly #seeded: SeededSession;
  #token: string;

  private constructor(server: CertificationServer, seeded: SeededSession, token: string) {
    this.#server = server;
    this.#seeded = seeded;
    this.#token = token;
  }

  static async login(server: CertificationServer, seeded: SeededSession): Promise<Invigilator> {
    const { token } = await api<{ token: string }>(server, 'POST', INVIGILATOR_PATHS.login, {
      body: { sessionNumber: seeded.session.number, password: seeded.session.invigilatorPassword },
    });
    return new Invigilator(server, seeded, token);
  }

  get sessionId(): string {
    return this.#seeded.session.id;
  }

  candidateId(key: string): string {
    const id = this.#seeded.candidateIds.get(key);
    if (!id) throw new Error(`no candidate "${key}" in the seeded session`);
    return id;
  }

  #call<T>(method: string, url: string, body?: unknown): Promise<T> {
    return api<T>(this.#server, method, url, { token: this.#token, body });
  }

  room(): Promise<Room> {
    return this.#call('GET', INVIGILATOR_PATHS.room(this.sessionId));
  }

  async candidate(key: string): Promise<RoomCandidate> {
    const id = this.candidateId(key);
    const found = (await this.room()).candidates.find((c) => c.candidateId === id);
    if (!found) throw new Error(`candidate "${key}" is not in the room`);
    return found;
  }

  /** Polls the room until the candidate's card satisfies `check`. */
  async waitFor(
    key: string,
    check: (c: RoomCandidate) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<RoomCandidate> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const card = await this.candidate(key);
      if (check(card)) return card;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(card)}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  #command(key: string, body: unknown): Promise<unknown> {
    return this.#call('POST', INVIGILATOR_PATHS.command(this.sessionId, this.candidateId(key)), body);
  }

  /** Confirms presence ("autoriser à commencer"). */
  authorizeStart(key: string) {
    return this.#command(key, { type: 'authorizeStart' });
  }

  authorizeResume(key: string) {
    return this.#command(key, { type: 'authorizeResume' });
  }

  pause(key: string, reason = '') {
    return this.#command(key, { type: 'pause', reason });
  }

  unlock(key: string) {
    return this.#command(key, { type: 'unlock' });
  }

  endTest(key: string) {
    return this.#command(key, { type: 'endTest' });
  }

  /** Waits for the candidate's pending alert, then decides it. */
  async decideAlert(key: string, decision: 'dismissed' | 'validated', reasonCode: string | null = null) {
    const card = await this.waitFor(key, (c) => c.alert !== null, 'an alert');
    const alert = card.alert;
    if (!alert) throw new Error('no alert');
    await this.#call('POST', INVIGILATOR_PATHS.alertDecision(this.sessionId, alert.id), {
      decision,
      reasonCode,
    });
    return alert;
  }

  finalize(body: { abortReasons?: { candidateId: string; reason: 'candidate' | 'technical' }[] } = {}) {
    return this.#call('POST', INVIGILATOR_PATHS.finalize(this.sessionId), {
      abortReasons: body.abortReasons ?? [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
  }

  results(): Promise<Results> {
    return this.#call('GET', INVIGILATOR_PATHS.results(this.sessionId));
  }

  /** The public verification of a certificate by its code (anyone can do it once published). */
  certificate(code: string): Promise<Certificate> {
    return api<Certificate>(this.#server, 'GET', INVIGILATOR_PATHS.certificate(code));
  }
}
