// The invigilator screen's messages, French first. Written for a referent watching 30 candidates:
// short, each state says what is happening and what to do.
import { INCIDENT_CODE_WORDS } from '../../shared/i18n/incident-code-words.ts';
import { LOCKDOWN_EVENT_WORDS } from '../../shared/i18n/lockdown-event-words.ts';
import { LOCKDOWN_FACT_WORDS } from '../../shared/i18n/lockdown-fact-words.ts';

export const fr = {
  app: {
    name: 'Surveillance de la certification Pix',
    skipToRoom: 'Aller à la salle',
    logout: 'Se déconnecter',
    nav: {
      label: 'Sections de la session',
      room: 'Salle',
      finalization: 'Finaliser la session',
      results: 'Résultats',
      attendance: 'Feuille d’émargement',
    },
  },
  login: {
    title: 'Espace surveillant',
    intro:
      'Connectez-vous avec le numéro de la session et le mot de passe surveillant, inscrits sur le « Kit de session » que le référent Pix imprime (page du surveillant).',
    sessionNumber: 'Numéro de session',
    sessionNumberHint: 'Des chiffres seulement, par exemple 12345.',
    password: 'Mot de passe surveillant',
    passwordHint: '6 caractères, lettres, chiffres ou signes.',
    submit: 'Accéder à la salle',
    submitting: 'Connexion…',
    errors: {
      sessionNumberMissing: 'Écrivez le numéro de session.',
      sessionNumberFormat: 'Le numéro de session ne contient que des chiffres.',
      passwordMissing: 'Écrivez le mot de passe surveillant.',
      INVALID_CREDENTIALS: 'Numéro de session ou mot de passe surveillant incorrect. Vérifiez-les.',
      INVIGILATOR_ACCESS_CLOSED:
        'Les résultats de cette session ont été calculés il y a plus de 7 jours : l’écran surveillant est fermé. Les résultats sont dans l’Espace centre de certification : demandez-les au référent Pix du centre.',
      tooManyAttempts_one:
        'Trop de tentatives depuis ce réseau : la connexion est bloquée encore {{count}} minute. Attendez, ou demandez au référent Pix du centre de changer le mot de passe du surveillant dans l’Espace centre de certification (page de la session) : avec le nouveau mot de passe, vous vous connecterez tout de suite.',
      tooManyAttempts_other:
        'Trop de tentatives depuis ce réseau : la connexion est bloquée encore {{count}} minutes. Attendez, ou demandez au référent Pix du centre de changer le mot de passe du surveillant dans l’Espace centre de certification (page de la session) : avec le nouveau mot de passe, vous vous connecterez tout de suite.',
      tooManyAttemptsSoon:
        'Trop de tentatives depuis ce réseau : la connexion est bloquée quelques minutes. Attendez, ou demandez au référent Pix du centre de changer le mot de passe du surveillant dans l’Espace centre de certification (page de la session) : avec le nouveau mot de passe, vous vous connecterez tout de suite.',
      RATE_LIMITED: 'Trop de demandes en peu de temps : patientez une minute, puis réessayez.',
      network: 'Le serveur de certification ne répond pas. Vérifiez la connexion réseau, puis réessayez.',
      other: 'La connexion a échoué : {{message}}',
    },
    /** After a login that ended mid-session (state/ended-login.ts): why, then what logging in brings back. */
    ended: {
      expired:
        'Votre connexion a pris fin : plus de 30 minutes sans contact avec le serveur (ordinateur en veille, réseau coupé), ou 10 heures de connexion.',
      passwordChanged:
        'Votre connexion a pris fin : le référent Pix du centre a changé le mot de passe du surveillant. Demandez-lui le nouveau mot de passe.',
      accessClosed:
        'Votre connexion a pris fin : les résultats de cette session ont été calculés il y a plus de 7 jours, l’écran surveillant est fermé. Les résultats sont dans l’Espace centre de certification : demandez-les au référent Pix du centre.',
      ended: 'Votre connexion a pris fin.',
      unknown:
        'Votre connexion a pris fin (plus de 30 minutes sans contact avec le serveur, ou mot de passe du surveillant changé).',
      draftKept: 'Reconnectez-vous : votre saisie est conservée.',
      pageKept: 'Reconnectez-vous : vous reviendrez à la page où vous étiez.',
      again: 'Reconnectez-vous pour continuer la surveillance.',
    },
  },
  session: {
    label: 'Session {{number}}',
    roomValue: 'Salle : {{room}}',
    examinerValue: 'Surveillant : {{examiner}}',
    when: '{{date}} à {{time}}',
    states: {
      created: 'En cours',
      finalized: 'Finalisée',
      processed: 'Finalisée, résultats calculés',
    },
    closed: 'La session est finalisée : la salle est en lecture seule.',
  },
  connection: {
    lost: 'Connexion perdue avec le serveur',
    lostDetail:
      'Les informations de la salle ne sont plus à jour. Reconnexion automatique en cours… Les tests continuent sur les postes.',
    back: 'Connexion rétablie : la salle est à jour.',
    loading: 'Chargement de la salle…',
    loadFailed: 'La salle ne peut pas être chargée : {{message}}',
    retry: 'Réessayer',
    outdated: 'Cet écran n’est plus à jour : le serveur a été mis à jour',
    outdatedDetail:
      'Les cartes peuvent ne plus suivre la salle. Rechargez la page : rien n’est perdu, les tests continuent sur les postes.',
    reload: 'Recharger la page',
    /** The server asked for the room to be fetched again and that fetch failed (room-store.ts, resync). */
    behind: 'La salle n’est pas à jour',
    behindDetail:
      'Le serveur a demandé de recharger la salle, sans réponse pour l’instant. Nouvel essai automatique… Les tests continuent sur les postes.',
  },
  /** On the other pages of the session: what waits in the room (session/session-watch.tsx). */
  away: {
    blocked_one: 'Dans la salle, 1 candidat est bloqué et attend votre décision (alerte ou reprise).',
    blocked_other:
      'Dans la salle, {{count}} candidats sont bloqués et attendent votre décision (alertes ou reprises).',
    goToRoom: 'Aller à la salle',
  },
  room: {
    title: 'La salle',
    listLabel: 'Candidats, les plus urgents en premier',
    empty: 'Aucun candidat inscrit à cette session.',
    counts: {
      total_one: '{{count}} candidat',
      total_other: '{{count}} candidats',
      attention: '{{count}} à traiter',
      active: '{{count}} en cours',
      finished_one: '{{count}} terminé',
      finished_other: '{{count}} terminés',
      absent_one: '{{count}} pas arrivé',
      absent_other: '{{count}} pas arrivés',
      // Once the session is finalized, whoever did not come is absent, not "not arrived yet".
      unfinished_one: '{{count}} non terminé',
      unfinished_other: '{{count}} non terminés',
      absentClosed_one: '{{count}} absent',
      absentClosed_other: '{{count}} absents',
    },
    alertsBanner_one:
      '1 alerte en attente : le candidat est bloqué sur sa question tant que vous ne l’avez pas traitée.',
    alertsBanner_other:
      '{{count}} alertes en attente : ces candidats sont bloqués tant que vous ne les avez pas traitées.',
    alertsTitle: '({{count}}) Alerte — Surveillance Pix',
    legend: 'Temps restant (temps majoré compris) · fin théorique indicative',
    /** A chime for each new alert or resume request (alert-chime.ts). */
    chime: 'Son à chaque alerte',
    openHint: 'ouvrir la fiche',
    extraTime: '+{{percent}} %',
    extraTimeLong: 'Temps majoré de {{percent}} %',
    addedTime: '+{{minutes}} min ajoutées',
    timeLeft: 'Reste {{time}}',
    /** Time added since the station's last report (room/time-left.ts): counted, not confirmed yet. */
    unconfirmed: 'à confirmer',
    addedUnconfirmed: '{{minutes}} min ajoutées, en attente du poste',
    endAt: 'fin ≈ {{time}}',
    endAtLong: 'Fin théorique (indicative) : {{time}}',
    noStation: 'pas de poste',
    /** What screen readers hear when a card newly needs the invigilator (arrival-words.ts). */
    arrival: '{{name}} : {{reasons}}',
  },
  state: {
    notArrived: 'Pas encore arrivé',
    absent: 'Absent : n’est pas venu',
    unfinishedClosed: 'Test non terminé',
    signedIn: 'Lit les consignes',
    waiting: 'Attend votre confirmation de présence',
    startAuthorized: 'Présence confirmée',
    inProgress: 'Question {{question}} sur {{total}}',
    inProgressUnknown: 'Test en cours',
    pausedInvigilator: 'En pause (surveillant)',
    pausedLockdown: 'Verrouillé par le poste',
    resumePending: 'Test interrompu : demande la reprise',
    resumeAuthorized: 'Reprise autorisée, en attente du poste…',
    ended: {
      finished: 'Test terminé',
      timeUp: 'Temps écoulé',
      // As the invigilator's « Terminer le test » and the station say; « arrêté » is an aborted test.
      endedByInvigilator: 'Terminé par le surveillant',
      // Over for good (the station says « Test arrêté »): not the interruption that can resume.
      aborted: 'Test arrêté',
      unknown: 'Test terminé',
    },
    /** On the card, where the words above do not fit (the whole words are its accessible name). */
    endedShort: {
      endedByInvigilator: 'Terminé (surveillant)',
    },
  },
  attention: {
    alert: 'Alerte · question {{question}}',
    locked: 'Verrouillé',
    alertUnknownQuestion: 'Alerte en attente',
    /** The station says an alert was raised; its record has not reached the server yet. */
    alertInTransit: 'Alerte en route',
    alertInTransitGo: 'Allez voir le candidat',
    alertInTransitLong: 'Alerte signalée par le poste, pas encore reçue : allez voir le candidat',
    alertAndResume: 'Reprise + alerte Q{{question}}',
    resume: 'Demande la reprise',
    /** The station where the candidate asked to resume went silent too. */
    resumeStationMissing: 'Demande la reprise · poste muet',
    waiting: 'Attend la confirmation',
    stationMissing: 'Poste muet',
    lockdown: 'Événement sur le poste',
    resultRefused: 'Résultat refusé par le serveur',
    since: 'depuis {{time}}',
  },
  health: {
    ok: 'Poste connecté',
    late: 'Pas de nouvelles du poste depuis {{seconds}} s',
    lost: 'Poste injoignable depuis {{time}}',
    off: 'Poste éteint ou hors ligne depuis {{time}}',
    unknown: 'État du poste inconnu (connexion au serveur perdue)',
  },
  upload: {
    none: '',
    pending: 'Résultat en cours d’envoi',
    received: 'Résultat reçu',
    waitingStation: 'Rallumez le poste pour envoyer le résultat',
    // Refused for good: the station keeps it and does not send it again. Short on the card (two lines).
    refused: 'Gardé sur le poste. Finalisez avec un commentaire.',
    refusedClosed: 'Refusé par le serveur, gardé sur le poste',
    // One rule wherever a refused result is mentioned: it stays on the station, even switched off (the
    // journal is on disk); not wiped nor reinstalled until the referent says so.
    refusedLong:
      'Le serveur a refusé ce résultat. Il reste enregistré sur le poste, même éteint : n’effacez pas et ne réinstallez pas ce poste tant que le référent ne vous l’a pas dit. Finalisez la session quand même, en le signalant dans le commentaire : le jury examinera le poste.',
  },
  quick: {
    alert: 'Traiter l’alerte',
    waiting: 'Confirmer la présence',
    resume: 'Autoriser la reprise',
    lockdown: 'Voir l’événement',
  },
  panel: {
    title: '{{name}}',
    // Not « Fermer »: beside « Fermer le poste », which closes the candidate's station.
    close: 'Retour à la salle',
    station: 'Poste',
    state: 'État',
    progress: 'Avancement',
    progressValue_one: 'question {{question}} sur {{total}}, {{count}} réponse enregistrée',
    progressValue_other: 'question {{question}} sur {{total}}, {{count}} réponses enregistrées',
    timeLeft: 'Temps restant',
    timeLeftUnconfirmed: '{{time}} ({{added}})',
    allowed: 'Durée accordée',
    allowedValue: '{{time}} (1 h 45 + temps majoré + temps ajouté)',
    started: 'Début',
    theoreticalEnd: 'Fin théorique',
    theoreticalEndNote:
      'Indicative : les pauses, les interruptions et le temps ajouté la repoussent. Le poste compte le temps exact.',
    upload: 'Résultat',
    accessibility: 'Aménagement d’accessibilité',
    birthdate: 'Date de naissance',
    actions: 'Actions',
    notYet: 'pas encore',
    resumeRequest: '{{station}} demande à reprendre ce test (depuis {{time}}).',
    resumeStationSilent:
      '{{station}} ne répond plus depuis {{time}}. Si le candidat est parti, son test sera à finaliser comme non terminé, avec une raison.',
    commandsPending: 'Ordres envoyés, pas encore reçus par le poste : {{list}}',
    refusal: '(refusé à {{time}}, code {{code}})',
    alertDecision: 'Décision sur l’alerte',
    /** Time the candidate's stations were down during the test: not counted (downtimeMs). */
    downtime: 'Poste arrêté : {{time}}, non décomptées',
    alertInTransitDetail:
      'Sa question est bloquée. L’alerte apparaîtra ici, à traiter, dès que le serveur l’aura reçue.',
    yes: 'Oui',
  },
  actions: {
    authorizeStart: 'Confirmer la présence',
    authorizeStartHint: 'Vérifiez l’identité du candidat avant de confirmer : son test démarre aussitôt.',
    withdrawAuthorization: 'Retirer la confirmation',
    authorizeResume: 'Autoriser la reprise',
    // The invigilator's pause. « Verrouillé » is kept for a station that locked itself (lockdown).
    pause: 'Mettre en pause',
    pauseReason: 'Motif (affiché au candidat, facultatif)',
    pauseConfirm: 'Mettre en pause',
    unlock: 'Déverrouiller',
    /**
     * Ends the invigilator's own pause (the same order as unlocking): the test goes on where it was,
     * not from the start; « Autoriser la reprise » is for a test interrupted on its station.
     */
    continue: 'Reprendre le test',
    addTime: 'Ajouter du temps',
    endTest: 'Terminer le test',
    closeStation: 'Fermer le poste',
    done: {
      authorizeStart: 'Présence confirmée pour {{name}}.',
      withdrawAuthorization: 'Confirmation retirée pour {{name}}.',
      authorizeResume: 'Reprise autorisée pour {{name}}.',
      pause: 'Le test de {{name}} est en pause.',
      unlock: 'Le poste de {{name}} est déverrouillé.',
      continue: 'Le test de {{name}} reprend.',
      addTime: '{{minutes}} min ajoutées à {{name}}.',
      endTest: 'Le test de {{name}} est terminé.',
      closeStation: 'Le poste de {{name}} se ferme.',
      dismissed: 'Alerte refusée : {{name}} doit répondre à la question.',
      validated: 'Alerte validée ({{code}}) : {{name}} passe à la question suivante.',
    },
    failed: 'Action refusée : {{message}}',
    refused: {
      STATION_OFFLINE:
        'ce poste n’est pas connecté au serveur, il ne peut pas recevoir l’ordre. Fermez-le sur place.',
      TEST_IN_PROGRESS: 'un test est en cours sur ce poste. Terminez-le d’abord.',
    },
    sending: 'Envoi…',
  },
  confirm: {
    cancel: 'Annuler',
    endTestTitle: 'Terminer le test de {{name}} ?',
    endTestBody:
      'Le test s’arrête tout de suite sur le poste et ne pourra pas reprendre. Les réponses déjà données sont gardées. À la finalisation, vous indiquerez si l’arrêt est dû au candidat ou à un problème technique.',
    endTestConfirm: 'Terminer le test',
    addTimeTitle: 'Ajouter du temps à {{name}}',
    addTimeBody:
      'Le temps ajouté ne peut pas être retiré. Indiquez la raison dans un signalement (C2 si le temps majoré était erroné).',
    addTimeMinutes: 'Minutes à ajouter',
    addTimeConfirm: 'Ajouter {{minutes}} min',
    resumeTitle: 'Autoriser la reprise de {{name}} ?',
    resumeBody:
      'Le test reprend à la question où il s’est arrêté, avec le temps qu’il restait. Le temps pendant lequel le poste était arrêté n’est pas décompté.',
    // Station names already say « Poste 07 »: never « le poste Poste 07 ».
    resumeOnOwn:
      '{{other}} ne demande plus la reprise et le poste du candidat est revenu. Il reprendra sur : {{station}}.',
    resumeOnOther: 'Il reprendra sur : {{station}}.',
    /** The test went ahead, its start never reached the server: a resume elsewhere starts it again. */
    resumeStartNotReceived:
      'Aucune réponse de ce candidat n’est arrivée au serveur depuis {{station}} : s’il reprend, son test recommence à la première question, avec {{time}} de temps restant. Le temps pendant lequel le poste était arrêté n’est pas décompté. Faites un signalement pour le jury.',
    resumeConfirm: 'Autoriser la reprise',
    resumeAlertWarning:
      'Une alerte est toujours en attente sur la question {{question}}. Le candidat restera bloqué sur cette question tant qu’elle n’est pas traitée : traitez-la maintenant ou juste après la reprise, elle reste en tête de la salle.',
    closeStationTitle: 'Fermer le poste de {{name}} ?',
    closeStationBody:
      'L’application de certification se ferme sur {{station}} : il faudra la relancer pour y accueillir un autre candidat. Aucun test n’y est en cours.',
    closeStationResultPending:
      'Le résultat de {{name}} n’est pas encore arrivé au serveur : il sera envoyé quand le poste sera relancé.',
    closeStationResultRefused:
      'Le serveur a refusé le résultat de {{name}}. Fermer l’application le garde sur ce poste. N’effacez pas et ne réinstallez pas ce poste tant que le référent ne vous l’a pas dit.',
    /** Signed in, not started: the station, started again, goes back to the instructions. */
    closeStationNotStartedBody:
      'L’application de certification se ferme sur {{station}}. {{name}} n’a pas commencé son test : rien n’est perdu. Une fois le poste muet (15 secondes), la finalisation ne l’attend plus ; sans nouvelle connexion, le candidat sera noté absent.',
    closeStationNotStartedAgain:
      'Si c’était une erreur, {{name}} peut se connecter de nouveau sur un poste tant que la session n’est pas finalisée (ce poste-ci, relancé, ramène le candidat aux consignes).',
    closeStationConfirm: 'Fermer le poste',
    pauseTitle: 'Mettre en pause le test de {{name}} ?',
    pauseBody:
      'Le chronomètre s’arrête et le candidat ne peut plus répondre jusqu’à ce que vous choisissiez « Reprendre le test » dans sa fiche. Il reprend là où il en était.',
  },
  alert: {
    title: 'Alerte — {{name}}, question {{question}}',
    titleUnknown: 'Alerte — {{name}}',
    live: 'Le candidat est bloqué sur cette question jusqu’à votre décision : allez le voir et décidez maintenant.',
    raised: 'Signalée à {{time}}, il y a {{ago}}.',
    contentTitle: 'Ce que contient la question',
    content: {
      image: 'une image',
      attachment: 'un fichier à ouvrir',
      embed: 'un contenu intégré (simulateur)',
      focused: 'question focalisée (le candidat ne doit pas la quitter)',
      none: 'du texte seulement',
    },
    dismissTitle: 'Le problème n’empêche pas de répondre',
    dismissHint: 'Le candidat doit répondre à la question.',
    dismiss: 'Refuser l’alerte',
    validateTitle: 'Le problème empêche de répondre',
    validateHint:
      'Choisissez le motif. La question sera neutralisée (elle ne comptera pas) et le candidat passera à la suivante.',
    suggested: 'Motifs adaptés à cette question',
    otherCodes: 'Autres motifs',
    validate: 'Valider l’alerte avec {{code}}',
    chooseCode: 'Choisissez d’abord un motif.',
    validateNoCode: 'Valider l’alerte (choisissez un motif)',
    decisionDismissed: 'refusée — le candidat doit répondre',
    decisionValidated: 'validée ({{code}}) — question neutralisée',
    handled: 'Alerte déjà traitée (depuis un autre écran ?) : {{decision}}',
    handledUnknown:
      'Alerte déjà traitée (depuis un autre écran ?). La fiche du candidat montre où il en est.',
    handledAt: 'Question {{question}}, décision prise à {{time}}.',
    handledAtUnknownQuestion: 'Décision prise à {{time}}.',
    handledBack: 'Voir la fiche du candidat',
    lastDecision: 'Dernière alerte traitée à {{time}} : {{decision}}',
  },
  codes: INCIDENT_CODE_WORDS.fr,
  lockdown: {
    title: 'Événements du poste',
    hint: 'Gardés dans le dossier du candidat pour le jury.',
    none: 'Aucun événement.',
    acknowledge: 'J’ai vu ces événements',
    new_one: '1 nouvel événement',
    new_other: '{{count}} nouveaux événements',
    short: {
      focusLost: 'Fenêtre quittée',
      focusRegained: 'Retour dans le test',
      displayAdded: 'Écran branché',
      displayRemoved: 'Écran débranché',
      lockScreen: 'Session verrouillée',
      suspend: 'Mise en veille',
      resume: 'Sortie de veille',
      rendererCrashed: 'Écran planté',
      forbiddenProcess: 'Logiciel interdit',
      uncleanExit: 'Arrêt brutal',
    },
    events: LOCKDOWN_EVENT_WORDS.fr,
    /** What the station knew of an event, said in place of its name (older stations wrote a sentence only). */
    facts: LOCKDOWN_FACT_WORDS.fr,
  },
  incidents: {
    title: 'Signalements',
    hint: 'Un signalement par incident, avec son code : pas dans le commentaire global.',
    none: 'Aucun signalement.',
    add: 'Ajouter le signalement',
    code: 'Code',
    codeHint: 'C : le candidat ou la session. E : une question précise (indiquez son numéro).',
    codeGroupC: 'Candidat et session',
    codeGroupE: 'Question',
    chooseCode: 'Choisissez un code',
    questionNumber: 'Numéro de la question (de 1 à {{max}})',
    description: 'Description (facultative)',
    remove: 'Retirer',
    removeLabel: 'Retirer le signalement {{code}}',
    questionShort: 'question {{question}}',
    errors: {
      codeMissing: 'Choisissez un code.',
      questionMissing: 'Un code E concerne une question du test : indiquez son numéro, de 1 à {{max}}.',
    },
    added: 'Signalement {{code}} ajouté.',
    loadFailed: 'Les signalements ne peuvent pas être chargés : {{message}}',
  },
  finalization: {
    title: 'Finaliser la session',
    intro:
      'À faire à la fin de la session, quand tous les candidats ont terminé. Après la finalisation, plus aucune action n’est possible dans la salle et les résultats sont calculés.',
    runningTitle_one: '1 test est encore en cours',
    runningTitle_other: '{{count}} tests sont encore en cours',
    runningHint:
      'La session ne peut pas être finalisée avant. Terminez d’abord leur test depuis la salle (« Terminer le test »), ou attendez qu’ils finissent. Un candidat connecté qui n’a pas commencé : fermez son poste depuis sa fiche (« Fermer le poste ») ; le candidat sera noté absent. Un poste muet (plus de 15 secondes sans nouvelles) dont le candidat a encore du temps est listé plus bas : il compose peut-être hors ligne.',
    alertsTitle_one: '1 alerte attend votre décision',
    alertsTitle_other: '{{count}} alertes attendent votre décision',
    alertsHint:
      'Décidez d’abord de chacune depuis la salle : neutraliser la question ou la laisser au candidat.',
    alertOn: '{{name}}, question {{number}}',
    resumeWaiting: '{{name}} : attend la reprise sur {{station}}',
    resumeHint:
      'Un candidat qui attend la reprise sur un autre poste est toujours dans la salle : autorisez la reprise depuis la salle (« Autoriser la reprise »). S’il est parti, attendez que ce poste soit muet (15 secondes sans nouvelles, par exemple une fois éteint) : son test sera alors à finaliser comme non terminé.',
    toRoom: 'Aller dans la salle',
    maybeOfflineTitle_one: '1 candidat compose peut-être encore hors ligne',
    maybeOfflineTitle_other: '{{count}} candidats composent peut-être encore hors ligne',
    maybeOfflineHint:
      'Si le candidat compose encore, attendez : son test continue hors ligne et son poste renverra ses réponses dès que le réseau revient. Si le poste est éteint ou le candidat est parti, confirmez.',
    silentLine: '{{name}} : {{facts}}',
    silentFor: 'Poste muet depuis {{elapsed}}',
    neverHeard: 'Poste jamais entendu',
    timeLeftThen: 'il lui restait environ {{time}}',
    timeLeftUnknown: 'temps restant inconnu',
    confirmOver: 'Je confirme que le test de {{name}} est terminé (poste éteint ou candidat parti)',
    refusedTitle_one: '1 résultat refusé par le serveur',
    refusedTitle_other: '{{count}} résultats refusés par le serveur',
    refusedHint:
      'Cela n’empêche pas de finaliser, et le jury examinera ces résultats de lui-même : inutile de l’écrire dans le commentaire global. Si un candidat a eu un problème sur son poste, ajoutez-lui un signalement avec son code. Ces résultats restent enregistrés sur les postes, même éteints : ne les effacez pas et ne les réinstallez pas tant que le référent ne vous l’a pas dit.',
    unfinishedTitle: 'Tests non terminés',
    unfinishedHint:
      'Pour chaque test qui ne s’est pas terminé normalement, indiquez la raison. Abandon du candidat : les questions sans réponse comptent comme passées. Problème technique : elles sont neutralisées.',
    unfinishedNone: 'Tous les tests commencés se sont terminés normalement.',
    /** A test its station started, then nothing more heard: its card still shows the wait. */
    wentAheadUnheard:
      'Le poste a lancé le test puis ne s’est plus manifesté : indiquez pourquoi il s’est arrêté',
    abortReason: 'Raison de l’arrêt pour {{name}}',
    abortReasons: {
      candidate: 'Abandon du candidat',
      technical: 'Problème technique',
    },
    /** What each reason covers, in the back office's words. */
    abortReasonHints: {
      candidate: 'Le candidat a arrêté de lui-même (malaise, départ…).',
      technical: 'Panne de poste, de réseau ou de courant qui a empêché de finir.',
    },
    comment: 'Commentaire global sur la session (facultatif)',
    commentHint:
      'Pour ce qui concerne toute la session. Les incidents d’un candidat vont dans ses signalements, avec leur code. Un commentaire fait examiner la session par le jury avant la publication.',
    commentCount: '{{count}} / {{max}} caractères',
    /** Over the limit: said in words, not by the colour alone. */
    commentCountOver: '{{count}} / {{max}} caractères : {{excess}} de trop',
    commentBackUnder: 'Le commentaire tient de nouveau en {{max}} caractères.',
    hadIncident: 'Y a-t-il eu un incident pendant la session ?',
    // DOMAIN.md §8: incidents end up in the global comment instead of coded reports.
    incidentWithoutReport:
      'Aucun signalement n’a été fait dans cette session. Si l’incident a touché un candidat, ajoutez-lui un signalement avec son code depuis sa fiche dans la salle (partie « Signalements ») : c’est ce que le jury lit pour décider. Le commentaire global est pour ce qui concerne toute la session.',
    // Asked in the positive (as in the back office): « Oui » means a candidate could not join.
    couldNotJoin: 'Un candidat inscrit a-t-il été empêché de rejoindre la session ?',
    yes: 'Oui',
    no: 'Non',
    submit: 'Finaliser la session',
    confirmTitle: 'Finaliser la session ?',
    confirmBody:
      'C’est définitif : la salle passe en lecture seule, les signalements ne peuvent plus changer et les résultats sont calculés.',
    confirm: 'Finaliser',
    errors: {
      summary: 'La session n’est pas finalisée. Corrigez ce qui est indiqué.',
      abortReason: 'Indiquez la raison de l’arrêt.',
      running: 'Des tests sont encore en cours ou attendent la reprise : réglez-les d’abord depuis la salle.',
      maybeOffline:
        'Un candidat compose peut-être encore hors ligne : attendez que son poste revienne, ou confirmez que son test est terminé.',
      confirmOver: 'Attendez que ce poste revienne, ou cochez cette case si son test est terminé.',
      alerts: 'Des alertes attendent votre décision : décidez-les d’abord depuis la salle.',
      comment: 'Le commentaire dépasse {{max}} caractères.',
      answer: 'Répondez par oui ou par non.',
    },
    done: 'Session finalisée. Les résultats sont calculés.',
    already: 'Cette session est déjà finalisée.',
    attendanceFirst: 'Avant de finaliser, faites signer la feuille d’émargement et notez les absents.',
    /** A draft kept in this tab (finalization-draft.ts) was found again: said discreetly. */
    draftRestored: 'Votre saisie a été retrouvée.',
  },
  results: {
    title: 'Résultats de la session',
    notYet: 'Les résultats seront affichés ici une fois la session finalisée.',
    needsJury:
      'Un commentaire, un signalement ou un résultat (trop de questions neutralisées) demande l’examen du jury avant la publication.',
    noJury: 'Rien ne demande l’examen du jury.',
    table: 'Résultats par candidat',
    candidate: 'Candidat',
    status: 'Statut',
    score: 'Score Pix',
    rate: 'Taux de reproductibilité',
    competences: 'Compétences certifiées',
    neutralized: 'Questions neutralisées',
    code: 'Code de vérification',
    test: 'Test',
    none: '—',
    statuses: {
      validated: 'Certifié',
      rejected: 'Non certifié',
      cancelled: 'Annulé',
    },
    finished: 'terminé',
    aborted: {
      candidate: 'arrêté : abandon',
      technical: 'arrêté : problème technique',
    },
    fromRecords: 'calculé sans le résultat signé du poste (réponses répliquées)',
    refused: 'résultat signé refusé par le serveur : il reste sur le poste, pour le jury',
    reasons: {
      TECHNICAL_ABORT_TOO_FEW_ANSWERS: 'Problème technique avec trop peu de réponses',
      REPRODUCIBILITY_BELOW_50: 'Taux de reproductibilité sous 50 %',
      SCORE_ZERO: 'Aucune compétence certifiée',
      NOT_TRUSTED: 'Trop de questions neutralisées : le jury décide',
      JURY_CANCELLED: 'Certification annulée par le jury',
    },
    level: 'niv. {{level}}',
    absent: 'Absents',
    absentNone: 'Aucun absent.',
    unscoredTitle: 'Résultats arrivés après la finalisation',
    unscoredIntro:
      'Ces candidats étaient notés absents : le résultat signé de leur poste est arrivé depuis. Vous n’avez rien à faire : le centre le calcule dans son back-office (le jury dit d’abord pourquoi le test s’est arrêté, s’il s’est arrêté avant la fin).',
    loadFailed: 'Les résultats ne peuvent pas être chargés : {{message}}',
  },
  attendance: {
    title: 'Feuille d’émargement',
    print: 'Imprimer',
    exportCsv: 'Exporter (CSV)',
    lastName: 'Nom',
    firstName: 'Prénom',
    birthdate: 'Date de naissance',
    station: 'Poste',
    presence: 'Présence',
    start: 'Début',
    outcome: 'État du test',
    incidents: 'Signalements',
    signature: 'Signature',
    presenceWords: {
      present: 'Présent',
      notStarted: 'Connecté, test non commencé',
      notArrived: 'Pas encore arrivé',
      absent: 'Absent',
    },
    signedBy: 'Le surveillant : {{examiner}}',
    generatedAt: 'Établie le {{date}}',
    fileName: 'emargement-session-{{number}}.csv',
  },
  errors: {
    network: 'Le serveur de certification ne répond pas.',
  },
} as const;
