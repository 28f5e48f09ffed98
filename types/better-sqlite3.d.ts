// better-sqlite3 13 ships no type declarations (and @types/better-sqlite3 types statements differently):
// the part of its API the station and the server use, written from its documentation (docs/api.md).
declare module 'better-sqlite3' {
  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }

  /** A prepared statement; `Row` is what `get`/`all` return, as the caller knows it from the SQL. */
  export interface Statement<Row = unknown> {
    readonly source: string;
    readonly reader: boolean;
    run(...params: unknown[]): RunResult;
    get(...params: unknown[]): Row | undefined;
    all(...params: unknown[]): Row[];
    /** Returns only the first column of each row. */
    pluck(toggle?: boolean): Statement<unknown>;
  }

  /** A function run inside BEGIN … COMMIT (ROLLBACK if it throws); nested calls use savepoints. */
  export interface Transaction<F extends (...args: never[]) => unknown> {
    (...args: Parameters<F>): ReturnType<F>;
    deferred(...args: Parameters<F>): ReturnType<F>;
    immediate(...args: Parameters<F>): ReturnType<F>;
    exclusive(...args: Parameters<F>): ReturnType<F>;
  }

  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    /** Busy timeout in ms (default 5000). */
    timeout?: number;
  }

  export interface Database {
    readonly name: string;
    readonly open: boolean;
    readonly inTransaction: boolean;
    readonly readonly: boolean;
    prepare<Row = unknown>(source: string): Statement<Row>;
    transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
    /** `PRAGMA <source>`: all rows, or with `simple` the first column of the first row. */
    pragma(source: string, options?: { simple?: boolean }): unknown;
    exec(source: string): this;
    /**
     * SQLite's online backup to `destination` (its folder must exist), in steps between which other
     * connections may write: `progress` returns how many pages the next step copies (100 by default).
     */
    backup(
      destination: string,
      options?: {
        attached?: string;
        progress?: (info: { totalPages: number; remainingPages: number }) => number | undefined;
      },
    ): Promise<{ totalPages: number; remainingPages: number }>;
    close(): this;
  }

  /** Errors from SQLite carry its extended result code, e.g. `SQLITE_CONSTRAINT_UNIQUE`. */
  export class SqliteError extends Error {
    code: string;
    constructor(message: string, code: string);
  }

  interface DatabaseConstructor {
    new (filename: string, options?: Options): Database;
    SqliteError: typeof SqliteError;
  }

  const Database: DatabaseConstructor;
  export default Database;
}
