// The catch-all answer for an address no route serves: its own code, so that a station behind a wrong
// address or proxy does not take it for the server's "no such test" and set its result aside for good.
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('an address no route serves', () => {
  it('is answered 404 NO_ROUTE, naming the address, not NOT_FOUND', async () => {
    server = await startTestServer();
    // A station whose server address carries a path prefix the server does not have.
    const upload = await server.app.inject({
      method: 'POST',
      url: '/certif/api/station/tests/test-1/result?x=1',
      payload: { bundle: 'x' },
    });
    expect(upload.statusCode).toBe(404);
    expect(errorOf(upload)).toEqual({
      code: 'NO_ROUTE',
      message: 'no route POST /certif/api/station/tests/test-1/result: check the server address',
    });
    expect(errorOf(await server.app.inject({ method: 'GET', url: '/api/no-such-thing' })).code).toBe(
      'NO_ROUTE',
    );
  });
});
