// An event stream read over real HTTP, for tests of when a stream ends: the events it delivered, and
// whether the server ended it.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface StreamWatcher {
  events: EventSourceMessage[];
  readonly ended: boolean;
  /** True once the server ends the stream, false if it is still open after `ms`. */
  endsWithin(ms: number): Promise<boolean>;
  close(): void;
}

export async function watchStream(url: string, headers: Record<string, string>): Promise<StreamWatcher> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`stream: ${response.status}`);
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let ended = false;
  const done = (async () => {
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      parser.feed(value);
    }
    ended = true;
  })().catch(() => undefined);
  return {
    events,
    get ended() {
      return ended;
    },
    endsWithin: (ms: number) =>
      Promise.race([done.then(() => ended), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
    close: () => controller.abort(),
  };
}
