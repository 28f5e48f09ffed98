// Station enrollment: the centre issues a one-time code (shown once, stored as SHA-256, expiring); the
// station sends it with its public key; the station id derives from the key (core/identity). A revoked
// station is enrolled again only with a code issued for it (« Réinscrire ce poste » on its row): its
// key's row becomes active again, in its own centre. Any other code leaves a revoked key revoked (a
// stolen laptop does not come back with a code handed to IT for new machines).
import { randomString } from '../../core/codes/secure-random.ts';
import type { z } from 'zod';
import type { EnrollRequestSchema } from '../../core/contracts/station-server.ts';
import { stationIdFromJwk } from '../../core/identity/station-id.ts';
import { secretHash } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import type { StoredCentre } from '../storage/repositories.ts';

/** No look-alike characters: codes are typed by hand on the station. */
const CODE_ALPHABET = 'BCDFGHJKMPQRTVWXY2346789';
const CODE_LENGTH = 12;

/** What the person typed, made comparable: no spaces or dashes, upper case. */
export function normalizeEnrollmentCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export async function issueEnrollmentCode(
  ctx: ServerContext,
  centre: StoredCentre,
  validForMinutes: number,
  createdBy: string | null,
  /** To enroll again this revoked station of the centre (checked by the caller), and no other key. */
  forStationId: string | null = null,
): Promise<{ code: string; expiresAt: number }> {
  const raw = randomString(CODE_ALPHABET, CODE_LENGTH);
  const now = ctx.now();
  const expiresAt = now + validForMinutes * 60_000;
  await ctx.store.stations.createEnrollmentCode({
    codeHash: secretHash(raw),
    centreId: centre.id,
    createdBy,
    createdAt: now,
    expiresAt,
    forStationId,
  });
  // Grouped by four for reading aloud; the dashes are ignored when it is typed.
  return { code: raw.match(/.{4}/g)?.join('-') ?? raw, expiresAt };
}

export async function enrollStation(
  ctx: ServerContext,
  request: z.output<typeof EnrollRequestSchema>,
): Promise<{ stationId: string; centre: { id: string; name: string } }> {
  const stationId = stationIdFromJwk(request.publicKey);
  const outcome = await ctx.store.stations.enroll(
    secretHash(normalizeEnrollmentCode(request.enrollmentCode)),
    {
      id: stationId,
      name: request.name,
      publicKey: { kty: 'OKP', crv: 'Ed25519', x: request.publicKey.x },
      machineId: request.machineId,
      enrolledAt: ctx.now(),
      revokedAt: null,
      lastSeenAt: null,
      version: null,
      selfCheck: null,
      selfCheckAt: null,
    },
    ctx.now(),
  );
  if (!outcome.ok) {
    if (outcome.problem === 'REVOKED_NEEDS_ITS_CODE' || outcome.problem === 'OTHER_CENTRE') {
      // A revoked key trying to come back: worth a trace (a stolen machine, or a station moved by hand).
      ctx.log.warn({ stationId, problem: outcome.problem }, 'revoked station refused enrollment');
    }
    switch (outcome.problem) {
      case 'CODE_UNKNOWN':
        throw new ApiError(404, 'ENROLLMENT_CODE_INVALID', 'this enrollment code does not exist: check it');
      case 'CODE_USED':
        throw new ApiError(
          410,
          'ENROLLMENT_CODE_INVALID',
          'this enrollment code was already used: ask for a new one',
        );
      case 'CODE_EXPIRED':
        throw new ApiError(
          410,
          'ENROLLMENT_CODE_INVALID',
          'this enrollment code has expired: ask for a new one',
        );
      case 'ALREADY_ENROLLED':
        throw new ApiError(
          409,
          'STATION_ALREADY_ENROLLED',
          'this station key is already enrolled (and not revoked): keep the code for another station',
        );
      case 'REVOKED_NEEDS_ITS_CODE':
        throw new ApiError(
          409,
          'STATION_ALREADY_ENROLLED',
          'this station key was enrolled, then revoked: only a code issued for this station enrolls it ' +
            "again; ask the referent to issue a re-enrollment code from the station's row in the back " +
            'office (« Réinscrire ce poste »), and keep this code for another station',
        );
      case 'OTHER_CENTRE':
        throw new ApiError(
          409,
          'STATION_OF_ANOTHER_CENTRE',
          'this station key is enrolled in another centre (revoked there): a station never changes ' +
            "centre; enroll it again with a re-enrollment code from its own centre's back office",
        );
      case 'CODE_FOR_ANOTHER_STATION':
        throw new ApiError(
          409,
          'ENROLLMENT_CODE_FOR_ANOTHER_STATION',
          'this code was issued to enroll again another station (a revoked one) and enrolls no other: ' +
            'ask for a code for this station',
        );
    }
  }
  const centre = await ctx.store.centres.get(outcome.centreId);
  ctx.log.info(
    { stationId, centreId: outcome.centreId, name: request.name },
    // A revoked station enrolled again: its requests, and its signed results not sent yet, are accepted again.
    outcome.reactivated ? 'revoked station enrolled again: active again' : 'station enrolled',
  );
  return { stationId, centre: { id: outcome.centreId, name: centre?.name ?? '' } };
}
