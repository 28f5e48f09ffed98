// Reading a result upload's body ({ bundle: <compact JWS> }, core/contracts/station-server.ts) from the
// bytes received. The result route takes its body raw, so that this happens once, where the bundle is
// checked (a verification worker, usually), instead of a parse on the event loop and a copy of the
// 30 KB string to the worker. Errors are the ones the other routes' JSON parser and body schema give.
import { ResultUploadRequestSchema } from '../../core/contracts/station-server.ts';
import { bundleHash } from '../../core/bundle/bundle-hash.ts';
import { nativeSha256Hex } from './intake-sha256.ts';

export type UploadReading =
  | { ok: true; jws: string; bundleHash: string }
  | { ok: false; code: 'INVALID_JSON' | 'INVALID_REQUEST'; message: string };

export function readUpload(body: Uint8Array): UploadReading {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return { ok: false, code: 'INVALID_JSON', message: 'the body is not valid JSON' };
  }
  const parsed = ResultUploadRequestSchema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `body${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`)
      .join('; ');
    return { ok: false, code: 'INVALID_REQUEST', message };
  }
  const jws = parsed.data.bundle;
  return { ok: true, jws, bundleHash: bundleHash(jws, nativeSha256Hex) };
}
