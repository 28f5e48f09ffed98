import { describe, expect, it } from 'vitest';
import type { ServerFailure } from '../runtime/ports.ts';
import { ENROLL_EXIT_CODES, enrollmentRefusal } from './enroll-station.ts';

const refused = (status: number, code: string, message = 'refused'): ServerFailure => ({
  ok: false,
  kind: 'http',
  status,
  code,
  message,
});

describe('what IT reads when the server refuses the enrollment', () => {
  it('sends a revoked station to the code issued for it, with where to find it', () => {
    const { exitCode, why } = enrollmentRefusal(refused(409, 'STATION_ALREADY_ENROLLED'));
    expect(exitCode).toBe(ENROLL_EXIT_CODES.refused);
    expect(why).toContain('« Réinscrire ce poste »');
  });

  it('names a code issued for another station and a station of another centre', () => {
    expect(enrollmentRefusal(refused(409, 'ENROLLMENT_CODE_FOR_ANOTHER_STATION')).why).toContain(
      'émis pour réinscrire un autre poste',
    );
    expect(enrollmentRefusal(refused(409, 'STATION_OF_ANOTHER_CENTRE')).why).toContain('un autre centre');
  });

  it('sends IT back to the server whose results the station still holds, naming it', () => {
    const refusal: ServerFailure = {
      ok: false,
      kind: 'http',
      code: 'RESULTS_OF_ANOTHER_SERVER',
      message: 'results not sent yet',
    };
    const { exitCode, why } = enrollmentRefusal(refusal, [
      { serverUrl: 'https://certif.example.org', testIds: ['t1', 't2'] },
    ]);
    expect(exitCode).toBe(ENROLL_EXIT_CODES.refused);
    expect(why).toContain('https://certif.example.org (2 épreuve(s))');
    expect(why).toContain('réglage serverUrl');
  });

  it('keeps the server’s words for a refusal it does not know', () => {
    expect(enrollmentRefusal(refused(400, 'SOMETHING_NEW', 'the reason')).why).toBe(
      'le serveur refuse (the reason)',
    );
  });
});
