// Turns every failure into { error: { code, message } } with a fitting status: schema failures name the
// offending field, framework errors (body too large, bad media type) keep their status, the disk's and
// the database file's failures are a 503 that says what happened (storage-faults.ts), and anything
// unexpected is a 500 that says nothing about the inside (the log has the details).
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ApiError, errorBody } from './api-error.ts';
import type { StorageFaults } from './storage-faults.ts';

const FRAMEWORK_CODES: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'this content type is not accepted here',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_REQUEST', message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_REQUEST',
    message: 'the content length does not match the body',
  },
};

/** `storageFaults`: answers and logs the storage's disk and file failures (without it they are 500s). */
export function installErrorHandling(app: FastifyInstance, storageFaults?: StorageFaults): void {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    if (error instanceof ApiError) {
      // A 503 is a refusal to take more work for now, logged where it is decided (intake-gate.ts).
      if (error.status >= 500 && error.status !== 503) request.log.error({ err: error }, 'request failed');
      return reply
        .code(error.status)
        .headers(error.headers)
        .send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const message = error.validation
        .map((issue) => {
          const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
          return `${where}${path ? `.${path}` : ''}: ${issue.message}`;
        })
        .join('; ');
      return reply.code(400).send(errorBody('INVALID_REQUEST', message));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send(errorBody('INTERNAL', 'the server could not answer this request'));
    }
    const code = 'code' in error ? String(error.code) : '';
    const known = FRAMEWORK_CODES[code];
    if (known) return reply.code(known.status).send(errorBody(known.code, known.message));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) {
      return reply
        .code(429)
        .send(errorBody('RATE_LIMITED', 'too many requests: wait a moment and try again'));
    }
    if (status >= 400 && status < 500) {
      // Framework validation of parameters, headers...: the message is about the request, not the server.
      return reply.code(status).send(errorBody('INVALID_REQUEST', error.message));
    }
    // Logged by storageFaults, at most once a minute per kind: not once per refused request.
    const fault = storageFaults?.answer(error, {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
    });
    if (fault) {
      return reply.code(fault.status).headers(fault.headers).send(errorBody(fault.code, fault.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('INTERNAL', 'the server could not answer this request'));
  });

  // Not NOT_FOUND, which says a test, command or attachment is unknown (a station sets such a result
  // aside for good): an address no route serves is a wrong server address or proxy, to be fixed.
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(
        errorBody(
          'NO_ROUTE',
          `no route ${request.method} ${request.url.split('?')[0]}: check the server address`,
        ),
      );
  });
}
