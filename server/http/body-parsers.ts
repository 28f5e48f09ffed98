// Body parsing that keeps the raw bytes: signed station requests are verified over exactly the bytes
// sent, so JSON is parsed from a buffer kept on the request. CSV and binary uploads arrive as buffers.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received (empty for a request without one). */
    rawBody?: Buffer;
  }
}

export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.rawBody = bytes;
    if (bytes.length === 0) {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(bytes.toString('utf8')));
    } catch {
      done(new ApiError(400, 'INVALID_JSON', 'the body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (request, body, done) => {
      request.rawBody = body as Buffer;
      done(null, body);
    },
  );
  // Attachments and illustrations are uploaded with their own media type.
  app.addContentTypeParser(
    /^(image|application|text|audio|video)\//,
    { parseAs: 'buffer' },
    (request, body, done) => {
      request.rawBody = body as Buffer;
      done(null, body);
    },
  );
}
