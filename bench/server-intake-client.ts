// The intake benchmark's load generator: signed uploads over node:http with keep-alive connections.
// fetch (undici) spent about 0.6 ms of CPU per 36 KB upload in the benchmark's own process, on the
// same two cores as the server, which alone capped the figure near 800 uploads/s; node:http sends the
// same bytes and headers for about a third of that. Each upload is still serialized, hashed and signed
// with a fresh nonce when it is sent, as a station does.
import http from 'node:http';
import type { TestStation } from '../server/testing/station-client.ts';

export class UploadClient {
  readonly #agent: http.Agent;
  readonly #url: URL;

  constructor(baseUrl: string, connections: number) {
    this.#url = new URL(baseUrl);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  /** POSTs `body` as JSON, signed by `station`; resolves with the status and the response text. */
  post(station: TestStation, path: string, body: unknown): Promise<{ status: number; body: string }> {
    const text = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.#url.hostname,
          port: this.#url.port,
          path,
          method: 'POST',
          agent: this.#agent,
          headers: {
            ...station.sign('POST', path, text),
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(text);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
