// The invigilator's command stream against a fake server: server-sent events, applied once each,
// acknowledged, resumed with Last-Event-ID after a cut, and reopened when the stream falls silent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS, type StationCommand } from '../../../core/contracts/station-server.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys } from '../identity/station-keys.ts';
import type { CommandOutcome } from '../runtime/ports.ts';
import { CommandStream } from './command-stream.ts';
import { FakeStationServer } from './fake-station-server.ts';
import { ServerConnection } from './server-connection.ts';
import { StationServerClient } from './station-server-client.ts';
import { InstantTimers, until } from './sync-fixtures.ts';

let server: FakeStationServer;
let stream: CommandStream | null = null;
const applied: StationCommand[] = [];
const logs: string[] = [];

beforeEach(async () => {
  server = await new FakeStationServer().listen();
  applied.length = 0;
  logs.length = 0;
});
afterEach(async () => {
  await stream?.stop();
  stream = null;
  await server.close();
});

async function follow(
  silenceTimeoutMs = 5000,
  outcome: (command: StationCommand) => CommandOutcome | Promise<CommandOutcome> = () => 'applied',
  appliedSince?: (command: StationCommand) => Promise<boolean>,
): Promise<CommandStream> {
  const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
  server.registerStation(keys.publicJwk);
  const connection = new ServerConnection({ serverUrl: server.url, keys, timeoutMs: 1000 });
  const client = new StationServerClient(connection);
  stream = new CommandStream({
    open: (headers, signal) => connection.openStream(STATION_API_PATHS.commands, { headers, signal }),
    acknowledge: (id, outcome) => client.acknowledgeCommand(id, outcome),
    apply: async (command): Promise<CommandOutcome> => {
      applied.push(command);
      return outcome(command);
    },
    timers: new InstantTimers(),
    silenceTimeoutMs,
    log: (message) => logs.push(message),
    ...(appliedSince ? { appliedSince } : {}),
  });
  stream.start();
  await until(() => server.openStreams === 1, 3000, 'the stream');
  return stream;
}

const pause = (id: string): StationCommand => ({ type: 'pause', id, testId: 'test-1', reason: 'calme' });

describe('the command stream', () => {
  it('applies each command and acknowledges it', async () => {
    const commands = await follow();
    server.sendCommand(pause('c1'));
    server.sendCommand({ type: 'unlock', id: 'c2', testId: 'test-1' });
    await until(() => server.acknowledged.length === 2, 3000, 'two acknowledgments');
    expect(applied.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(server.acknowledged).toEqual(['c1', 'c2']);
    // The station moves past an event once the server has answered its acknowledgment.
    await until(() => commands.lastEventId === '2', 3000, 'Last-Event-ID 2');
  });

  it('says in each acknowledgement what it did with the command, again when it is delivered again', async () => {
    const outcomes: Record<string, CommandOutcome> = { c1: 'applied', c2: 'pending', c3: 'ignored' };
    await follow(5000, (command) => outcomes[command.id] ?? 'deferred');
    server.sendCommand(pause('c1'));
    server.sendCommand({ type: 'authorizeStart', id: 'c2', testId: 'test-1' });
    server.sendCommand({ type: 'unlock', id: 'c3', testId: 'test-1' });
    await until(() => server.acknowledged.length === 3, 3000, 'three acknowledgments');
    // Delivered again (its acknowledgement lost to the server): the same outcome, not applied again.
    await stream?.receive({ type: 'authorizeStart', id: 'c2', testId: 'test-1' });
    expect(server.acknowledgedOutcomes).toEqual([
      { commandId: 'c1', outcome: 'applied' },
      { commandId: 'c2', outcome: 'pending' },
      { commandId: 'c3', outcome: 'ignored' },
      { commandId: 'c2', outcome: 'pending' },
    ]);
    expect(applied.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('acknowledges a held start delivered again with what became of it: applied once started, never applied again', async () => {
    const outcomes: Record<string, CommandOutcome> = { c1: 'applied', c2: 'pending', c3: 'ignored' };
    /** What the journal shows applied (the runtime's showsApplied): the start, once the test began. */
    const journaled = new Set<string>(['c1']);
    const asked: string[] = [];
    await follow(
      5000,
      (command) => outcomes[command.id] ?? 'deferred',
      (command) => {
        asked.push(command.id);
        return Promise.resolve(journaled.has(command.id));
      },
    );
    server.sendCommand(pause('c1'));
    server.sendCommand({ type: 'authorizeStart', id: 'c2', testId: 'test-1' });
    server.sendCommand({ type: 'unlock', id: 'c3', testId: 'test-1' });
    await until(() => server.acknowledged.length === 3, 3000, 'three acknowledgments');
    const start: StationCommand = { type: 'authorizeStart', id: 'c2', testId: 'test-1' };
    // Delivered again while still held (the candidate reads on): `pending` still.
    await stream?.receive(start);
    // The candidate accepted the instructions and the test started on it; delivered again.
    journaled.add('c2');
    expect(await stream?.receive(start)).toEqual({ outcome: 'applied', acknowledged: true });
    await stream?.receive(start);
    await stream?.receive(pause('c1'));
    await stream?.receive({ type: 'unlock', id: 'c3', testId: 'test-1' });
    expect(server.acknowledgedOutcomes.slice(3)).toEqual([
      { commandId: 'c2', outcome: 'pending' },
      { commandId: 'c2', outcome: 'applied' },
      { commandId: 'c2', outcome: 'applied' },
      { commandId: 'c1', outcome: 'applied' },
      { commandId: 'c3', outcome: 'ignored' },
    ]);
    // Only a held command is asked about, and only read: each command was applied once.
    expect(asked).toEqual(['c2', 'c2']);
    expect(applied.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('acknowledges a held start `applied` as soon as the test starts on it, until the server takes it, without applying it again', async () => {
    await follow(5000, (command) => (command.type === 'authorizeStart' ? 'pending' : 'applied'));
    server.sendCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' });
    await until(() => server.acknowledged.length === 1, 3000, 'the pending acknowledgment');
    // The server does not send it again: only the station can tell it the candidate started.
    let refused = 0;
    server.fault = (route) => {
      if (route !== 'commandAck' || refused >= 2) return undefined;
      refused += 1;
      return { kind: 'status', status: 503 };
    };
    stream?.appliedLater('c1');
    await until(() => server.acknowledged.length === 2, 3000, 'the applied acknowledgment');
    expect(refused).toBe(2);
    expect(server.acknowledgedOutcomes).toEqual([
      { commandId: 'c1', outcome: 'pending' },
      { commandId: 'c1', outcome: 'applied' },
    ]);
    // Delivered again after all: applied, and never applied twice.
    expect(await stream?.receive({ type: 'authorizeStart', id: 'c1', testId: 'test-1' })).toEqual({
      outcome: 'applied',
      acknowledged: true,
    });
    expect(applied.map((c) => c.id)).toEqual(['c1']);
  });

  it('stops acknowledging a held start applied later once the command is no longer this station’s (404)', async () => {
    await follow();
    server.fault = (route) =>
      route === 'commandAck' ? { kind: 'status', status: 404, code: 'NOT_FOUND' } : undefined;
    stream?.appliedLater('c9');
    await until(() => logs.some((l) => l.includes('no longer this station')), 3000, 'given up');
    const asked = server.requests.filter((r) => r.route === 'commandAck').length;
    server.fault = () => undefined;
    stream?.appliedLater('c10');
    await until(() => server.acknowledged.includes('c10'), 3000, 'the next one');
    // c9 was not sent again with c10.
    expect(server.requests.filter((r) => r.route === 'commandAck')).toHaveLength(asked + 1);
  });

  it('resumes after a cut with Last-Event-ID, and applies nothing twice', async () => {
    const commands = await follow();
    server.sendCommand(pause('c1'));
    await until(() => commands.lastEventId === '1', 3000, 'c1');
    server.dropStreams();
    server.sendCommand({ type: 'unlock', id: 'c2', testId: 'test-1' }); // sent while the station is away
    await until(() => server.acknowledged.includes('c2'), 3000, 'c2 after the reconnection');
    const reconnection = server.requests.filter((r) => r.route === 'commands').at(-1);
    expect(reconnection?.headers['last-event-id']).toBe('1');
    expect(applied.map((c) => c.id)).toEqual(['c1', 'c2']);
    await until(() => commands.lastEventId === '2', 3000, 'Last-Event-ID 2');
  });

  it('a lost acknowledgment only means one more delivery, applied once', async () => {
    await follow();
    let acks = 0;
    server.fault = (route) =>
      route === 'commandAck' && acks++ === 0 ? { kind: 'status', status: 500 } : undefined;
    server.sendCommand(pause('c1'));
    await until(() => acks === 1, 3000, 'the failed acknowledgment');
    // The server sends it again (here on the next connection).
    server.dropStreams();
    await until(() => server.acknowledged.includes('c1'), 3000, 'the acknowledgment');
    expect(applied.map((c) => c.id)).toEqual(['c1']);
    expect(logs.some((m) => /not acknowledged/.test(m))).toBe(true);
  });

  it('ignores an event it cannot read, without acknowledging anything', async () => {
    await follow();
    server.sendRaw('id: 7\nevent: command\ndata: {"type":"selfDestruct","id":"x"}\n\n');
    server.sendRaw('event: command\ndata: not json\n\n');
    server.sendRaw(': keep-alive\n\n');
    server.sendCommand(pause('c1'));
    await until(() => server.acknowledged.includes('c1'), 3000, 'c1');
    expect(applied.map((c) => c.id)).toEqual(['c1']);
    expect(server.acknowledged).toEqual(['c1']);
    expect(logs.filter((m) => /ignored/.test(m))).toHaveLength(2);
  });

  it('applies a known command from a newer server without the fields it does not know', async () => {
    await follow();
    server.sendRaw(
      'id: 3\nevent: command\ndata: {"type":"unlock","id":"c3","testId":"test-1","issuedBy":"Mme Martin"}\n\n',
    );
    await until(() => server.acknowledged.includes('c3'), 3000, 'c3');
    expect(applied).toEqual([{ type: 'unlock', id: 'c3', testId: 'test-1' }]);
  });
  it('does not acknowledge a command deferred by the runtime, and applies it after the next one', async () => {
    let resumed = false;
    const commands = await follow(5000, (command) => {
      if (command.type === 'authorizeResume') resumed = true;
      return command.type === 'alertDecision' && !resumed ? 'deferred' : 'applied';
    });
    // The decision comes first (the test's records are not on this station yet), then the resume.
    server.sendCommand({
      type: 'alertDecision',
      id: 'd1',
      testId: 'test-1',
      alertId: 'al-1',
      decision: 'validated',
      reasonCode: 'E3',
    });
    await until(() => applied.length === 1, 3000, 'the decision, deferred');
    expect(server.acknowledged).toEqual([]);
    expect(commands.lastEventId).toBeNull();
    server.sendCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    await until(() => server.acknowledged.length === 2, 3000, 'both acknowledged');
    expect(server.acknowledged).toEqual(['r1', 'd1']);
    expect(applied.map((c) => c.id)).toEqual(['d1', 'r1', 'd1']);
  });

  it('applies the deferred commands when asked (a resume completed by itself), once each', async () => {
    let ready = false;
    const commands = await follow(5000, () => (ready ? 'applied' : 'deferred'));
    server.sendCommand({ type: 'addTime', id: 't1', testId: 'test-1', addedMs: 600_000 });
    server.sendCommand(pause('p1'));
    await until(() => applied.length === 2, 3000, 'both deferred');
    expect(server.acknowledged).toEqual([]);
    ready = true;
    // Asked twice at once (two status changes): each command still applies once, in the order it came.
    await Promise.all([commands.retryDeferred(), commands.retryDeferred()]);
    expect(applied.map((c) => c.id)).toEqual(['t1', 'p1', 't1', 'p1']);
    expect(server.acknowledged).toEqual(['t1', 'p1']);
    await commands.retryDeferred();
    expect(applied).toHaveLength(4);
  });

  it('applies a command delivered again while it is being applied only once', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<CommandOutcome>((resolve) => (release = () => resolve('applied')));
    const commands = await follow(5000, () => slow);
    const first = commands.receive(pause('p2'));
    const second = commands.receive(pause('p2'));
    release();
    const outcomes = await Promise.all([first, second]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied']);
    expect(applied.filter((c) => c.id === 'p2')).toHaveLength(1);
  });

  it('reopens a stream that fell silent', async () => {
    await follow(150);
    await until(
      () => server.requests.filter((r) => r.route === 'commands').length >= 2,
      3000,
      'a new connection',
    );
  });

  it('tries again while the server is down', async () => {
    await follow();
    await server.goDown();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await server.comeBack();
    await until(() => server.openStreams === 1, 3000, 'the stream again');
    server.sendCommand(pause('c1'));
    await until(() => server.acknowledged.includes('c1'), 3000, 'c1');
  });
});
