import { describe, expect, it } from 'vitest';

// Electron 45 embeds Node 24: tests must run on the same major version as the station's main process.
describe('test runtime', () => {
  it('runs on Node 24 (the project installs it: npm package `node`)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
