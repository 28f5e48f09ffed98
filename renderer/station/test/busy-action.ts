// The candidate's action under way (Valider, Je passe, Signaler…): a second click does nothing
// meanwhile, and the button's « Enregistrement… » shows only when the station takes a while. Once the
// station has answered, yes or no, the buttons are free again: an answer that does not bring a new
// question (the end of the test not recorded yet) must not leave « Enregistrement… » for ever.

export interface BusyAction<A> {
  /** The action under way, null when none. */
  readonly acting: A | null;
  /** Runs `work` as `action`; null (and `work` not run) when another action is under way. */
  run<T>(action: A, work: () => Promise<T>): Promise<T | null>;
  /** Forgets the label's timer (the screen goes away). */
  dispose(): void;
}

/** `show`: the action the buttons show, `shownAfterMs` after it started, and null once it is over. */
export function createBusyAction<A>(show: (action: A | null) => void, shownAfterMs: number): BusyAction<A> {
  let acting: A | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    get acting() {
      return acting;
    },
    async run(action, work) {
      if (acting !== null) return null;
      acting = action;
      clearTimeout(timer);
      timer = setTimeout(() => show(action), shownAfterMs);
      try {
        return await work();
      } finally {
        acting = null;
        clearTimeout(timer);
        show(null);
      }
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
