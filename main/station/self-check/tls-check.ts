// "TLS valid": the server's certificate as this station's Node sees it (the same trust the station's
// requests use), its expiry, and plain-language reasons when it is refused.
import { connect, type PeerCertificate } from 'node:tls';
import {
  SELF_CHECK_TLS_ERRORS,
  SELF_CHECK_TLS_REASONS_FR,
  type SelfCheckTlsError,
} from '../../../core/contracts/station-self-check-codes.ts';
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import { openTunnel } from '../network/proxy-tunnel.ts';
import { checkLine } from './self-check-line.ts';

/** A certificate expiring sooner than this is worth renewing before exam day. */
export const CERTIFICATE_WARNING_DAYS = 14;
const TIMEOUT_MS = 10_000;
const DAY_MS = 24 * 3600_000;

/** The TLS error code as the self-check's codes name it, or null when the code is not a TLS problem. */
export function tlsErrorCode(code: string): SelfCheckTlsError | null {
  return SELF_CHECK_TLS_ERRORS.find((known) => known === code) ?? null;
}

/** The French reason for a TLS error code, or null when the code is not a TLS problem. */
export function tlsProblem(code: string): string | null {
  const known = tlsErrorCode(code);
  return known ? SELF_CHECK_TLS_REASONS_FR[known] : null;
}

/** What the TLS handshake with the server showed. */
export interface Handshake {
  authorized: boolean;
  error: string | null;
  certificate: PeerCertificate | null;
}

/** The handshake, straight to the server or through the proxy that carries the station's requests. */
async function handshake(host: string, port: number, via: string | null): Promise<Handshake> {
  const socket = via === null ? undefined : await openTunnel(via, host, port, TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    const tlsSocket = connect({
      ...(socket ? { socket } : { host, port }),
      servername: host,
      rejectUnauthorized: false,
      timeout: TIMEOUT_MS,
    });
    tlsSocket.once('secureConnect', () => {
      const certificate = tlsSocket.getPeerCertificate();
      const error = tlsSocket.authorizationError;
      resolve({
        authorized: tlsSocket.authorized,
        error: error ? String((error as Error & { code?: string }).code ?? error) : null,
        certificate: certificate && Object.keys(certificate).length > 0 ? certificate : null,
      });
      tlsSocket.end();
    });
    tlsSocket.once('timeout', () => {
      tlsSocket.destroy();
      reject(new Error('timeout'));
    });
    tlsSocket.once('error', reject);
  });
}

/** The certificate's issuer (organisation, else common name), or null when it names none. */
function issuerName(certificate: PeerCertificate): string | null {
  const issuer = certificate.issuer as Partial<Record<string, string | string[]>> | undefined;
  const name = issuer?.O ?? issuer?.CN;
  return Array.isArray(name) ? name.join(', ') : (name ?? null);
}

export async function checkTls(
  serverUrl: string,
  now: () => number = Date.now,
  /** For tests: the handshake (by default a real one, certificate read but not enforced). */
  connectTls: (host: string, port: number, via: string | null) => Promise<Handshake> = handshake,
  /** The proxy that carries the station's requests to the server (null: direct). */
  via: string | null = null,
): Promise<SelfCheckLine> {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return checkLine('tls', 'skipped', { code: 'tls.badUrl', params: {} }, 'adresse du serveur invalide');
  }
  if (url.protocol === 'http:') {
    return checkLine(
      'tls',
      'warning',
      { code: 'tls.plainHttp', params: { origin: url.origin } },
      `connexion non chiffrée (${url.origin})`,
      'Servez le serveur de certification en HTTPS ; le HTTP ne convient qu’à un réseau interne fermé.',
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : 443;
  let result: Handshake;
  try {
    result = await connectTls(host, port, via);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const tlsError = code ? tlsErrorCode(code) : null;
    if (tlsError) {
      return checkLine(
        'tls',
        'failure',
        { code: 'tls.notTls', params: { tlsError } },
        SELF_CHECK_TLS_REASONS_FR[tlsError],
        'Vérifiez que l’adresse et le port servent bien HTTPS.',
      );
    }
    return checkLine(
      'tls',
      'skipped',
      { code: 'tls.noConnection', params: code ? { error: code } : {} },
      `pas de connexion TLS possible (${code ?? 'serveur injoignable'})`,
    );
  }
  if (!result.authorized) {
    const tlsError = result.error ? tlsErrorCode(result.error) : null;
    return checkLine(
      'tls',
      'failure',
      tlsError
        ? { code: 'tls.refused', params: { tlsError } }
        : { code: 'tls.refusedOther', params: result.error ? { error: result.error } : {} },
      tlsError ? SELF_CHECK_TLS_REASONS_FR[tlsError] : `certificat refusé (${result.error ?? 'inconnu'})`,
      'Installez sur le serveur un certificat valide pour ce nom, avec sa chaîne complète, émis par une autorité publique ou par l’autorité de l’établissement installée dans le magasin de certificats du système.',
    );
  }
  const certificate = result.certificate;
  if (!certificate) return checkLine('tls', 'ok', { code: 'tls.valid', params: {} }, 'certificat valide');
  const expires = Date.parse(certificate.valid_to);
  const days = Math.floor((expires - now()) / DAY_MS);
  const until = Number.isNaN(expires) ? certificate.valid_to : new Date(expires).toISOString().slice(0, 10);
  const issuer = issuerName(certificate);
  const detail = `certificat valide jusqu’au ${until} (${issuer ?? 'émetteur inconnu'})`;
  const certificateParams = { until, ...(issuer ? { issuer } : {}) };
  if (days < CERTIFICATE_WARNING_DAYS) {
    return checkLine(
      'tls',
      'warning',
      { code: 'tls.expiresSoon', params: { ...certificateParams, days: Math.max(0, days) } },
      `${detail} : expire dans ${Math.max(0, days)} jour(s)`,
      'Renouvelez le certificat du serveur avant le jour de l’examen.',
    );
  }
  return checkLine('tls', 'ok', { code: 'tls.validUntil', params: certificateParams }, detail);
}
