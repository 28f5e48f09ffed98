import { describe, expect, it } from 'vitest';
import { withCentreContent } from './centre-content-lock.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('withCentreContent', () => {
  it('runs one centre’s writes one after the other, and other centres’ beside them', async () => {
    const server = {};
    const steps: string[] = [];
    const work = (name: string) => async () => {
      steps.push(`${name} reads`);
      await tick();
      steps.push(`${name} writes`);
      return name;
    };
    const results = await Promise.all([
      withCentreContent(server, 'c1', work('a')),
      withCentreContent(server, 'c1', work('b')),
      withCentreContent(server, 'c2', work('x')),
    ]);
    expect(results).toEqual(['a', 'b', 'x']);
    expect(steps.indexOf('a writes')).toBeLessThan(steps.indexOf('b reads'));
    expect(steps.indexOf('x reads')).toBeLessThan(steps.indexOf('a writes'));
  });

  it('lets the next write run after one that failed, and gives each its own outcome', async () => {
    const server = {};
    const failed = withCentreContent(server, 'c1', () => Promise.reject(new Error('quota')));
    const next = withCentreContent(server, 'c1', () => Promise.resolve('stored'));
    await expect(failed).rejects.toThrow('quota');
    await expect(next).resolves.toBe('stored');
  });
});
