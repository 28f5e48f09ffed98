// The StationApi method names, kept free of schemas so the preload bundle stays tiny (it only
// forwards calls; the main process validates them).
export const STATION_METHOD_NAMES = [
  'getStatus',
  'signIn',
  'cancelSignIn',
  'acceptInstructions',
  'getCurrentChallenge',
  'saveDraft',
  'submitAnswer',
  'skipChallenge',
  'reportFocusLost',
  'raiseAlert',
  'withdrawAlert',
  'openAttachment',
  'finishTest',
  'returnHome',
  'browserNavigate',
  'browserBack',
  'browserForward',
  'browserReload',
  'browserHome',
  'browserSetBounds',
  /** The keyboard way into the browser's page (« Aller dans la page », F6). */
  'browserFocus',
  /** The referent's "Vérifier ce poste" (issue 8); refused while a test is under way. */
  'runSelfCheck',
] as const;
export type StationMethodName = (typeof STATION_METHOD_NAMES)[number];
