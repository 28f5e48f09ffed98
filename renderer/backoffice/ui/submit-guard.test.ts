// A double click (or Enter pressed twice) on a form's button submits once: « Créer la session » makes
// one session. aria-disabled blocks nothing, and React renders the busy state too late for the second
// event, so the submissions themselves are guarded.
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/centre-client.ts';
import { submitSaveForm, type SaveFormView } from './save-form.tsx';
import { createSubmitGuard, guarded } from './submit-guard.ts';

/** A save the test ends when it wants: the server's answer, still on its way. */
function pendingSave() {
  let calls = 0;
  let settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  return {
    save: () =>
      new Promise<void>((resolve, reject) => {
        calls += 1;
        settle = { resolve, reject };
      }),
    get calls() {
      return calls;
    },
    succeed: () => settle?.resolve(),
    fail: (error: unknown) => settle?.reject(error),
  };
}

function view() {
  const seen = { busy: [] as boolean[], failures: [] as (ApiFailure | null)[], invalid: 0 };
  const v: SaveFormView<{ name: boolean }> = {
    errors: () => undefined,
    failure: (f) => seen.failures.push(f),
    busy: (b) => seen.busy.push(b),
    invalid: () => {
      seen.invalid += 1;
    },
  };
  return { v, seen };
}

const valid = () => ({ ok: true as const, name: 'Session' });

describe('a form saved with useSaveForm', () => {
  it('saves once when submitted twice while the first save is in flight', async () => {
    const guard = createSubmitGuard();
    const server = pendingSave();
    const { v } = view();
    const first = submitSaveForm(guard, valid, server.save, v);
    const second = submitSaveForm(guard, valid, server.save, v);
    expect(server.calls).toBe(1);
    server.succeed();
    await Promise.all([first, second]);
    // Saved: the page moves on; a submit before it has gone saves nothing more.
    await submitSaveForm(guard, valid, server.save, v);
    expect(server.calls).toBe(1);
  });

  it('lets the form be sent again once the server refused it', async () => {
    const guard = createSubmitGuard();
    const server = pendingSave();
    const { v, seen } = view();
    const first = submitSaveForm(guard, valid, server.save, v);
    server.fail(new ApiFailure(409, 'CONFLICT', 'no'));
    await first;
    expect(seen.busy).toEqual([true, false]);
    expect(seen.failures.at(-1)?.code).toBe('CONFLICT');
    const again = submitSaveForm(guard, valid, server.save, v);
    expect(server.calls).toBe(2);
    server.succeed();
    await again;
  });

  it('does not hold the form when a field is wrong', async () => {
    const guard = createSubmitGuard();
    const server = pendingSave();
    const { v, seen } = view();
    await submitSaveForm(guard, () => ({ ok: false as const, errors: { name: true } }), server.save, v);
    expect([server.calls, seen.invalid, guard.held]).toEqual([0, 1, false]);
  });
});

describe('guarded', () => {
  it('runs one submission at a time, and the next once it is over', async () => {
    const guard = createSubmitGuard();
    const server = pendingSave();
    const first = guarded(guard, server.save);
    expect(await guarded(guard, server.save)).toBeUndefined();
    expect(server.calls).toBe(1);
    server.succeed();
    await first;
    const next = guarded(guard, server.save);
    expect(server.calls).toBe(2);
    server.fail(new Error('network'));
    await expect(next).rejects.toThrow('network');
    expect(guard.held).toBe(false);
  });

  it('stays held after a success that leaves the page', async () => {
    const guard = createSubmitGuard();
    await guarded(guard, async () => 'created', { keepAfterSuccess: true });
    expect(guard.held).toBe(true);
    expect(await guarded(guard, async () => 'twice')).toBeUndefined();
  });
});
