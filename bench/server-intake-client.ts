// The intake benchmark's load generator: each client is one keep-alive TCP connection sending
// HTTP/1.1 uploads, one at a time, with a minimal response reader (status line, Content-Length, body),
// as load generators such as wrk do. The generator shares the machine's two cores with the server, so
// its own cost is kept small: fetch (undici) spent ~0.6 ms of CPU per 36 KB upload and node:http
// ~0.3 ms, this one about a third of that, and less since each request's bytes are built before the
// timed uploads. Each upload names its station, as a station's does; the bundle inside is the
// signature (core/contracts/station-request-signing.ts).
import { connect, type Socket } from 'node:net';
import { STATION_AUTH_HEADERS } from '../core/contracts/station-request-signing.ts';
import type { TestStation } from '../server/testing/station-client.ts';

export interface UploadResponse {
  status: number;
  body: string;
}

/** One keep-alive connection; `post` must not be called again before its previous call resolved. */
export class UploadConnection {
  readonly #socket: Socket;
  readonly #host: string;
  #buffer: Buffer = Buffer.alloc(0);
  #waiting: { resolve: (r: UploadResponse) => void; reject: (e: Error) => void } | null = null;

  private constructor(socket: Socket, host: string) {
    this.#socket = socket;
    this.#host = host;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#read();
    });
    const fail = (error: Error) => {
      this.#waiting?.reject(error);
      this.#waiting = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  static open(baseUrl: string): Promise<UploadConnection> {
    const url = new URL(baseUrl);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () =>
        resolve(new UploadConnection(socket, url.host)),
      );
      socket.once('error', reject);
    });
  }

  /**
   * The bytes of a POST of `text` (JSON: a result upload) to `path` on `host`, as `station`; `signed`:
   * with a request signature as well (servers before the bundle was taken as the signature, for A/B
   * rounds). Built before the timed uploads, as a load generator sends bytes it prepared.
   */
  static request(host: string, station: TestStation, path: string, text: string, signed = false): Buffer {
    const headers = {
      ...(signed ? station.sign('POST', path, text) : { [STATION_AUTH_HEADERS.station]: station.id }),
      host,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
    };
    const head = `POST ${path} HTTP/1.1\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`;
    return Buffer.from(head + text);
  }

  get host(): string {
    return this.#host;
  }

  /** Sends a request built by `request` and resolves with its response. */
  post(request: Buffer): Promise<UploadResponse> {
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#socket.write(request);
    });
  }

  /** Completes the pending upload once its whole response is buffered. */
  #read(): void {
    const end = this.#buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.#waiting) return;
    const head = this.#buffer.subarray(0, end).toString('latin1');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined) {
      this.#waiting.reject(new Error(`a response without Content-Length: ${head}`));
      this.#waiting = null;
      return;
    }
    const total = end + 4 + Number(length);
    if (this.#buffer.length < total) return;
    const body = this.#buffer.subarray(end + 4, total).toString('utf8');
    this.#buffer = this.#buffer.subarray(total);
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting.resolve({ status, body });
  }

  close(): void {
    this.#socket.destroy();
  }
}
