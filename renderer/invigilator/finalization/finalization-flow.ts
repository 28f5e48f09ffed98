// The finalization page's steps around its checks (finalization-screen.tsx): « Finaliser la session »
// checks what was typed and opens the confirmation; « Finaliser » checks again, since the room may have
// changed while the dialog was open (a station gone silent while its candidate may still have time, a
// new alert, a test resumed). Whenever a check fails, the dialog closes and the page shows what blocks,
// its summary taking the focus (`focusSummary` counts the requests), as for the page's other errors.
import type { FinalizationCheck, FinalizationError } from './finalization-rules.ts';

export interface FinalizationFlow {
  errors: FinalizationError[];
  /** The server's refusal, in words. */
  failure: string | null;
  confirming: boolean;
  /** Counts up each time the error summary is to take the focus (after the dialog closed). */
  focusSummary: number;
}

export type FinalizationStep =
  /** « Finaliser la session », the form's button. */
  | { type: 'submitted'; check: FinalizationCheck }
  /** « Finaliser », the confirmation dialog's button: the request goes only when this check passes. */
  | { type: 'confirmed'; check: FinalizationCheck }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

export const initialFlow: FinalizationFlow = {
  errors: [],
  failure: null,
  confirming: false,
  focusSummary: 0,
};

export function finalizationFlow(flow: FinalizationFlow, step: FinalizationStep): FinalizationFlow {
  switch (step.type) {
    case 'submitted':
    case 'confirmed':
      if (!step.check.ok) {
        return {
          errors: step.check.errors,
          failure: null,
          confirming: false,
          focusSummary: flow.focusSummary + 1,
        };
      }
      // Submitted: to the confirmation. Confirmed: the request is on its way, the dialog stays.
      return { ...flow, errors: [], failure: null, confirming: true };
    case 'cancelled':
      return { ...flow, confirming: false };
    case 'failed':
      return { ...flow, failure: step.message, confirming: false, focusSummary: flow.focusSummary + 1 };
  }
}
