// What each incident report code means (DOMAIN.md §7), in the words of the invigilator screen and of
// the back office alike: one list, so that the jury reads what the invigilator chose. E8 and E11 say
// what Pix means by them (a timed question an extra-time candidate could not finish; a platform error
// that kept the candidate from answering), not "time over" or "skipped by mistake", which would
// have a question the candidate chose to skip neutralized.
export const INCIDENT_CODE_WORDS = {
  fr: {
    E1: 'E1 — L’image ne s’affiche pas',
    E2: 'E2 — Le contenu intégré (simulateur) ne fonctionne pas',
    E3: 'E3 — Le fichier ne s’ouvre pas',
    E4: 'E4 — Le site à consulter est indisponible',
    E5: 'E5 — Le site à consulter est bloqué',
    E8: 'E8 — Temps majoré : la question n’a pas pu être traitée dans le temps imparti',
    E9: 'E9 — Le logiciel nécessaire ne fonctionne pas',
    E10: 'E10 — Perte de focus involontaire',
    E11: 'E11 — Une erreur de la plateforme (page « Oups ») a empêché de répondre',
    E12: 'E12 — Problème d’accessibilité',
    C1: 'C1 — Modification du nom ou de la date de naissance',
    C2: 'C2 — Modification du temps majoré',
    C4: 'C4 — Problème de signature (feuille d’émargement)',
    C6: 'C6 — Suspicion de fraude',
    C7: 'C7 — Problème technique non bloquant',
    C8: 'C8 — Problème non bloquant lié au candidat',
  },
  en: {
    E1: 'E1 — The image does not display',
    E2: 'E2 — The embedded content (simulator) does not work',
    E3: 'E3 — The file does not open',
    E4: 'E4 — The website is unavailable',
    E5: 'E5 — The website is blocked',
    E8: 'E8 — Extra time: the question could not be answered in the time allowed',
    E9: 'E9 — The software needed does not work',
    E10: 'E10 — Unintentional focus loss',
    E11: 'E11 — A platform error (“Oops” page) prevented answering',
    E12: 'E12 — Accessibility issue',
    C1: 'C1 — Name or birthdate change',
    C2: 'C2 — Extra time change',
    C4: 'C4 — Signature issue (attendance sheet)',
    C6: 'C6 — Suspected fraud',
    C7: 'C7 — Non-blocking technical issue',
    C8: 'C8 — Non-blocking candidate issue',
  },
} as const;
