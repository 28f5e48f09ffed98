// What each lockdown event the station reports means, in the words of the invigilator screen (live) and
// of the back office's test record (for the jury) alike: one list, so that both read the same.
export const LOCKDOWN_EVENT_WORDS = {
  fr: {
    focusLost: 'Le candidat a quitté la fenêtre du test',
    focusRegained: 'Retour dans la fenêtre du test',
    displayAdded: 'Écran supplémentaire branché',
    displayRemoved: 'Écran supplémentaire débranché',
    lockScreen: 'Session verrouillée (écran de verrouillage)',
    suspend: 'Mise en veille du poste',
    resume: 'Sortie de veille du poste',
    rendererCrashed: 'L’écran du test a planté et a été relancé',
    forbiddenProcess: 'Logiciel interdit détecté',
    uncleanExit: 'Arrêt brutal du poste (coupure, plantage)',
  },
  en: {
    focusLost: 'The candidate left the test window',
    focusRegained: 'Back in the test window',
    displayAdded: 'Extra display plugged in',
    displayRemoved: 'Extra display unplugged',
    lockScreen: 'Session locked (lock screen)',
    suspend: 'Station went to sleep',
    resume: 'Station woke up',
    rendererCrashed: 'The test screen crashed and was restarted',
    forbiddenProcess: 'Forbidden software detected',
    uncleanExit: 'Station stopped abruptly (power cut, crash)',
  },
} as const;
