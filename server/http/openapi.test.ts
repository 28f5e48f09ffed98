import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { summary?: string; tags?: string[]; security?: unknown[]; responses: Record<string, unknown> }
    >
  >;
  components: { securitySchemes: Record<string, unknown> };
}

describe('the OpenAPI description generated from the routes', () => {
  let server: TestServer;
  let doc: OpenApi;
  beforeAll(async () => {
    server = await startTestServer();
    doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  });
  afterAll(() => server.close());

  it('describes every route of each audience, with a summary, a tag and the error body', () => {
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const expected of [
      '/api/stations/enroll',
      '/api/station/join',
      '/api/station/heartbeat',
      '/api/station/commands',
      '/api/station/tests/{testId}/records',
      '/api/station/tests/{testId}/package',
      '/api/station/tests/{testId}/result',
      '/api/station/tests/{testId}/result-refusal',
      '/api/station/attachments/{hash}',
      '/api/invigilator/login',
      '/api/invigilator/sessions/{sessionId}/events',
      '/api/invigilator/sessions/{sessionId}/finalization',
      '/api/centre/login',
      '/api/centre/sessions/{sessionId}/candidates/import',
      '/api/centre/sessions/{sessionId}/invigilator-password',
      '/api/centre/centres/{centreId}/bank/import',
      '/api/centre/candidates/{candidateId}/certificate.pdf',
      '/api/public/certificates/{code}',
    ]) {
      expect(paths).toContain(expected);
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(op.tags?.length, `${method} ${path}`).toBe(1);
        const errors = Object.keys(op.responses).filter((s) => s.startsWith('4'));
        if (path !== '/api/health') expect(errors.length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });

  it('says which credentials each audience uses', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'accountToken',
      'invigilatorToken',
      'stationSignature',
    ]);
    expect(doc.paths['/api/station/join']?.post?.security).toEqual([{ stationSignature: [] }]);
    expect(doc.paths['/api/centre/me']?.get?.security).toEqual([{ accountToken: [] }]);
    expect(doc.paths['/api/invigilator/sessions/{sessionId}']?.get?.security).toEqual([
      { invigilatorToken: [] },
    ]);
    expect(doc.paths['/api/invigilator/login']?.post?.security).toBeUndefined();
  });
});
