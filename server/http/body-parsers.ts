// Body parsing that keeps the raw bytes: signed station requests are verified over exactly the bytes
// sent, so JSON is parsed from a buffer kept on the request. Every route takes JSON (or no body); only
// the routes that take files accept other media types, as raw bytes, in their own scope (acceptFiles).
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received (empty for a request without one). */
    rawBody?: Buffer;
  }
}

export function installBodyParsers(app: FastifyInstance): void {
  // Fastify's defaults include text/plain, which an HTML form can send: on a cookie-authenticated route
  // a same-site page could then post to it. Anything but JSON is 415 unless a route takes files.
  app.removeAllContentTypeParsers();
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
}

/**
 * Makes the routes of `scope` (an encapsulated plugin: the parser stays in it) take bodies of these media
 * types as raw bytes; JSON stays JSON. Not for a POST route taking text/plain,
 * application/x-www-form-urlencoded or multipart/form-data: a form can send those from another site.
 */
export function acceptFiles(scope: FastifyInstance, mediaTypes: string[] | RegExp): void {
  scope.addContentTypeParser(mediaTypes, { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    done(null, body);
  });
}
