// Where focus starts in a candidate's file each time its view changes. Never on an action button after
// an action: the action offered next is often the opposite one and runs at once (after « Confirmer la
// présence », « Retirer la confirmation »; after a withdrawal, « Confirmer la présence », which starts
// the test), so one more Enter would undo what was just done or start a test.
import type { CandidateAction } from './candidate-actions.ts';

export type FileView =
  'details' | 'alert' | 'alertHandled' | 'resume' | 'pause' | 'addTime' | 'endTest' | 'closeStation';

/**
 * `title`: the dialog's title (who, which question), said once as the dialog's name; `lockdownEvents`:
 * the station's events (the card's « Voir l’événement »); `autofocus`: the view's own first control
 * (a confirmation's « Annuler », the file's first action when it opens); `stateLine`: the file's state,
 * which says what the action changed; `{ action }`: the button that opened a view just cancelled.
 */
export type FileFocus = 'title' | 'lockdownEvents' | 'autofocus' | 'stateLine' | { action: CandidateAction };

export function fileFocus(
  view: FileView,
  {
    opening,
    openedOn,
    cancelledFrom,
  }: {
    /** The file has just opened (its first view). */
    opening: boolean;
    /** What the card's button opened it on. */
    openedOn: FileView | 'lockdown';
    /** Back in the file after this action's view was cancelled (null: after an action, or none). */
    cancelledFrom: CandidateAction | null;
  },
): FileFocus {
  if (view === 'alert') return 'title';
  if (opening) return openedOn === 'lockdown' ? 'lockdownEvents' : 'autofocus';
  if (view !== 'details') return 'autofocus';
  return cancelledFrom ? { action: cancelledFrom } : 'stateLine';
}
