// The finalization page's steps: a check that fails when « Finaliser » is pressed (the room changed
// while the confirmation was open) closes the dialog and shows what blocks, focused, never nothing.
import { describe, expect, it } from 'vitest';
import { finalizationFlow, initialFlow, type FinalizationFlow } from './finalization-flow.ts';
import type { FinalizationCheck } from './finalization-rules.ts';

const passes: FinalizationCheck = {
  ok: true,
  request: {
    abortReasons: [],
    globalComment: '',
    hadIncident: false,
    candidateCouldNotJoin: false,
    confirmedOver: [],
  },
};
/** A station went silent while its candidate may still have time. */
const blocked: FinalizationCheck = { ok: false, errors: [{ field: 'maybeOffline', candidateId: 'tom' }] };

describe('finalizing, step by step', () => {
  it('opens the confirmation once the form passes its check, and shows what blocks otherwise', () => {
    const open = finalizationFlow(initialFlow, { type: 'submitted', check: passes });
    expect(open).toEqual({ errors: [], failure: null, confirming: true, focusSummary: 0 });
    const refused = finalizationFlow(initialFlow, { type: 'submitted', check: blocked });
    expect(refused).toEqual({
      errors: [{ field: 'maybeOffline', candidateId: 'tom' }],
      failure: null,
      confirming: false,
      focusSummary: 1,
    });
  });

  it('closes the confirmation when the check fails at « Finaliser », with what blocks and the focus on it', () => {
    const open = finalizationFlow(initialFlow, { type: 'submitted', check: passes });
    const after = finalizationFlow(open, { type: 'confirmed', check: blocked });
    expect(after.confirming).toBe(false);
    expect(after.errors).toEqual([{ field: 'maybeOffline', candidateId: 'tom' }]);
    expect(after.focusSummary).toBe(open.focusSummary + 1);
    // Once more the same: the summary takes the focus again.
    const again = finalizationFlow(finalizationFlow(after, { type: 'submitted', check: passes }), {
      type: 'confirmed',
      check: blocked,
    });
    expect(again.focusSummary).toBe(after.focusSummary + 1);
  });

  it('keeps the dialog while the request goes, and says the server’s refusal once it closes', () => {
    const open = finalizationFlow(initialFlow, { type: 'submitted', check: passes });
    const sending = finalizationFlow(open, { type: 'confirmed', check: passes });
    expect(sending.confirming).toBe(true);
    const failed = finalizationFlow(sending, { type: 'failed', message: 'Le serveur ne répond pas.' });
    expect(failed).toMatchObject({ confirming: false, failure: 'Le serveur ne répond pas.', errors: [] });
    expect(failed.focusSummary).toBe(1);
    // A new try clears the refusal.
    const retried: FinalizationFlow = finalizationFlow(failed, { type: 'submitted', check: passes });
    expect(retried).toMatchObject({ confirming: true, failure: null });
  });

  it('closes on « Annuler » and keeps what it showed', () => {
    const refused = finalizationFlow(initialFlow, { type: 'submitted', check: blocked });
    const open = finalizationFlow(refused, { type: 'submitted', check: passes });
    expect(finalizationFlow(open, { type: 'cancelled' })).toMatchObject({ confirming: false, errors: [] });
  });
});
