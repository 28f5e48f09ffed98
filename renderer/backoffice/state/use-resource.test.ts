import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/centre-client.ts';
import { updatedState, type ResourceState } from './use-resource.ts';

describe('a page’s data changed in place', () => {
  it('applies each change to the data as it is then, so that two changes both count', () => {
    let state: ResourceState<number[]> = { data: [1], error: null, loading: false };
    // Two answers whose actions started from [1]: each adds to what is there when it applies.
    state = updatedState(state, (d) => [...d, 2]);
    state = updatedState(state, (d) => [...d, 3]);
    expect(state.data).toEqual([1, 2, 3]);
  });

  it('changes nothing while there is no data, and keeps a reload in course', () => {
    const empty: ResourceState<number[]> = {
      data: null,
      error: new ApiFailure(0, 'NETWORK', 'down'),
      loading: false,
    };
    expect(updatedState(empty, (d) => [...d, 2])).toBe(empty);
    const reloading: ResourceState<number[]> = { data: [1], error: null, loading: true };
    expect(updatedState(reloading, (d) => [...d, 2])).toEqual({ data: [1, 2], error: null, loading: true });
  });
});
