// French, the default language of every screen. Written for a stressed 14-year-old: short sentences,
// each message says what is happening and what to do next.
export const fr = {
  app: {
    title: 'Certification Pix',
    language: { switchTo: 'English', switchLabel: 'Switch the screens to English' },
  },
  common: {
    cancel: 'Annuler',
    close: 'Fermer',
    back: 'Retour',
    loading: 'Chargement…',
    askInvigilator: 'Levez la main : le surveillant va venir vous aider.',
  },
  /** A refusal of the station, by its code (never the station's own words, written for the logs). */
  stationError: {
    ILLEGAL_TRANSITION:
      'Le poste est déjà passé à une autre étape : cette action n’est plus possible. Si l’écran ne change pas, prévenez le surveillant.',
    STATION_NOT_READY: 'Ce poste n’est pas prêt pour le moment. Prévenez le surveillant.',
    SERVER_UNREACHABLE:
      'Le poste n’arrive pas à joindre le serveur de certification. Réessayez dans un instant ; si cela continue, prévenez le surveillant.',
    STORAGE_FAILED:
      'Le poste n’a pas pu enregistrer votre demande. Réessayez ; si cela continue, prévenez le surveillant.',
    other: 'Le poste a rencontré un problème. Réessayez ; si cela continue, prévenez le surveillant.',
  },
  duration: {
    hoursMinutes: '{{hours}} h {{minutes}} min',
    hours: '{{hours}} h',
    minutes: '{{minutes}} min',
    lessThanMinute: 'moins d’une minute',
    seconds: '{{seconds}} s',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
  },
  connection: {
    offline: 'Hors connexion',
    /** What being offline means where the candidate is (offline-situation.ts). */
    situation: {
      beforeJoining: 'Vous pourrez vous connecter dès le retour de la connexion.',
      waitingForInvigilator: 'L’autorisation du surveillant arrivera au retour de la connexion.',
      testGoesOn: 'Vos réponses restent enregistrées sur ce poste. Le test continue normalement.',
      /** A report the server has: the invigilator knows, and only their decision unblocks the question. */
      questionFrozen:
        'Question bloquée par votre signalement : levez la main. La décision du surveillant arrivera au retour de la connexion.',
      /** A report that has not left the station: the candidate may also take it back (test.alert.withdraw). */
      reportNotSent: 'Question bloquée par votre signalement : levez la main, ou annulez-le pour continuer.',
      pauseWaits: 'La fin de la pause arrivera au retour de la connexion. Restez à votre place.',
      resultKept: 'Votre résultat reste sur ce poste et partira dès le retour de la connexion.',
      resultSent: 'Votre résultat est déjà envoyé : vous n’avez rien à faire.',
    },
    backOnline: 'La connexion au serveur est revenue.',
    wentOffline: 'Connexion au serveur perdue. {{detail}}',
  },
  home: {
    starting: 'Démarrage du poste…',
    noStation: 'Cette page doit être ouverte dans l’application du poste de certification.',
    stationLabel: 'Poste',
    centreLabel: 'Centre',
    centreUnknown: 'pas encore associé à un centre',
    serverLabel: 'Serveur de certification',
    serverOnline: 'connecté',
    serverOffline: 'pas joignable pour le moment (le poste réessaie tout seul)',
    readyTitle: 'Ce poste est prêt.',
    readyNext: 'Quand le surveillant vous le dit, commencez votre certification.',
    start: 'Commencer ma certification',
    notReadyTitle: 'Ce poste n’est pas prêt pour le moment.',
    /** Why the station is not ready, by its code (the station's notReadyCode). */
    notReadyReason: {
      enrolling:
        'Ce poste s’inscrit auprès du serveur de certification : cela peut prendre une minute quand le réseau vient de démarrer.',
      notEnrolled: 'Ce poste n’est pas encore inscrit auprès du serveur de certification.',
      closedByInvigilator: 'Le surveillant a fermé ce poste.',
      stationFault: 'Ce poste a un problème technique : il ne peut pas accueillir de candidat.',
      stationRevoked:
        'Le serveur de certification n’accepte plus ce poste (inconnu ou retiré) : il doit être inscrit à nouveau.',
      other: 'Ce poste doit être vérifié avant d’accueillir un candidat.',
    },
    notReadyNext:
      'Prévenez le surveillant de la salle. Ce message disparaîtra tout seul quand le poste sera prêt.',
    /**
     * What to do when a person must act (notReadyNext would be untrue): a station not enrolled and not
     * enrolling by itself (no code in its settings, or the code refused) never clears, nor a revoked one.
     */
    notReadyNextBy: {
      notEnrolled:
        'Prévenez le surveillant de la salle. Le référent Pix ou le service informatique doit inscrire ce poste.',
      stationRevoked:
        'Prévenez le surveillant de la salle. Ce message ne disparaîtra pas tout seul : le référent Pix ou le service informatique doit inscrire ce poste à nouveau.',
    },
    /** The station's status could not be read (not its refusal to welcome a candidate): it asks again. */
    unavailableFault: 'Le poste a rencontré un problème en démarrant : il réessaie tout seul.',
    offlineNext:
      'Le poste n’arrive pas à joindre le serveur de certification. Vous ne pourrez pas vous connecter tant que ce message est affiché. Prévenez le surveillant s’il reste plus d’une minute.',
    movedTitle: 'Ce test continue sur un autre poste',
    movedBody:
      'Le test de {{name}} a repris sur un autre poste : on le termine là-bas, pas sur celui-ci. Les réponses données ici sont conservées pour le jury.',
    movedNext: 'Rien à faire sur ce poste. En cas de doute, demandez au surveillant.',
    movedAnnounce: 'Ce test continue sur un autre poste. Rien à faire sur ce poste.',
  },
  signIn: {
    title: 'Connexion à la session',
    intro:
      'Recopiez le numéro de session et le code d’accès donnés par le surveillant, puis écrivez votre nom, votre prénom et votre date de naissance.',
    required: 'Tous les champs sont obligatoires.',
    sessionGroup: 'Votre session',
    sessionNumber: 'Numéro de session',
    sessionNumberHint: 'Des chiffres seulement, par exemple 12345.',
    accessCode: 'Code d’accès',
    accessCodeHint: '4 lettres puis 2 chiffres, par exemple BCDF23.',
    identityGroup: 'Vous',
    lastName: 'Nom',
    firstName: 'Prénom',
    birthdate: 'Date de naissance',
    birthdateHint: 'Par exemple 02 04 2011 pour le 2 avril 2011.',
    day: 'Jour',
    month: 'Mois',
    year: 'Année',
    submit: 'Me connecter',
    submitting: 'Connexion en cours…',
    errorSummary: 'La connexion n’a pas abouti. Corrigez ce qui est indiqué, puis réessayez.',
    errors: {
      sessionNumberMissing: 'Écrivez le numéro de session.',
      sessionNumberFormat: 'Le numéro de session ne contient que des chiffres.',
      accessCodeMissing: 'Écrivez le code d’accès.',
      accessCodeFormat: 'Le code d’accès a 4 lettres puis 2 chiffres, par exemple BCDF23.',
      lastNameMissing: 'Écrivez votre nom.',
      firstNameMissing: 'Écrivez votre prénom.',
      birthdateMissing: 'Écrivez votre date de naissance : jour, mois et année.',
      birthdateInvalid: 'Cette date n’existe pas. Vérifiez le jour, le mois et l’année (4 chiffres).',
      SESSION_NOT_FOUND: 'Aucune session ne porte ce numéro. Vérifiez-le avec le surveillant.',
      SESSION_CLOSED: 'Cette session est terminée : on ne peut plus s’y connecter. Prévenez le surveillant.',
      WRONG_ACCESS_CODE:
        'Ce code d’accès ne correspond pas à cette session. Vérifiez-le avec le surveillant.',
      NO_MATCHING_CANDIDATE:
        'Aucun candidat inscrit à cette session n’a ce nom, ce prénom et cette date de naissance. Vérifiez l’orthographe et la date. Si tout est juste, prévenez le surveillant.',
      SEVERAL_MATCHING_CANDIDATES:
        'Plusieurs candidats inscrits correspondent à ces informations. Prévenez le surveillant : il vous aidera à vous connecter.',
      NOT_CERTIFIABLE:
        'Vous ne pouvez pas passer cette certification : il faut avoir validé au moins 5 compétences au niveau 1 sur Pix. Prévenez le surveillant.',
      CANDIDATE_ALREADY_STARTED:
        'Vous avez déjà commencé ce test (peut-être sur un autre poste). Prévenez le surveillant.',
      SERVER_UNREACHABLE:
        'Le poste n’arrive pas à joindre le serveur de certification. Réessayez dans un instant ; si cela continue, prévenez le surveillant.',
      STATION_NOT_READY: 'Ce poste n’est pas prêt pour le moment. Prévenez le surveillant.',
      TOO_MANY_ATTEMPTS:
        'Trop d’essais sur ce poste : la connexion est bloquée pendant quelques minutes. Ne réessayez pas : prévenez le surveillant, il vérifiera vos informations avec vous.',
      INVALID_REQUEST: 'Certaines informations ne sont pas valides. Vérifiez-les, puis réessayez.',
      other: 'Le poste a rencontré un problème. Réessayez ; si cela continue, prévenez le surveillant.',
    },
  },
  instructions: {
    title: 'Avant de commencer',
    hello: 'Bonjour {{firstName}} {{lastName}}.',
    session: 'Session {{number}} · {{centre}} · {{room}}',
    notYou: 'Ce n’est pas vous ? Revenir à l’accueil',
    rulesTitle: 'Les consignes',
    duration: 'Le test dure {{duration}}.',
    durationExtra: 'Le test dure {{duration}}, votre temps supplémentaire compris.',
    oneByOne: 'Les questions arrivent une par une. On ne peut pas revenir à une question déjà validée.',
    skip: 'Si vous ne savez pas répondre, cliquez sur « Je passe ».',
    browser:
      'Certaines questions demandent de chercher sur Internet : utilisez le navigateur affiché à côté de la question.',
    special:
      'Certaines questions sont chronométrées, d’autres demandent de rester sur la question (mode focus) : un message vous le dit sur la question.',
    problem:
      'Si une question ne fonctionne pas (image, fichier, site…), cliquez sur « Signaler un problème » : le surveillant viendra.',
    stored: 'Chaque réponse validée est enregistrée sur ce poste, même si le réseau est coupé.',
    results: 'Vous n’aurez pas votre résultat à la fin du test : il sera publié plus tard.',
    honesty: 'Il est interdit de communiquer ou d’utiliser un téléphone ou un autre appareil.',
    accept: 'J’ai lu ces consignes et je m’engage à les respecter.',
    acceptMissing: 'Cochez la case pour confirmer que vous avez lu les consignes.',
    continue: 'Continuer',
  },
  waiting: {
    title: 'En attente du surveillant',
    body: 'Le surveillant va vérifier votre identité, puis lancer votre test.',
    next: 'Restez à votre place : le test démarrera tout seul sur cet écran.',
    notYou: 'Ce n’est pas vous ? Revenir à l’accueil',
  },
  /** The invigilator started (or let resume) the test and the station is getting it ready. */
  preparation: {
    title: 'Préparation de votre test',
    started: 'Le surveillant a lancé votre test : préparation en cours…',
    resumed: 'Le surveillant a autorisé la reprise : préparation de votre test en cours…',
    resumeNext: 'Restez à votre place : le test reprendra tout seul sur cet écran.',
    retrying:
      'Le test n’arrive pas encore sur ce poste : le poste réessaie. Levez la main pour prévenir le surveillant.',
  },
  closed: {
    title: 'Ce poste est fermé',
    body: 'Le surveillant a fermé ce poste depuis son écran. Il n’y a plus rien à faire ici.',
  },
  resume: {
    title: 'Votre test a été interrompu',
    reassure:
      'Pas d’inquiétude : vos réponses sont enregistrées et le temps de l’interruption ne vous est pas compté.',
    next: 'Levez la main et demandez au surveillant d’autoriser la reprise. Le test reprendra tout seul à la question {{question}}.',
    /** Resuming on another station: the progress is not known until the test arrives. */
    nextUnknown:
      'Levez la main et demandez au surveillant d’autoriser la reprise. Le test reprendra tout seul, là où vous en étiez.',
    timeLeft: 'Temps restant : {{time}}',
    announce: 'Test interrompu. Demandez au surveillant d’autoriser la reprise.',
  },
  paused: {
    invigilatorTitle: 'Test en pause',
    invigilatorBody:
      'Le surveillant a mis votre test en pause. Le temps est arrêté : vous ne perdez pas de temps.',
    invigilatorNext:
      'Restez à votre place : le test reprendra tout seul, là où vous en étiez, quand le surveillant mettra fin à la pause.',
    lockdownTitle: 'Poste verrouillé',
    lockdownBody: '{{reason}} Le temps est arrêté : vous ne perdez pas de temps.',
    /** What locked the station, by its lockdown event (one short sentence each). */
    lockReason: {
      displayAdded: 'Un autre écran a été branché sur l’ordinateur.',
      lockScreen: 'L’ordinateur a été verrouillé.',
      suspend: 'L’ordinateur s’est mis en veille.',
      rendererCrashed: 'L’écran du test s’est arrêté plusieurs fois.',
      forbiddenProcess: 'Un logiciel interdit pendant la certification est ouvert sur l’ordinateur.',
      other: 'Le poste a détecté un problème.',
    },
    lockdownNext: 'Levez la main : le surveillant doit déverrouiller le poste.',
    message: 'Message du surveillant : {{reason}}',
    announce: 'Test en pause. Le temps est arrêté.',
  },
  ended: {
    finishedTitle: 'Test terminé',
    finishedBody: 'Vous avez traité toutes les questions. Merci !',
    skipped_one: 'Vous avez passé {{count}} question avec « Je passe ».',
    skipped_other: 'Vous avez passé {{count}} questions avec « Je passe ».',
    neutralized_one: '{{count}} question ne sera pas comptée : le surveillant a accepté votre signalement.',
    neutralized_other:
      '{{count}} questions ne seront pas comptées : le surveillant a accepté vos signalements.',
    candidateTitle: 'Test terminé',
    candidateBody: 'Vous avez terminé votre test.',
    timeUpTitle: 'Le temps est écoulé',
    timeUpBody: 'Votre test est terminé. Toutes les réponses validées avant la fin sont enregistrées.',
    invigilatorTitle: 'Test terminé par le surveillant',
    invigilatorBody: 'Le surveillant a terminé votre test. Vos réponses déjà validées sont enregistrées.',
    abortedTitle: 'Test arrêté',
    abortedBody: 'Votre test a été arrêté. Vos réponses déjà validées sont enregistrées.',
    sealing: 'Enregistrement de vos réponses…',
    sending: 'Vos réponses sont enregistrées sur ce poste. Le résultat est en cours d’envoi au serveur.',
    sendingNext: 'Vous n’avez rien à faire : le poste l’enverra tout seul, même plus tard.',
    sent: 'Résultat envoyé au serveur de certification.',
    refused:
      'Vos réponses sont bien enregistrées sur ce poste. Le serveur n’a pas pu accepter le résultat tel quel : prévenez le surveillant, il s’en occupe.',
    results: 'Votre résultat sera publié plus tard, quand la session aura été traitée.',
    goHome: 'Terminer et revenir à l’accueil',
    leave: 'Vous pouvez quitter votre place quand le surveillant vous le dit.',
  },
  test: {
    questionOf: 'Question {{n}} sur {{total}}',
    progressLabel: 'Avancement du test',
    progressValue_one: '{{count}} question traitée sur {{total}}',
    progressValue_other: '{{count}} questions traitées sur {{total}}',
    timeLeft: 'Temps restant',
    timeLeftValue: '{{time}}',
    extraTimeIncluded: 'temps supplémentaire compris',
    loading: 'Chargement de la question…',
    loadError: {
      body: 'Le poste n’a pas pu afficher la question. Cliquez sur « Réessayer ».',
      retry: 'Réessayer',
      next: 'Si la question ne s’affiche toujours pas, levez la main.',
    },
    /** Every question is done but the station has not recorded the end yet (it tries again). */
    finishing: 'Vos réponses sont enregistrées. Le poste termine le test… Si cela dure, levez la main.',
    questionRegion: 'Question',
    answerLegend: 'Votre réponse',
    chooseOne: 'Choisissez une seule réponse.',
    chooseSeveral: 'Choisissez une ou plusieurs réponses.',
    fieldDefault: 'Réponse {{n}}',
    selectPlaceholder: 'Choisissez…',
    numberHint: 'Répondez avec un nombre, par exemple 12 ou 4,5.',
    validate: 'Valider',
    validating: 'Enregistrement…',
    skip: 'Je passe',
    report: 'Signaler un problème',
    finish: 'Terminer mon test maintenant',
    stored: 'Réponse enregistrée.',
    skippedAnnounce: 'Question passée.',
    draftSaved: 'Réponse en cours enregistrée automatiquement.',
    errors: {
      chooseOne: 'Choisissez une réponse pour valider, ou cliquez sur « Je passe ».',
      chooseSeveral: 'Choisissez au moins une réponse pour valider, ou cliquez sur « Je passe ».',
      fillAll: 'Remplissez toutes les réponses pour valider, ou cliquez sur « Je passe ».',
      fillOne: 'Écrivez votre réponse pour valider, ou cliquez sur « Je passe ».',
      number: 'Écrivez un nombre, par exemple 12 ou 4,5.',
      STORAGE_FAILED:
        'La réponse n’a pas pu être enregistrée. Réessayez de valider ; si cela continue, prévenez le surveillant.',
      ALERT_PENDING: 'Un problème est signalé sur cette question : attendez le surveillant.',
      other: 'Le poste a rencontré un problème. Réessayez ; si cela continue, prévenez le surveillant.',
    },
    skipDialog: {
      title: 'Passer cette question ?',
      body: 'Vous ne pourrez pas revenir à cette question. Elle comptera comme non répondue.',
      confirm: 'Oui, je passe',
    },
    reportDialog: {
      title: 'Signaler un problème ?',
      body: 'Utilisez ce bouton si la question ne fonctionne pas : image qui ne s’affiche pas, fichier qui ne s’ouvre pas, site inaccessible…',
      consequence: 'Le surveillant viendra voir. En attendant, la question sera bloquée.',
      /** Offline, the report cannot reach the invigilator's screen: the candidate calls them. */
      consequenceOffline:
        'Pas de connexion : le surveillant ne verra votre signalement qu’au retour de la connexion. Levez la main pour l’appeler. En attendant, la question sera bloquée.',
      confirm: 'Signaler le problème',
    },
    finishDialog: {
      title: 'Terminer le test maintenant ?',
      body_one: 'La dernière question comptera comme non répondue. Vous ne pourrez plus reprendre le test.',
      body_other:
        'Les {{count}} questions restantes compteront comme non répondues. Vous ne pourrez plus reprendre le test.',
      confirm: 'Oui, terminer mon test',
    },
    alert: {
      pendingTitle: 'Problème signalé',
      pendingBody:
        'Le surveillant a été prévenu et va venir vous voir. En attendant, cette question est bloquée.',
      pendingNext: 'Levez la main pour que le surveillant vous trouve facilement.',
      pendingOfflineBody:
        'Le poste n’arrive pas à prévenir le surveillant (pas de connexion) : levez la main pour l’appeler. En attendant, cette question est bloquée.',
      pendingOfflineNext: 'Votre signalement partira tout seul dès le retour de la connexion.',
      withdrawHint:
        'Si vous préférez continuer sans attendre, annulez votre signalement : la question se débloque et vous y répondez normalement. Si la question a un temps limité, l’attente sera alors décomptée de ce temps.',
      withdraw: 'Annuler mon signalement',
      withdrawn: 'Signalement annulé : vous pouvez répondre à cette question.',
      dismissed: 'Le surveillant a examiné votre signalement : vous pouvez répondre à cette question.',
      validated:
        'Votre signalement a été accepté : la question précédente ne sera pas comptée. Voici la question suivante.',
    },
    timer: {
      label: 'Question chronométrée',
      left: 'Temps pour cette question : {{time}}',
      frozen: 'Ce temps est arrêté tant que la question est bloquée : vous ne le perdez pas.',
      expired:
        'Le temps de cette question est écoulé. Vous pouvez encore valider votre réponse, mais elle ne sera pas comptée comme juste.',
      expiredExtraTime:
        'Vous avez un temps majoré, mais le temps de cette question n’est pas allongé. S’il ne vous a pas suffi, cliquez sur « Signaler un problème ».',
    },
    focus: {
      label: 'Question en mode focus',
      body: 'Restez sur cette question jusqu’à ce que vous l’ayez validée. Le navigateur n’est pas disponible pour cette question.',
      bodyAdjusted:
        'Essayez de rester sur cette question jusqu’à ce que vous l’ayez validée. Avec votre aménagement, sortir de la question ne change pas votre résultat.',
      lost: 'Vous avez quitté la question. Vous pouvez quand même répondre, mais votre réponse ne sera pas comptée comme juste. Si vous ne l’avez pas quittée vous-même (une fenêtre s’est ouverte toute seule), cliquez sur « Signaler un problème ».',
      lostAdjusted:
        'Vous avez quitté la question. Avec votre aménagement, votre réponse sera comptée normalement.',
    },
    /**
     * The 15- and 5-minute warnings: shown with the time left as the bar shows it (never a fixed figure
     * beside a bar that moved on); said, and shown until the bar has caught up, as "less than".
     */
    warning: {
      m15: 'Il reste {{time}}.',
      m5: 'Il reste {{time}}. Pensez à valider votre réponse.',
      under15: 'Il reste moins de 15 minutes.',
      under5: 'Il reste moins de 5 minutes. Pensez à valider votre réponse.',
      dismiss: 'Masquer ce message',
    },
    attachments: {
      title: 'Fichiers de la question',
      open: 'Ouvrir {{name}}',
      kind: {
        pdf: 'document PDF',
        image: 'image',
        text: 'texte',
        csv: 'tableau',
        spreadsheet: 'classeur (tableur)',
        document: 'document texte',
      },
      opening: 'Ouverture du fichier…',
      failed: 'Ce fichier ne s’ouvre pas. Vous pouvez cliquer sur « Signaler un problème ».',
      viewerTitle: 'Fichier : {{name}}',
      pdfFallback:
        'Si le document ne s’affiche pas, fermez cette fenêtre et cliquez sur « Signaler un problème ».',
      csvCaption: 'Contenu du tableau {{name}}',
      empty: 'Ce fichier est vide.',
      image: 'Image jointe : {{name}}',
      size: { bytes: '{{n}} o', kb: '{{n}} Ko', mb: '{{n}} Mo' },
      /** The badge of a file without an extension (the others show theirs: PDF, CSV…). */
      fileBadge: 'FICHIER',
      /** A spreadsheet or document the viewer cannot read (corrupt, protected by a password). */
      unreadable:
        'Ce fichier ne peut pas être lu : il est peut-être abîmé ou protégé par un mot de passe. Fermez cette fenêtre et cliquez sur « Signaler un problème ».',
      /** The read-only spreadsheet viewer (.xlsx, .xls, .ods). */
      sheet: {
        tabs: 'Feuilles du classeur',
        grid: 'Feuille « {{name}} »',
        corner: 'Lignes et colonnes',
        hint: 'Lecture seule. Déplacez-vous avec les flèches. Pour additionner des cellules, sélectionnez-les avec Maj + flèches ou Maj + clic : leur somme s’affiche en bas.',
        empty: 'Cette feuille est vide.',
        allHidden: 'Toutes les lignes ou colonnes de cette feuille sont masquées dans le fichier.',
        cut: 'Cette feuille est très grande : seules les lignes 1 à {{rows}} et les colonnes A à {{lastColumn}} sont affichées.',
        status: 'Sélection',
        cell: 'Cellule {{address}}',
        formula: 'Formule : {{formula}}',
        value: 'Valeur : {{value}}',
        emptyCell: 'Cellule vide',
        /** Shown after a formula the file holds without its result (the station computes nothing). */
        uncalculated: '(non calculée)',
        notCalculated: 'Valeur : non calculée (le fichier ne contient pas le résultat de la formule)',
        range: 'Cellules {{range}} ({{cells}} cellules)',
        /** After the range, when the selection grew to take in whole the merged cells it touched. */
        widened: 'Sélection agrandie pour inclure les cellules fusionnées en entier',
        sum: 'Somme : {{value}}',
        average: 'Moyenne : {{value}}',
        count: 'Nombre : {{value}}',
        noNumbers: 'Aucun nombre dans la sélection.',
        announceRange:
          '{{range}} sélectionnées. Somme : {{sum}}. Moyenne : {{average}}. Nombre : {{numbers}}.',
        announceRangeNoNumbers: '{{range}} sélectionnées. Aucun nombre.',
      },
      /** The read-only document viewer (.docx, .odt). */
      document: {
        label: 'Contenu du document {{name}}',
        table: 'Tableau {{n}} du document',
        imageNoAlt: 'Image du document (sans description)',
        /** An image the file only links to (never fetched), marked where it was. */
        missingImage: '(image non affichée : {{alt}})',
        missingImageNoAlt: '(image non affichée)',
        /**
         * Said once above a question's own document holding such images; not above a web site's file
         * (a web site's file is not the question's to report).
         */
        missingImages_one:
          'Une image de ce document n’est pas affichée. Si elle vous manque pour répondre, fermez cette fenêtre et cliquez sur « Signaler un problème ».',
        missingImages_other:
          '{{count}} images de ce document ne sont pas affichées. Si l’une d’elles vous manque pour répondre, fermez cette fenêtre et cliquez sur « Signaler un problème ».',
        /** The same while a report of the question is pending: « Signaler un problème » is disabled. */
        missingImagesReported_one:
          'Une image de ce document n’est pas affichée. Vous avez signalé un problème : quand le surveillant viendra vous voir, dites-lui si elle vous manque pour répondre.',
        missingImagesReported_other:
          '{{count}} images de ce document ne sont pas affichées. Vous avez signalé un problème : quand le surveillant viendra vous voir, dites-lui si l’une d’elles vous manque pour répondre.',
        truncated: 'Ce document est très long : la fin n’est pas affichée.',
      },
    },
    /** A spreadsheet or document downloaded in the challenge browser, in its viewer (downloaded-file.tsx). */
    downloaded: {
      /** The notice's title in the browser column, and the viewer's title once opened. */
      title: 'Fichier téléchargé : {{name}}',
      open: 'Ouvrir le fichier',
      notice:
        'Ce fichier a été téléchargé depuis la page web du navigateur. Il est en lecture seule : vous pouvez le consulter, mais pas le modifier.',
      /** A web site's file the viewer cannot read: nothing to report, another version to look for. */
      unreadable:
        'Ce fichier ne peut pas être lu sur ce poste. Cherchez sur la page une autre version, par exemple en PDF.',
    },
    embed: {
      title: 'Simulateur',
      filled: 'Le simulateur a rempli votre réponse.',
    },
    illustrationMissing:
      'L’image de la question ne s’affiche pas. Voici sa description ; si elle est nécessaire pour répondre, cliquez sur « Signaler un problème ».',
    /** The same while a report of this question is pending: « Signaler un problème » is disabled. */
    illustrationMissingReported:
      'L’image de la question ne s’affiche pas. Voici sa description. Vous avez signalé un problème : quand le surveillant viendra vous voir, dites-lui si elle vous manque pour répondre.',
    illustration: 'Illustration',
    /** An image in the question's text that the station does not show (never fetched from the web), marked where it was. */
    imageNotShown: '(image non affichée : {{alt}})',
    imageNotShownNoAlt: '(image non affichée)',
    /** Said once, right after the question's text, for a question holding such images (each one is only marked). */
    imagesNotShown_one:
      'Une image de la question n’est pas affichée. Si elle vous manque pour répondre, cliquez sur « Signaler un problème ».',
    imagesNotShown_other:
      '{{count}} images de la question ne sont pas affichées. Si l’une d’elles vous manque pour répondre, cliquez sur « Signaler un problème ».',
    /** The same while a report of this question is pending: « Signaler un problème » is disabled. */
    imagesNotShownReported_one:
      'Une image de la question n’est pas affichée. Vous avez signalé un problème : quand le surveillant viendra vous voir, dites-lui si elle vous manque pour répondre.',
    imagesNotShownReported_other:
      '{{count}} images de la question ne sont pas affichées. Vous avez signalé un problème : quand le surveillant viendra vous voir, dites-lui si l’une d’elles vous manque pour répondre.',
  },
  browser: {
    region: 'Navigateur',
    address: 'Adresse',
    go: 'Aller',
    back: 'Page précédente',
    forward: 'Page suivante',
    reload: 'Recharger la page',
    home: 'Page d’accueil du navigateur',
    loading: 'Chargement de la page…',
    blocked: 'Cette page est bloquée pendant la certification : {{url}}',
    blockedNext: 'Revenez en arrière ou utilisez un autre site.',
    downloadRefused: 'Ce fichier ne peut pas être ouvert sur ce poste : {{fileName}}',
    /** The name said when a refused file has none that can be shown. */
    unnamedFile: 'fichier sans nom',
    downloadRefusedType:
      'On peut ouvrir ici : PDF, images, textes, CSV, classeurs .xlsx .xls .ods et documents .docx .odt. Vous pouvez continuer sur cette page.',
    downloadRefusedSize: 'Il est trop volumineux pour ce poste. Vous pouvez continuer sur cette page.',
    downloadRefusedQuota:
      'Trop de fichiers ont été téléchargés pendant ce test : celui-ci n’est pas enregistré. Vous pouvez continuer sur cette page.',
    downloadRefusedOldWord:
      'Les anciens fichiers Word (.doc) ne s’ouvrent pas ici : cherchez sur la page une version .docx, .odt ou PDF.',
    downloadRefusedMacroOrTemplate:
      'Les fichiers Office à macros et les modèles (.xlsm, .docm, .xltx, .dotx) ne s’ouvrent pas ici : cherchez sur la page une version .xlsx, .docx, .ods, .odt ou PDF.',
    closeNotice: 'Fermer',
    hide: 'Masquer le navigateur',
    show: 'Afficher le navigateur',
    viewArea: 'Page affichée : {{title}}',
    /** A downloaded file (its saved copy) shown in the browser's page. */
    fileShown: 'Fichier affiché : {{name}}',
    noPage: 'Aucune page ouverte',
    failed: 'La page n’a pas pu s’ouvrir. Vérifiez l’adresse ou réessayez.',
    enterPage: 'Aller dans la page',
    keyboardHint: 'Touche F6 : aller dans la page, puis revenir aux boutons du navigateur.',
  },
} as const;
