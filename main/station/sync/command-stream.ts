// The invigilator's commands reach the station as server-sent events (event `command`, data a
// StationCommand, id increasing). The stream is reopened after any failure with Last-Event-ID, each
// command is applied at most once (by command id) and then acknowledged; the server sends again what
// was not acknowledged, so a lost acknowledgment only means one more delivery (acknowledged with what
// became of the command: `applied` again, or `applied` now for a start held then; never applied twice).
// A command the station cannot apply yet (deferred) is not acknowledged: it is tried again after the
// next command applied here (the resume that brings what it needs), and the server sends it again
// meanwhile. A start held here (`pending`) and applied later, when the candidate starts, is acknowledged
// `applied` at once, tried again until the server takes it: the server does not send it again.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import {
  StationCommandSchema,
  type CommandAckOutcome,
  type StationCommand,
} from '../../../core/contracts/station-server.ts';
import { describeIssues } from '../../../core/validation/describe-issues.ts';
import type { CommandOutcome, ServerFailure, ServerResult } from '../runtime/ports.ts';
import {
  BackgroundLoop,
  UPLOAD_BACKOFF,
  Wakeup,
  backoffDelayMs,
  runRounds,
  type Backoff,
  type SyncTimers,
} from './retry-timing.ts';

export const COMMAND_EVENT = 'command';

export interface CommandStreamOptions {
  /** Opens the event stream (signed GET), with Last-Event-ID when one is known. */
  open(headers: Record<string, string>, signal: AbortSignal): Promise<ServerResult<Response>>;
  /**
   * Acknowledges a command with what was done with it: the server counts a start as gone ahead only
   * when `applied` (a start held while the candidate reads the instructions is `pending`).
   */
  acknowledge(commandId: string, outcome: CommandAckOutcome): Promise<ServerResult<unknown>>;
  /** Applies a command (the runtime's handleCommand). */
  apply(command: StationCommand): Promise<CommandOutcome>;
  /**
   * Whether the station's journal shows the command applied now (the runtime's showsApplied): read
   * only, it applies nothing. Asked when a command held here (`pending`: a start kept while the
   * candidate read the instructions) is delivered again, its acknowledgment lost: started since, it is
   * acknowledged `applied`. Never `apply` again: a start withdrawn or replaced meanwhile would be held
   * (or started on) once more.
   */
  appliedSince?(command: StationCommand): Promise<boolean>;
  timers: SyncTimers;
  /** The stream is reopened when nothing (not even a keep-alive comment) came for this long. */
  silenceTimeoutMs?: number;
  backoff?: Backoff;
  /** Called when the stream opens or fails (a hint for the connection state). */
  onConnected?: (connected: boolean) => void;
  /** Called once a command was applied and its acknowledgment sent (acknowledged or not). */
  onAcknowledged?: (command: StationCommand, outcome: CommandOutcome, acknowledged: boolean) => void;
  log?: (message: string) => void;
}

/** Command ids remembered to apply each at most once (the runtime's journal also remembers its own). */
const REMEMBERED_COMMANDS = 1000;
/** The server sends keep-alive comments every 15 s. */
const DEFAULT_SILENCE_MS = 45_000;

export class CommandStream {
  readonly #o: CommandStreamOptions;
  readonly #loop = new BackgroundLoop();
  /** What was done with each command applied here (a deferred one is not: it is tried again). */
  readonly #applied = new Map<string, CommandAckOutcome>();
  /** Commands the runtime deferred, by id, in the order they came. */
  readonly #deferred = new Map<string, StationCommand>();
  /** Commands being applied: a second delivery meanwhile (the stream, a retry) waits for the first. */
  readonly #applying = new Map<string, Promise<CommandOutcome>>();
  #retrying: Promise<void> | null = null;
  /** Commands acknowledged `pending`, applied since, whose `applied` the server has not taken yet. */
  readonly #appliedLater = new Set<string>();
  readonly #laterLoop = new BackgroundLoop();
  readonly #laterWakeup = new Wakeup();
  #laterFailures = 0;
  #lastEventId: string | null = null;
  #serverRetryMs: number | null = null;
  /** An acknowledgment failed on this connection: Last-Event-ID stays before it. */
  #ackMissing = false;

  constructor(options: CommandStreamOptions) {
    this.#o = options;
  }

  get lastEventId(): string | null {
    return this.#lastEventId;
  }

  start(): void {
    this.#loop.start(
      async (stop) => {
        let attempt = 0;
        while (!stop.aborted) {
          let delivered = false;
          try {
            delivered = await this.#follow(stop);
          } catch (error) {
            this.#o.log?.(`command stream: ${error instanceof Error ? error.message : String(error)}`);
          }
          if (stop.aborted) break;
          this.#o.onConnected?.(false);
          if (delivered) attempt = 0;
          const backoff = this.#o.backoff ?? { baseMs: this.#serverRetryMs ?? 1000, capMs: 15_000 };
          await this.#o.timers.sleep(
            backoffDelayMs(attempt++, backoff, () => this.#o.timers.random()),
            stop,
          );
        }
      },
      this.#o.log,
      this.#o.timers,
    );
    runRounds(this.#laterLoop, {
      round: () => this.#acknowledgeAppliedLater(),
      failures: () => this.#laterFailures,
      idleMs: 60_000,
      backoff: this.#o.backoff ?? UPLOAD_BACKOFF,
      timers: this.#o.timers,
      wakeup: this.#laterWakeup,
      ...(this.#o.log ? { log: this.#o.log } : {}),
    });
  }

  async stop(): Promise<void> {
    await Promise.all([this.#loop.stop(), this.#laterLoop.stop()]);
  }

  /**
   * A command acknowledged `pending` was applied since (the runtime's held start, once the candidate
   * started): acknowledged `applied` now, and again after each failure, until the server takes it. The
   * server counts the candidate present by it: the station may die before any record or heartbeat of
   * the test reaches it, and it never sends the command again to learn it. Before start(): sent then.
   * Kept in memory only: after a relaunch, the `started` record names the command, and the server
   * counts it applied when the record arrives.
   */
  appliedLater(commandId: string): void {
    this.#applied.set(commandId, 'applied');
    this.#appliedLater.add(commandId);
    this.#laterWakeup.wake();
  }

  /** One round of the acknowledgements owed by appliedLater. */
  async #acknowledgeAppliedLater(): Promise<{ failure: ServerFailure | null }> {
    let failure: ServerFailure | null = null;
    for (const commandId of [...this.#appliedLater]) {
      const ack = await this.#o.acknowledge(commandId, 'applied');
      // The server's 404: the command is no longer this station's (the test went elsewhere).
      if (ack.ok || (ack.kind === 'http' && ack.status === 404 && ack.code === 'NOT_FOUND')) {
        this.#appliedLater.delete(commandId);
        if (!ack.ok)
          this.#o.log?.(`command ${commandId}: applied, but no longer this station's to acknowledge`);
        continue;
      }
      this.#o.log?.(`command ${commandId} applied, not acknowledged yet (${ack.message}): tried again`);
      failure ??= ack;
    }
    this.#laterFailures = failure ? this.#laterFailures + 1 : 0;
    return { failure };
  }

  /**
   * Applies (once) and acknowledges one command; returns the outcome and whether the server took the
   * acknowledgment. Exposed for the station's own tests and tools.
   */
  async receive(command: StationCommand): Promise<{ outcome: CommandOutcome; acknowledged: boolean }> {
    const inFlight = this.#applying.get(command.id);
    if (inFlight) {
      await inFlight.catch(() => undefined);
      return this.receive(command);
    }
    let outcome = this.#applied.get(command.id);
    const fresh = outcome === undefined;
    // Kept for later when it came: the server is told what became of it since, not what it was then.
    if (outcome === 'pending' && (await this.#o.appliedSince?.(command))) {
      outcome = 'applied';
      this.#applied.set(command.id, outcome);
    }
    if (outcome === undefined) {
      const applying = this.#o.apply(command);
      this.#applying.set(command.id, applying);
      let done: CommandOutcome;
      try {
        done = await applying;
      } finally {
        this.#applying.delete(command.id);
      }
      if (done === 'deferred') {
        this.#deferred.set(command.id, command);
        return { outcome: done, acknowledged: false };
      }
      // Applied meanwhile (the candidate started while its `pending` was on its way): said so.
      outcome = done === 'pending' && this.#applied.get(command.id) === 'applied' ? 'applied' : done;
      this.#deferred.delete(command.id);
      this.#applied.set(command.id, outcome);
      if (this.#applied.size > REMEMBERED_COMMANDS) {
        const oldest = this.#applied.keys().next().value;
        if (oldest !== undefined) this.#applied.delete(oldest);
      }
    }
    const ack = await this.#o.acknowledge(command.id, outcome);
    if (!ack.ok)
      this.#o.log?.(`command ${command.id} not acknowledged (${ack.message}): the server will send it again`);
    if (fresh) this.#o.onAcknowledged?.(command, outcome, ack.ok);
    if (fresh && outcome === 'applied') await this.#retryDeferred();
    return { outcome, acknowledged: ack.ok };
  }

  /**
   * Tries the deferred commands again now, once the station's state changed by itself (a resume
   * completed on its own retry): otherwise they wait for the server to send them again.
   */
  retryDeferred(): Promise<void> {
    if (this.#deferred.size === 0) return Promise.resolve();
    this.#retrying ??= this.#retryDeferred().finally(() => {
      this.#retrying = null;
    });
    return this.#retrying;
  }

  /** Deferred commands, tried again now that another command changed the station's state. */
  async #retryDeferred(): Promise<void> {
    for (const command of [...this.#deferred.values()]) {
      // Applied meanwhile (by a retry that an applied command started): nothing left to do.
      if (!this.#deferred.has(command.id)) continue;
      try {
        await this.receive(command);
      } catch (error) {
        this.#o.log?.(
          `command ${command.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** Follows the stream until it ends or fails; returns whether it was opened. */
  async #follow(stop: AbortSignal): Promise<boolean> {
    const connection = new AbortController();
    const signal = AbortSignal.any([stop, connection.signal]);
    const headers: Record<string, string> = this.#lastEventId ? { 'last-event-id': this.#lastEventId } : {};
    const opened = await this.#o.open(headers, signal);
    this.#ackMissing = false;
    if (!opened.ok) {
      this.#o.log?.(`command stream cannot open: ${opened.message}`);
      return false;
    }
    const body = opened.value.body;
    if (!body) return true;
    this.#o.onConnected?.(true);

    // Events are applied one after the other, in the order they came.
    let queue: Promise<void> = Promise.resolve();
    const parser = createParser({
      onEvent: (message) => {
        queue = queue.then(() => this.#onMessage(message));
      },
      onRetry: (ms) => {
        this.#serverRetryMs = Math.min(Math.max(ms, 250), 15_000);
      },
    });
    const silenceMs = this.#o.silenceTimeoutMs ?? DEFAULT_SILENCE_MS;
    let silence = setTimeout(() => connection.abort(), silenceMs);
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        clearTimeout(silence);
        silence = setTimeout(() => connection.abort(), silenceMs);
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      clearTimeout(silence);
      connection.abort();
      reader.releaseLock();
    }
    await queue;
    return true;
  }

  async #onMessage(message: EventSourceMessage): Promise<void> {
    if (message.event !== COMMAND_EVENT) return;
    let json: unknown;
    try {
      json = JSON.parse(message.data);
    } catch {
      this.#o.log?.('command stream: an event that is not JSON was ignored');
      return;
    }
    const parsed = StationCommandSchema.safeParse(json);
    if (!parsed.success) {
      // A command this station does not understand: never guessed at, never acknowledged.
      this.#o.log?.(`command stream: an unreadable command was ignored (${describeIssues(parsed.error)})`);
      return;
    }
    try {
      const { acknowledged } = await this.receive(parsed.data);
      if (!acknowledged) this.#ackMissing = true;
    } catch (error) {
      this.#o.log?.(
        `command ${parsed.data.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      this.#ackMissing = true;
    }
    // Past an event only while every command so far was applied and acknowledged: a reconnection
    // then gets back from the server whatever was not (applied once, acknowledged again).
    if (message.id !== undefined && !this.#ackMissing) this.#lastEventId = message.id;
  }
}
