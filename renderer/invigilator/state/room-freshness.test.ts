import { describe, expect, it } from 'vitest';
import { roomFreshness } from './room-freshness.ts';

describe('whether the room on screen follows the server', () => {
  it('does while the stream is open and the last fetch asked for worked', () => {
    expect(roomFreshness({ stream: 'open', loaded: true, resyncFailed: false })).toBe('upToDate');
  });

  it('does not while the stream is down', () => {
    expect(roomFreshness({ stream: 'lost', loaded: true, resyncFailed: false })).toBe('lost');
    expect(roomFreshness({ stream: 'lost', loaded: true, resyncFailed: true })).toBe('lost');
  });

  it('does not when the fetch the server asked for failed, though the stream is open', () => {
    expect(roomFreshness({ stream: 'open', loaded: true, resyncFailed: true })).toBe('behind');
  });

  it('leaves the first load to the page, which says it is loading or why it cannot', () => {
    expect(roomFreshness({ stream: 'lost', loaded: false, resyncFailed: false })).toBe('upToDate');
  });
});
