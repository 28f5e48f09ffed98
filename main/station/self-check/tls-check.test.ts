// The TLS check from the handshake it observes: the certificate's last day and issuer, an expiry close
// enough to warn, and refusals in plain words, each with the code and parameters the screens word.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls, { type PeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { SELF_CHECK_TLS_ERRORS } from '../../../core/contracts/station-self-check-codes.ts';
import { SelfCheckLineSchema, type SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import { localhostCertificate, startTestProxy } from '../network/testing/test-proxy.ts';
import { checkTls, tlsErrorCode, tlsProblem, type Handshake } from './tls-check.ts';

const NOW = Date.parse('2025-03-01T12:00:00Z');

function certificate(validTo: string, issuer: Record<string, string> = { O: 'Let’s Encrypt' }) {
  return { valid_to: validTo, issuer } as unknown as PeerCertificate;
}

async function check(result: Handshake | Error, url = 'https://certif.lycee.fr'): Promise<SelfCheckLine> {
  const line = await checkTls(
    url,
    () => NOW,
    () => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result)),
  );
  return SelfCheckLineSchema.parse(line);
}

describe('the TLS check', () => {
  it('gives the certificate’s last day and issuer, and warns two weeks before it expires', async () => {
    expect(
      await check({ authorized: true, error: null, certificate: certificate('Jun 30 23:59:59 2025 GMT') }),
    ).toMatchObject({
      status: 'ok',
      detail: 'certificat valide jusqu’au 2025-06-30 (Let’s Encrypt)',
      code: 'tls.validUntil',
      params: { until: '2025-06-30', issuer: 'Let’s Encrypt' },
    });
    const soon = await check({
      authorized: true,
      error: null,
      certificate: certificate('Mar 5 12:00:00 2025 GMT', {}),
    });
    expect(soon).toMatchObject({
      status: 'warning',
      code: 'tls.expiresSoon',
      params: { until: '2025-03-05', days: 4 },
    });
    expect(soon.params).not.toHaveProperty('issuer');
    expect(soon.detail).toContain('émetteur inconnu');
    expect(await check({ authorized: true, error: null, certificate: null })).toMatchObject({
      status: 'ok',
      code: 'tls.valid',
    });
  });

  it('says why a certificate is refused, by its code, or names an unknown code', async () => {
    expect(await check({ authorized: false, error: 'CERT_HAS_EXPIRED', certificate: null })).toMatchObject({
      status: 'failure',
      detail: 'le certificat du serveur a expiré',
      code: 'tls.refused',
      params: { tlsError: 'CERT_HAS_EXPIRED' },
    });
    expect(await check({ authorized: false, error: 'ODD_ERROR', certificate: null })).toMatchObject({
      status: 'failure',
      code: 'tls.refusedOther',
      params: { error: 'ODD_ERROR' },
    });
  });

  it('says when the port does not speak TLS, when no connection is possible, and plain HTTP', async () => {
    expect(
      await check(Object.assign(new Error('wrong'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' })),
    ).toMatchObject({
      status: 'failure',
      code: 'tls.notTls',
      params: { tlsError: 'ERR_SSL_WRONG_VERSION_NUMBER' },
    });
    expect(await check(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toMatchObject({
      status: 'skipped',
      code: 'tls.noConnection',
      params: { error: 'ECONNREFUSED' },
    });
    expect(await check(new Error('timeout'))).toMatchObject({ code: 'tls.noConnection', params: {} });
    expect(await check(new Error('unused'), 'http://10.0.0.5:8080/')).toMatchObject({
      status: 'warning',
      code: 'tls.plainHttp',
      params: { origin: 'http://10.0.0.5:8080' },
    });
    expect(await check(new Error('unused'), 'not a url')).toMatchObject({
      status: 'skipped',
      code: 'tls.badUrl',
    });
  });

  it('has a French reason for every TLS error the codes name, and none for other errors', () => {
    for (const code of SELF_CHECK_TLS_ERRORS) {
      expect(tlsErrorCode(code)).toBe(code);
      expect(tlsProblem(code)).toMatch(/\S/);
    }
    expect(tlsErrorCode('ECONNREFUSED')).toBeNull();
    expect(tlsProblem('ECONNREFUSED')).toBeNull();
  });
});

describe('the TLS check through the school’s proxy', () => {
  it('reads the server’s certificate through the tunnel, and says when the proxy refuses it', async () => {
    const { cert, key } = localhostCertificate();
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert]);
    const server = https.createServer({ cert, key }, (_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = await startTestProxy();
    const url = `https://localhost:${(server.address() as AddressInfo).port}`;
    try {
      const line = await checkTls(url, Date.now, undefined, proxy.url);
      expect(line).toMatchObject({
        status: 'ok',
        code: 'tls.validUntil',
        params: { until: '2126-10-31', issuer: 'Pix station tests' },
      });
      expect(proxy.carried).toEqual([`CONNECT localhost:${(server.address() as AddressInfo).port}`]);

      proxy.refuseTunnels = 407;
      expect(await checkTls(url, Date.now, undefined, proxy.url)).toMatchObject({
        status: 'skipped',
        code: 'tls.noConnection',
        params: { error: 'PROXY_REFUSED_407' },
      });
    } finally {
      await proxy.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
