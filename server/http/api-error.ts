// Errors the API answers with: always { error: { code, message } }, never a stack trace. Services throw
// ApiError; anything else becomes a 500 whose details stay in the server log.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra response headers (Retry-After). */
  readonly headers: Readonly<Record<string, string>>;
  /** Fields beside code and message in the error body, for a screen to word it (a bank's problems). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.details = details;
  }
}

export const badRequest = (message: string, code = 'INVALID_REQUEST') => new ApiError(400, code, message);
export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const unprocessable = (code: string, message: string) => new ApiError(422, code, message);
export const unauthorized = (code: string, message: string) => new ApiError(401, code, message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);

export interface ErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}

export function errorBody(
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): ErrorBody {
  return { error: { ...details, code, message } };
}
