// French, the back office's default language. Written for a Pix referent who is a teacher, not an IT
// person: every page says what it is for and what to do next, and every error says what to fix.
import { INCIDENT_CODE_WORDS } from '../../shared/i18n/incident-code-words.ts';
import { LOCKDOWN_EVENT_WORDS } from '../../shared/i18n/lockdown-event-words.ts';
import { LOCKDOWN_FACT_WORDS } from '../../shared/i18n/lockdown-fact-words.ts';

export const fr = {
  app: {
    name: 'Espace centre de certification',
    skip: 'Aller au contenu',
    loading: 'Chargement…',
    checking: 'Vérification de votre connexion…',
    unreachableTitle: 'Le serveur de certification ne répond pas',
    unreachable:
      'La page n’arrive pas à joindre le serveur. Vérifiez votre connexion à internet (ou au réseau de l’établissement), puis réessayez. Si cela dure, prévenez la personne qui gère le serveur.',
    retry: 'Réessayer',
    loadFailedTitle: 'Cette page n’a pas pu s’afficher',
    logout: 'Se déconnecter',
    loggedInAs: 'Connecté :',
    roles: { administrator: 'administrateur', referent: 'référent' },
    centre: 'Centre : {{name}}',
    nav: {
      label: 'Menu du centre',
      sessions: 'Sessions',
      stations: 'Postes',
      content: 'Épreuves et profils',
      accounts: 'Comptes',
      centres: 'Centres',
      myAccount: 'Mon compte',
    },
    verifyLink: 'Vérifier un certificat (page publique)',
  },
  login: {
    title: 'Espace centre de certification',
    intro:
      'Ici, le référent Pix prépare les sessions de certification (salle, date, candidats, postes), imprime le kit du jour de l’examen, puis consulte et publie les résultats.',
    email: 'Adresse e-mail',
    emailHint: 'Celle de votre compte, par exemple prenom.nom@college.fr.',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    firstRun:
      'Premier démarrage ? Le premier compte administrateur se crée sur le serveur, en ligne de commande :',
    firstRunCommand: 'npm run server -- create-admin --email votre@adresse.fr',
    ended: {
      expired:
        'Votre session a expiré (après 2 heures sans activité, ou 12 heures au plus) : reconnectez-vous.',
      unknown: 'Vous n’êtes plus connecté (session fermée ou expirée) : reconnectez-vous pour continuer.',
      deactivated: 'Ce compte a été désactivé. Demandez à un administrateur du centre de le réactiver.',
      loggedOut: 'Vous êtes déconnecté. À bientôt !',
    },
    errors: {
      emailRequired: 'Écrivez votre adresse e-mail.',
      emailInvalid: 'Cette adresse e-mail n’est pas complète : elle s’écrit nom@domaine.fr.',
      passwordRequired: 'Écrivez votre mot de passe.',
      INVALID_CREDENTIALS:
        'L’adresse e-mail ou le mot de passe est incorrect. Vérifiez-les (majuscules comprises) et réessayez.',
      ACCOUNT_DEACTIVATED:
        'Ce compte a été désactivé. Demandez à un administrateur du centre de le réactiver.',
      TOO_MANY_ATTEMPTS:
        'Trop de tentatives : la connexion est bloquée quelques minutes pour protéger le compte. Patientez un quart d’heure, puis réessayez.',
    },
  },
  errors: {
    notFound: 'Introuvable : cet élément n’existe pas, a été supprimé, ou appartient à un autre centre.',
    forbidden: 'Seul un administrateur peut faire cela.',
    rateLimited: 'Trop de demandes en peu de temps : patientez une minute, puis réessayez.',
    tooLarge: 'Le fichier est trop gros pour être envoyé. Vérifiez que vous avez choisi le bon fichier.',
    JURY_REVIEW_NEEDED:
      'La session a un commentaire ou des signalements à examiner : cochez « Le jury a examiné la session » avant de publier.',
    INVALID_CREDENTIALS: 'Le mot de passe actuel est incorrect.',
    SESSION_CLOSED: 'La session est finalisée : elle ne peut plus être modifiée.',
  },
  common: {
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    cancel: 'Annuler',
    back: 'Retour',
    close: 'Fermer',
    yes: 'Oui',
    no: 'Non',
    none: 'aucun',
    optional: '(facultatif)',
    required: 'Champ obligatoire.',
    refresh: 'Actualiser',
    download: 'Télécharger',
    // Said aloud when a download is refused or fails (ui/download-link.tsx); shown next to the link too.
    downloadFailed: 'Le fichier « {{file}} » n’a pas été téléchargé : {{reason}}',
    print: 'Imprimer',
    nextStep: 'Prochaine étape',
    backToSession: 'Retour à la session',
    fixErrors_one: '{{count}} point à corriger dans le formulaire : voir le message sous le champ.',
    fixErrors_other: '{{count}} points à corriger dans le formulaire : voir les messages sous les champs.',
    chooseFile: 'Choisir un fichier',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'Cette page n’existe pas, ou elle concerne un autre centre que le vôtre.',
    home: 'Revenir aux sessions',
  },
  centres: {
    title: 'Centres de certification',
    intro:
      'Un centre de certification (votre établissement) regroupe ses sessions, ses postes d’examen, sa banque d’épreuves et les comptes de ses référents.',
    firstTitle: 'Commencez par créer votre centre',
    first:
      'Aucun centre n’existe encore sur ce serveur. Écrivez le nom de l’établissement : vous pourrez ensuite créer les comptes des référents et les sessions.',
    choose: 'Choisissez le centre sur lequel travailler :',
    open: 'Ouvrir',
    createTitle: 'Créer un centre',
    name: 'Nom du centre',
    nameHint:
      'Le nom de l’établissement, tel qu’il apparaîtra sur les certificats. Exemple : Collège Jean Moulin (Lyon).',
    create: 'Créer le centre',
    created: 'Centre « {{name}} » créé.',
    nameRequired: 'Écrivez le nom du centre.',
  },
  sessions: {
    title: 'Sessions de certification',
    intro:
      'Une session, c’est une salle, un jour, une heure et un surveillant. Créez-la, inscrivez les candidats, imprimez le kit de session ; le jour de l’examen, le surveillant suit la salle sur l’écran surveillant.',
    create: 'Créer une session',
    groups: {
      upcoming: 'À venir ou en cours',
      upcomingHint:
        'Sessions à préparer (candidats, profils, postes, kit à imprimer), ou en cours : des candidats passent leur test.',
      toFinalize: 'À finaliser',
      toFinalizeHint:
        'La date est passée, ou les tests ont commencé et aucun n’est plus en cours : le surveillant finalise la session ; s’il ne l’a pas fait, finalisez-la ici.',
      processed: 'Traitées',
      processedHint:
        'Résultats calculés : consultez-les, téléchargez les certificats ; un administrateur les publie.',
    },
    count: '({{count}})',
    empty: {
      upcoming: 'Aucune session à venir. Créez la prochaine avec le bouton « Créer une session ».',
      toFinalize: 'Aucune session à finaliser.',
      processed: 'Aucune session traitée pour le moment.',
    },
    table: {
      number: 'N°',
      when: 'Date et heure',
      room: 'Salle',
      examiner: 'Surveillant',
      candidates: 'Candidats',
      state: 'État',
      open: 'Ouvrir',
      openLabel: 'Ouvrir la session {{number}}',
      // One line per session, the parts joined with « · » (sessions/session-counts.ts).
      counts: {
        enrolled_one: '{{count}} inscrit',
        enrolled_other: '{{count}} inscrits',
        started_one: '{{count}} a commencé',
        started_other: '{{count}} ont commencé',
        received_one: '{{count}} résultat reçu',
        received_other: '{{count}} résultats reçus',
        // Only when some were refused (signed results the server refused for good).
        refused_one: '{{count}} résultat refusé',
        refused_other: '{{count}} résultats refusés',
      },
      refusedHint_one:
        'Résultat refusé par le serveur : le jury doit l’examiner (journal gardé sur le poste).',
      refusedHint_other:
        '{{count}} résultats refusés par le serveur : le jury doit les examiner (journaux gardés sur les postes).',
    },
    states: {
      created: 'En préparation',
      inProgress: 'En cours',
      toFinalize: 'À finaliser',
      finalized: 'Finalisée',
      processed: 'Résultats calculés',
      published: 'Résultats publiés',
      toPublish: 'À publier',
    },
  },
  sessionForm: {
    createTitle: 'Créer une session',
    editTitle: 'Modifier la session {{number}}',
    intro:
      'Indiquez où et quand la session a lieu, et qui la surveille. Le numéro de session, le code d’accès des candidats et le mot de passe du surveillant sont créés automatiquement.',
    address: 'Adresse de l’établissement',
    addressHint: 'Exemple : 12 rue des Écoles, 69003 Lyon.',
    room: 'Salle',
    roomHint: 'Exemple : Salle informatique B12.',
    date: 'Date',
    dateHint: 'Le jour de l’examen.',
    time: 'Heure de début',
    timeHint: 'Exemple : 09:00.',
    examiner: 'Surveillant',
    examinerHint: 'Nom de la personne qui surveille la salle. Exemple : Mme Sophie Leroy.',
    description: 'Remarque',
    descriptionHint: 'Pour vous seulement. Exemple : élèves de 3e A et 3e B.',
    create: 'Créer la session',
    save: 'Enregistrer les modifications',
    created: 'Session {{number}} créée. Inscrivez maintenant les candidats.',
    saved: 'Modifications enregistrées.',
    errors: {
      address: 'Écrivez l’adresse de l’établissement.',
      room: 'Écrivez le nom de la salle.',
      date: 'Choisissez la date de la session (jj/mm/aaaa).',
      time: 'Écrivez l’heure de début, par exemple 09:00.',
      examiner: 'Écrivez le nom du surveillant.',
      tooLong: 'Ce texte est trop long.',
    },
  },
  session: {
    title: 'Session {{number}}',
    subtitle: '{{room}} · {{date}} à {{time}}',
    details: 'La session',
    address: 'Adresse',
    room: 'Salle',
    date: 'Date',
    time: 'Heure',
    examiner: 'Surveillant',
    description: 'Remarque',
    state: 'État',
    accessCode: 'Code d’accès des candidats',
    accessCodeHint: 'À écrire au tableau le jour de l’examen.',
    invigilatorPassword: 'Mot de passe du surveillant',
    invigilatorPasswordHint: 'À donner au surveillant seulement : il ouvre l’écran surveillant.',
    passwordChange: {
      action: 'Changer le mot de passe du surveillant',
      title: 'Changer le mot de passe du surveillant de la session {{number}} ?',
      intro: 'Un nouveau mot de passe remplace l’actuel, qui ne fonctionnera plus.',
      give: 'Donnez le nouveau mot de passe au surveillant : il s’affichera sur cette page (un kit de session déjà imprimé porte l’ancien).',
      signIn:
        'Les écrans surveillant ouverts devront se reconnecter avec le nouveau mot de passe. Les tests continuent sur les postes.',
      unblock:
        'Un surveillant qui voit « Trop de tentatives » pourra se connecter tout de suite avec le nouveau mot de passe, sans attendre.',
      confirm: 'Changer le mot de passe',
      done: 'Nouveau mot de passe du surveillant : {{password}}. Donnez-le au surveillant.',
    },
    actions: 'Actions',
    edit: 'Modifier la session',
    kit: 'Imprimer le kit de session',
    finalize: 'Finaliser la session',
    results: 'Voir les résultats',
    delete: 'Supprimer la session',
    deleteTitle: 'Supprimer la session {{number}} ?',
    deleteTextEmpty: 'La session sera supprimée. Cela ne peut pas être annulé.',
    deleteText_one: 'La session et son candidat inscrit seront supprimés. Cela ne peut pas être annulé.',
    deleteText_other:
      'La session et ses {{count}} candidats inscrits seront supprimés. Cela ne peut pas être annulé.',
    deleteConfirm: 'Supprimer définitivement',
    deleted: 'Session {{number}} supprimée.',
    cannotDelete:
      'Suppression impossible : un candidat s’est déjà connecté sur un poste (le poste et l’écran surveillant le connaissent).',
    next: {
      noCandidates: 'Inscrivez les candidats : un par un, ou en important la liste de la classe (CSV).',
      noProfiles_one:
        '{{count}} candidat sans profil Pix : importez son profil (fichier JSON), sinon il ne pourra pas passer la certification.',
      noProfiles_other:
        '{{count}} candidats sans profil Pix : importez les profils (fichier JSON), sinon ils ne pourront pas passer la certification.',
      notCertifiable_one:
        '{{count}} candidat a un profil Pix trop court (moins de 5 compétences au niveau 1) : il sera refusé à la connexion. Importez un profil plus complet, ou retirez-le de la session.',
      notCertifiable_other:
        '{{count}} candidats ont un profil Pix trop court (moins de 5 compétences au niveau 1) : ils seront refusés à la connexion. Importez des profils plus complets, ou retirez-les de la session.',
      noBank:
        'La banque d’épreuves du centre est vide : importez-la dans « Épreuves et profils » avant le jour de l’examen.',
      checking:
        'Vérification que le test de chaque candidat pourra être préparé avec la banque d’épreuves et ouvert sur les postes…',
      checkFailed:
        'Les candidats et la banque sont en place, mais la vérification de leurs tests n’a pas abouti : on ne sait pas encore si chaque test pourra être préparé le jour de l’examen.',
      testsNotReady:
        'Tout n’est pas prêt : le jour de l’examen, des candidats ne pourraient pas passer leur test normalement. Corrigez les points ci-dessous, puis vérifiez de nouveau.',
      ready:
        'Tout est prêt : imprimez le kit de session, vérifiez les postes de la salle, puis le jour de l’examen donnez le mot de passe au surveillant.',
      inProgress_one:
        'La session est en cours : {{count}} candidat passe son test. Le surveillant finalisera la session sur l’écran surveillant quand tous les tests seront terminés.',
      inProgress_other:
        'La session est en cours : {{count}} candidats passent leur test. Le surveillant finalisera la session sur l’écran surveillant quand tous les tests seront terminés.',
      finalize:
        'La session a eu lieu. Si le surveillant ne l’a pas finalisée sur l’écran surveillant, finalisez-la ici pour calculer les résultats.',
      publish:
        'Les résultats sont calculés. Un administrateur doit les publier pour rendre les certificats disponibles.',
      published: 'Les résultats sont publiés : téléchargez les certificats depuis la page des résultats.',
    },
    // Before exam day: can each candidate's test be prepared and its files opened (sessions/test-readiness.ts).
    readiness: {
      unbuildableTitle_one: '{{count}} test ne peut pas être préparé',
      unbuildableTitle_other: '{{count}} tests ne peuvent pas être préparés',
      unbuildableIntro:
        'Le test d’un candidat est préparé à partir de son profil Pix et de la banque quand le surveillant autorise le début : sans correction, ce candidat ne pourra pas commencer.',
      missingChallenges_one:
        'Le test de {{name}} ne peut pas être préparé : la banque n’a pas assez de questions pour la compétence {{competences}}. Importez une banque plus complète.',
      missingChallenges_other:
        'Le test de {{name}} ne peut pas être préparé : la banque n’a pas assez de questions pour les compétences {{competences}}. Importez une banque plus complète.',
      notCertifiable:
        'Le test de {{name}} ne peut pas être préparé : son profil Pix a moins de 5 compétences au niveau 1. Importez un profil plus complet.',
      invalidProfile:
        'Le test de {{name}} ne peut pas être préparé : son profil Pix n’est pas lisible. Importez-le de nouveau.',
      unopenableTitle_one: '{{count}} fichier joint que les postes ne peuvent pas ouvrir',
      unopenableTitle_other: '{{count}} fichiers joints que les postes ne peuvent pas ouvrir',
      unopenableIntro:
        'Les postes d’examen ouvrent les PDF, les images, les textes, les tableaux CSV, les classeurs (.xlsx, .xls, .ods) et les documents .docx et .odt, en lecture seule. Si l’une de ces questions est posée, le candidat ne pourra pas ouvrir son fichier : il devra signaler un problème, et la question sera neutralisée.',
      unopenable:
        'La question {{challenge}} utilise un fichier {{extension}} (« {{file}} ») que les postes ne peuvent pas ouvrir : remplacez-le par un PDF, un CSV, un classeur (.xlsx, .ods) ou un document (.docx, .odt).',
      unopenableType:
        'La question {{challenge}} utilise un fichier « {{file}} » ({{type}}) que les postes ne peuvent pas ouvrir : remplacez-le par un PDF, un CSV, un classeur (.xlsx, .ods) ou un document (.docx, .odt).',
      askedTo: 'Elle peut être posée à {{names}}.',
      moreUnopenable:
        'D’autres questions encore ont un fichier que les postes ne peuvent pas ouvrir : vérifiez tous les fichiers joints de la banque.',
      fixBank: 'Corrigez la banque, puis importez-la de nouveau dans « Épreuves et profils ».',
      recheck: 'Vérifier de nouveau',
      elsewhere_one:
        'La banque contient aussi {{count}} question avec un fichier que les postes ne peuvent pas ouvrir. Aucun candidat de cette session ne peut la recevoir, mais remplacez ce fichier avant d’autres sessions.',
      elsewhere_other:
        'La banque contient aussi {{count}} questions avec un fichier que les postes ne peuvent pas ouvrir. Aucun candidat de cette session ne peut les recevoir, mais remplacez ces fichiers avant d’autres sessions.',
      elsewhereList: 'Voir ces questions',
    },
    candidates: {
      title: 'Candidats',
      count_one: '{{count}} candidat inscrit',
      count_other: '{{count}} candidats inscrits',
      add: 'Ajouter un candidat',
      import: 'Importer une liste (CSV)',
      profiles: 'Importer les profils Pix (JSON)',
      empty: 'Aucun candidat inscrit pour le moment.',
      name: 'Candidat',
      birthdate: 'Né(e) le',
      extraTime: 'Temps majoré',
      adjustment: 'Aménagement',
      profile: 'Profil Pix',
      certifiable: 'Peut passer la certification ?',
      progress: 'Avancement',
      view: 'Voir',
      viewLabel: 'Voir le candidat {{name}}',
      noProfile: 'pas de profil',
      competences_one: '{{count}} compétence au niveau 1 ou plus',
      competences_other: '{{count}} compétences au niveau 1 ou plus',
      progresses: {
        notJoined: 'pas encore connecté',
        absent: 'absent : n’est pas venu',
        joined: 'connecté',
        started: 'test commencé',
        resultReceived: 'résultat reçu',
        resultRefused: 'résultat refusé par le serveur : gardé sur le poste, pour le jury',
      },
    },
  },
  certifiable: {
    yes: 'Oui',
    no: 'Non',
    noProfile: 'Pas encore de profil Pix : importez son profil (fichier JSON).',
    tooFew_one:
      '{{count}} compétence au niveau 1 ou plus ; il en faut au moins 5 pour passer la certification.',
    tooFew_other:
      '{{count}} compétences au niveau 1 ou plus ; il en faut au moins 5 pour passer la certification.',
  },
  candidateForm: {
    createTitle: 'Ajouter un candidat',
    editTitle: 'Modifier {{name}}',
    intro:
      'Recopiez l’identité exactement comme sur la pièce d’identité : le jour de l’examen, le candidat se connecte avec ses nom, prénom et date de naissance.',
    identity: 'Identité',
    lastName: 'Nom de naissance',
    firstName: 'Prénom',
    sex: 'Sexe',
    sexF: 'Féminin (F)',
    sexM: 'Masculin (M)',
    birthdate: 'Date de naissance',
    birth: 'Lieu de naissance',
    birthCountry: 'Pays de naissance',
    birthCountryHint: 'Écrivez « France » pour une naissance en France.',
    birthInseeCode: 'Code INSEE de la commune de naissance',
    birthInseeCodeHint:
      '5 caractères, par exemple 69123 pour Lyon. Sinon, donnez le code postal et la commune.',
    birthPostalCode: 'Code postal de la commune de naissance',
    birthCity: 'Commune de naissance',
    birthCityHintAbroad: 'Né(e) à l’étranger : la ville de naissance.',
    other: 'Suivi et aménagements',
    externalId: 'Identifiant de l’élève',
    externalIdHint: 'Par exemple le numéro INE ou le numéro dans le logiciel de l’établissement.',
    resultEmail: 'E-mail pour recevoir les résultats',
    extraTime: 'Temps majoré (%)',
    extraTimeHint:
      '0 si aucun ; par exemple 33 pour un tiers-temps. Le poste ajoute ce temps automatiquement.',
    adjustment: 'Le candidat a besoin d’un aménagement d’accessibilité',
    adjustmentHint:
      'Par exemple un lecteur d’écran : une perte de focus involontaire ne compte alors pas contre lui.',
    create: 'Ajouter le candidat',
    save: 'Enregistrer les modifications',
    created: '{{name}} est inscrit(e) à la session.',
    saved: 'Modifications enregistrées.',
    locked: 'Le test de ce candidat a commencé : son inscription ne peut plus être modifiée.',
    errors: {
      lastName: 'Écrivez le nom de naissance.',
      firstName: 'Écrivez le prénom.',
      sex: 'Choisissez F ou M.',
      birthdate: 'Écrivez une date de naissance réelle (jj/mm/aaaa).',
      birthCountry: 'Écrivez le pays de naissance.',
      birthInseeCode:
        'Né(e) en France : donnez le code INSEE de la commune (5 caractères), ou son code postal et son nom.',
      birthPostalCode: 'Le code postal a 5 chiffres.',
      birthCity: 'Né(e) à l’étranger : écrivez la ville de naissance.',
      externalId: 'Cet identifiant est trop long (64 caractères au plus).',
      resultEmail: 'Cette adresse e-mail n’est pas complète : elle s’écrit nom@domaine.fr.',
      extraTimePercentage: 'Écrivez un nombre entier entre 0 et 200.',
      tooLong: 'Ce texte est trop long.',
    },
  },
  candidate: {
    title: '{{name}}',
    intro: 'Inscription et profil Pix du candidat à la session {{number}}.',
    identity: 'Inscription',
    born: 'Né(e) le {{date}}',
    birthplace: 'Lieu de naissance',
    sex: 'Sexe',
    externalId: 'Identifiant de l’élève',
    resultEmail: 'E-mail des résultats',
    extraTime: 'Temps majoré',
    extraTimeValue: '{{value}} %',
    adjustment: 'Aménagement d’accessibilité',
    progress: 'Avancement',
    edit: 'Modifier l’inscription',
    remove: 'Retirer de la session',
    removeTitle: 'Retirer {{name}} de la session ?',
    removeText: 'Son inscription et son profil seront supprimés de cette session.',
    removeConfirm: 'Retirer le candidat',
    removeJoined: 'Ce candidat s’est déjà connecté à un poste : il ne peut plus être retiré.',
    removed: '{{name}} a été retiré(e) de la session.',
    profile: 'Profil Pix',
    profileIntro:
      'Le niveau atteint dans chaque compétence sur Pix avant la certification. Seules les compétences au niveau 1 ou plus sont évaluées (3 questions chacune).',
    noProfile: 'Aucun profil Pix importé pour ce candidat.',
    importProfiles: 'Importer les profils de la session',
    competence: 'Compétence',
    pix: 'Pix',
    level: 'Niveau',
    notAssessed: 'non évaluée',
    // {{skills}} and {{answered}} are the `facts` below, each with its plural.
    profileFacts: '{{skills}} · {{answered}} · importé le {{date}}',
    facts: {
      skills_one: '{{count}} acquis validé',
      skills_other: '{{count}} acquis validés',
      answered_one: '{{count}} question déjà répondue',
      answered_other: '{{count}} questions déjà répondues',
    },
    certifiable: 'Peut passer la certification',
  },
  csvImport: {
    title: 'Importer une liste de candidats (CSV)',
    intro:
      'Exportez la liste de la classe depuis le logiciel de l’établissement ou un tableur, au format CSV. La page montre d’abord ce qui sera importé, ligne par ligne ; rien n’est enregistré avant votre confirmation.',
    templateTitle: '1. Le modèle',
    template: 'Télécharger le modèle CSV',
    templateHint:
      'Colonnes attendues : Nom, Prénom, Sexe (F ou M), Date de naissance (jj/mm/aaaa), Pays, Commune, Code INSEE ou Code postal, Identifiant externe, E-mail des résultats, Temps majoré (%), Aménagement (oui/non). Les colonnes peuvent être dans n’importe quel ordre ; séparateur point-virgule ou virgule.',
    fileTitle: '2. Le fichier',
    file: 'Fichier CSV de la liste',
    fileHint:
      'Un fichier .csv (Excel : « Enregistrer sous » → « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »).',
    checking: 'Lecture du fichier…',
    previewTitle: '3. Vérifiez avant d’importer',
    // {{valid}}, {{rejected}} and {{imported}} (in `done`) are the `counts` below, each with its plural.
    summary: '{{valid}}, {{rejected}}.',
    counts: {
      valid_one: '{{count}} ligne prête à importer',
      valid_other: '{{count}} lignes prêtes à importer',
      rejected_one: '{{count}} ligne refusée',
      rejected_other: '{{count}} lignes refusées',
      imported_one: '{{count}} candidat importé',
      imported_other: '{{count}} candidats importés',
    },
    detected: 'Fichier lu : séparateur « {{separator}} », encodage {{encoding}}.',
    columns: 'Colonnes reconnues',
    ignored: 'ignorée',
    line: 'Ligne',
    name: 'Candidat',
    status: 'Résultat',
    reasons: 'Ce qu’il faut corriger',
    statuses: { valid: 'prête', imported: 'importée', rejected: 'refusée' },
    confirm_one: 'Importer {{count}} candidat',
    confirm_other: 'Importer {{count}} candidats',
    nothingValid:
      'Aucune ligne ne peut être importée : corrigez le fichier d’après le tableau, puis choisissez-le à nouveau.',
    fixHint:
      'Les lignes refusées ne seront pas importées. Vous pouvez les corriger dans le fichier et l’importer à nouveau plus tard : les candidats déjà inscrits seront signalés, pas dupliqués.',
    doneTitle: 'Import terminé',
    done: '{{imported}}, {{rejected}}.',
    doneNext: 'Vérifiez la liste des candidats de la session, puis importez leurs profils Pix.',
    again: 'Importer un autre fichier',
    otherName: '(ligne sans nom)',
    columnLabel: 'Colonne « {{column}} » : ',
    wholeLine: 'Ligne entière : ',
    empty: 'Le fichier est vide.',
    fields: {
      lastName: 'Nom',
      firstName: 'Prénom',
      sex: 'Sexe',
      birthdate: 'Date de naissance',
      birthCountry: 'Pays de naissance',
      birthCity: 'Commune de naissance',
      birthInseeCode: 'Code INSEE',
      birthPostalCode: 'Code postal',
      externalId: 'Identifiant externe',
      resultEmail: 'E-mail des résultats',
      extraTimePercentage: 'Temps majoré',
      accessibilityAdjustment: 'Aménagement',
    },
    lineErrors: {
      REQUIRED: 'la case est vide : remplissez-la.',
      INVALID: 'la valeur n’est pas valable.',
      DUPLICATE_IN_FILE:
        'ce candidat apparaît deux fois dans le fichier ({{detail}}) : gardez une seule ligne.',
      ALREADY_ENROLLED: 'ce candidat (mêmes nom, prénom et date de naissance) est déjà inscrit à la session.',
      TOO_MANY_COLUMNS:
        'la ligne a plus de valeurs que de colonnes : une valeur contient sans doute un point-virgule ou une virgule.',
    },
    fieldHints: {
      lastName: 'écrivez le nom.',
      firstName: 'écrivez le prénom.',
      sex: 'écrivez F ou M.',
      birthdate: 'écrivez une date réelle sous la forme jj/mm/aaaa (par exemple 02/04/2011).',
      birthCountry: 'écrivez le pays de naissance (France pour une naissance en France).',
      birthCity: 'né(e) à l’étranger : écrivez la ville de naissance.',
      birthInseeCode:
        'né(e) en France : écrivez le code INSEE de la commune (5 caractères), ou bien son code postal et son nom.',
      birthPostalCode: 'le code postal a 5 chiffres.',
      externalId: 'l’identifiant a 64 caractères au plus.',
      resultEmail: 'écrivez une adresse e-mail complète (nom@domaine.fr) ou laissez vide.',
      extraTimePercentage: 'écrivez un nombre entier entre 0 et 200 (0 si aucun).',
      accessibilityAdjustment: 'écrivez oui ou non.',
    },
    // A column the file lacks (named by the template's header), then the field's hint.
    missingColumn: 'la colonne manque : ajoutez-la (voir le modèle) ; {{hint}}',
    serverSaid: '(détail : {{message}})',
    errors: {
      INVALID_CSV:
        'Ce fichier ne se lit pas comme un CSV. Enregistrez-le à nouveau au format CSV (séparateur « ; »), ou partez du modèle.',
      empty: 'Ce fichier est vide : il faut au moins la ligne des titres de colonnes. Partez du modèle.',
      tooManyLines:
        'Ce fichier a {{lines}} lignes : {{max}} au plus à la fois. Coupez-le en plusieurs fichiers et importez-les un par un.',
      missingColumns:
        'Il manque des colonnes obligatoires : {{missing}}. Colonnes trouvées : {{found}}. Renommez les colonnes comme dans le modèle.',
      UNSUPPORTED_MEDIA_TYPE: 'Ce fichier n’est pas un fichier CSV.',
    },
  },
  profiles: {
    title: 'Importer les profils Pix (JSON)',
    intro:
      'Le profil Pix d’un candidat (niveau par compétence, acquis validés) décide s’il peut passer la certification et quelles questions il recevra. Importez le fichier JSON des profils : chaque profil est rattaché au candidat inscrit qui a le même identifiant d’élève, ou les mêmes nom, prénom et date de naissance.',
    format:
      'Formats acceptés : {"profiles": [{"externalId": "…", "profile": {…}}]}, une liste de ces entrées, ou un fichier de session avec "candidates" (nom, prénom, date de naissance, profil).',
    file: 'Fichier JSON des profils',
    choose: 'Choisissez le fichier : l’import se fait aussitôt, les profils déjà présents sont remplacés.',
    importing: 'Import des profils…',
    // {{imported}} and {{rejected}} are the `counts` below, each with its plural.
    done: '{{imported}}, {{rejected}}.',
    counts: {
      imported_one: '{{count}} profil importé',
      imported_other: '{{count}} profils importés',
      rejected_one: '{{count}} refusé',
      rejected_other: '{{count}} refusés',
    },
    entry: 'Entrée',
    status: 'Résultat',
    candidate: 'Candidat',
    statuses: { imported: 'importé', rejected: 'refusé' },
    closed: 'La session est finalisée : les profils ne peuvent plus changer.',
    messages: {
      noMatch:
        'aucun candidat de la session ne correspond : vérifiez l’identifiant, ou les nom, prénom et date de naissance.',
      several: 'plusieurs candidats correspondent : ajoutez l’identifiant de l’élève (externalId).',
      started: 'le test de ce candidat a déjà été créé à partir de son profil : il ne peut plus changer.',
      twice: 'une autre entrée du fichier donne déjà le profil de ce candidat.',
      missingKey: 'donnez externalId, ou lastName, firstName et birthdate.',
    },
    errors: {
      notJson:
        'Ce fichier n’est pas un JSON valide ({{message}}). Vérifiez que vous avez choisi le fichier des profils.',
      shape: 'Ce fichier JSON ne contient pas de profils au format attendu : {{details}}',
      notProfiles:
        'Ce fichier JSON ne contient pas de profils : il faut une liste de profils, un objet avec "profiles", ou un fichier de session avec "candidates".',
      empty: 'Ce fichier ne contient aucun profil.',
    },
    // A problem of the file (profile-file.ts): the entry by its number, the field by its name.
    problemFile: 'le fichier : {{message}}',
    problemsJoin: ' ; ',
    problemEntry: 'entrée {{number}} : {{message}}',
    problemField: 'entrée {{number}}, champ « {{field}} » : {{message}}',
    fieldItem: 'n° {{number}}',
    fields: {
      externalId: 'identifiant externe',
      lastName: 'nom',
      firstName: 'prénom',
      birthdate: 'date de naissance',
      profile: 'profil',
      competences: 'compétences',
      code: 'code',
      pix: 'Pix',
      validatedSkills: 'acquis validés',
      answeredChallengeIds: 'questions déjà répondues',
    },
  },
  content: {
    title: 'Épreuves et profils',
    intro:
      'La banque d’épreuves contient les questions de la certification. Le serveur crée le test de chaque candidat à partir de cette banque et de son profil Pix. Importez la banque avant le jour de l’examen (elle remplace la précédente).',
    bankTitle: 'La banque d’épreuves du centre',
    bankEmpty: 'La banque est vide : aucun test ne peut être créé. Importez-la ci-dessous.',
    // {{challenges}}, {{operative}}, {{imported}} and {{stored}} are the `counts` below, each with its plural.
    bankTotals: '{{challenges}}, dont {{operative}} en certification.',
    counts: {
      challenges_one: '{{count}} épreuve',
      challenges_other: '{{count}} épreuves',
      operative_one: '{{count}} utilisable',
      operative_other: '{{count}} utilisables',
      stored_one: '{{count}} fichier joint enregistré',
      stored_other: '{{count}} fichiers joints enregistrés',
    },
    byCompetence: 'Épreuves utilisables par compétence et par niveau',
    competence: 'Compétence',
    level: 'Niv. {{level}}',
    total: 'Total',
    formats: 'Formats',
    media:
      'Fichiers joints : {{attachments}} · illustrations : {{illustrations}} · contenus intégrés : {{embeds}}',
    importTitle: 'Importer une banque d’épreuves',
    file: 'Fichier JSON de la banque',
    fileHint:
      'Une liste d’épreuves, ou un objet { "challenges": […], "content": […] } qui contient déjà les fichiers joints.',
    attachments: 'Fichiers joints des épreuves',
    attachmentsHint:
      'Si la banque cite des fichiers (PDF, images, tableaux…), sélectionnez-les tous ici (sélection multiple possible). Les fichiers déjà envoyés pour ce centre ne sont pas nécessaires.',
    submit: 'Importer la banque',
    importing: 'Import de la banque…',
    imported: 'Banque importée : {{imported}}, {{stored}}.',
    missingFiles:
      'Ces fichiers joints sont cités par la banque mais ne sont pas sélectionnés (le serveur les refusera s’il ne les a pas déjà) : {{files}}',
    rejectedTitle: 'La banque n’a pas été importée',
    rejected:
      'Rien n’a changé. Le fichier contient des erreurs : transmettez ces détails à la personne qui vous l’a fourni (ou corrigez-les), puis importez-le à nouveau.',
    challenge: 'Épreuve {{number}} ({{id}}) :',
    challengeNumber: 'Épreuve {{number}} :',
    challengeId: 'Épreuve {{id}} :',
    field: 'champ',
    fieldEnd: ' :',
    problems: {
      duplicateChallenge:
        'son identifiant figure deux fois dans le fichier : chaque épreuve doit avoir le sien.',
      skillInTwoCompetences:
        'elle range l’acquis {{skill}} dans la compétence {{otherCompetence}}, alors que la banque le range dans la compétence {{competence}} : un acquis n’appartient qu’à une compétence.',
      missingContent:
        'le fichier joint « {{file}} » n’est ni parmi les fichiers sélectionnés ni déjà sur le serveur : sélectionnez-le avec les fichiers joints.',
      missingIllustration:
        'son illustration n’est ni parmi les fichiers sélectionnés ni déjà sur le serveur : sélectionnez-la avec les fichiers joints.',
      contentSize_one:
        'le fichier joint « {{file}} » fait {{count}} octet, et non {{expected}} comme l’indique l’épreuve : vérifiez que c’est le bon fichier.',
      contentSize_other:
        'le fichier joint « {{file}} » fait {{count}} octets, et non {{expected}} comme l’indique l’épreuve : vérifiez que c’est le bon fichier.',
      // French says "many" for whole millions (2000000 octets): a file size can be one.
      contentSize_many:
        'le fichier joint « {{file}} » fait {{count}} octets, et non {{expected}} comme l’indique l’épreuve : vérifiez que c’est le bon fichier.',
      contentHashMismatch:
        'Le fichier joint n° {{number}} inclus dans la banque ne correspond pas à son empreinte SHA-256 : il a été abîmé. Exportez la banque de nouveau.',
      more_one: '… et {{count}} autre problème, à voir une fois ceux-ci corrigés.',
      more_other: '… et {{count}} autres problèmes, à voir une fois ceux-ci corrigés.',
    },
    profilesTitle: 'Les profils Pix des candidats',
    profilesIntro:
      'Les profils se rattachent aux candidats d’une session : choisissez la session, puis importez le fichier JSON des profils.',
    profilesSession: 'Session',
    profilesGo: 'Importer les profils de cette session',
    noOpenSession: 'Aucune session en préparation : créez d’abord une session et inscrivez ses candidats.',
    errors: {
      noFile: 'Choisissez le fichier JSON de la banque.',
      notJson:
        'Ce fichier n’est pas un JSON valide ({{message}}). Vérifiez que vous avez choisi le fichier de la banque.',
      shape:
        'Ce fichier ne ressemble pas à une banque d’épreuves : il faut une liste d’épreuves, ou un objet avec "challenges".',
    },
  },
  stations: {
    title: 'Postes d’examen',
    intro:
      'Chaque ordinateur de la salle est inscrit une fois auprès du serveur, avec un code à usage unique : un code par poste. Donnez les codes au service informatique, qui les saisit à l’installation (voir le guide informatique, « inscription »).',
    codesTitle: 'Créer des codes d’inscription',
    count: 'Nombre de postes à inscrire',
    countHint: 'Un code par poste, de 1 à 60.',
    validity: 'Les codes restent valables',
    validities: { hour: '1 heure', day: '24 heures', week: '7 jours' },
    issue: 'Créer les codes',
    issuing: 'Création des codes…',
    issued_one: '{{count}} code créé',
    issued_other: '{{count}} codes créés',
    issuedWarning:
      'Notez ou téléchargez ces codes maintenant : ils ne seront plus jamais affichés. Chaque code ne sert qu’une fois.',
    code: 'Code',
    expires: 'Valable jusqu’au',
    downloadCodes: 'Télécharger les codes (CSV)',
    countError: 'Écrivez un nombre de postes entre 1 et 60.',
    listTitle: 'Postes inscrits',
    empty: 'Aucun poste inscrit pour le moment.',
    name: 'Poste',
    id: 'Identifiant',
    version: 'Version',
    lastSeen: 'Dernier contact',
    check: 'Dernière vérification',
    state: 'État',
    never: 'jamais',
    unknownVersion: 'inconnue',
    active: 'actif',
    revoked: 'révoqué le {{date}}',
    actions: 'Actions',
    revoke: 'Révoquer',
    revokeLabel: 'Révoquer le poste {{name}}',
    revokeTitle: 'Révoquer le poste « {{name}} » ?',
    revokeText:
      'Ce poste ne pourra plus faire passer d’examen ni envoyer de résultats. Pour l’utiliser de nouveau, il faudra le réinscrire avec un code créé pour lui (« Réinscrire ce poste » sur sa ligne).',
    revokeConfirm: 'Révoquer ce poste',
    revokedDone: 'Le poste « {{name}} » est révoqué.',
    reenroll: 'Réinscrire ce poste',
    reenrollLabel: 'Réinscrire le poste {{name}}',
    reenrolling: 'Création du code…',
    reenrollCode: 'Code de réinscription du poste « {{name}} » : {{code}}',
    reenrollHow:
      'Sur ce poste, sous le compte d’examen et la station fermée, lancez la station avec la commande ci-dessous (guide informatique, « inscription »). Le poste retrouve son identifiant, et ses résultats pas encore envoyés sont acceptés.',
    reenrollOnly:
      'Ce code ne réinscrit que ce poste, une seule fois, jusqu’au {{date}}. Notez-le : il ne sera plus affiché.',
    checks: {
      none: 'jamais vérifié',
      ok: 'prêt',
      warning: 'prêt, avec des avertissements',
      failure: 'pas prêt',
      details: 'Détail de la vérification du {{date}}',
      statuses: { ok: 'OK', warning: 'Attention', failure: 'Échec', skipped: 'Non vérifié' },
      names: {
        settings: 'Réglages',
        server: 'Serveur joignable',
        tls: 'Connexion sécurisée',
        clock: 'Horloge',
        version: 'Version autorisée',
        enrollment: 'Inscription',
        displays: 'Écrans',
        disk: 'Espace disque',
        journal: 'Enregistrement des réponses',
        browser: 'Sites de la certification',
      },
    },
    ago: {
      now: 'à l’instant',
      minutes: 'il y a {{count}} min',
      hours: 'il y a {{count}} h',
      days: 'il y a {{count}} j',
    },
  },
  // Revoking a station with tests in use, a profile import that replaces profiles, the invigilator
  // screen's closing (server: STATION_IN_USE, profile import dry run, INVIGILATOR_ACCESS_CLOSED).
  stationUse: {
    inUse_one: '{{count}} test en cours ou résultat attendu',
    inUse_other: '{{count}} tests en cours ou résultats attendus',
    listIntro_one: 'Ce poste est encore utilisé par ce candidat :',
    listIntro_other: 'Ce poste est encore utilisé par ces {{count}} candidats :',
    candidate: '{{name}}, session {{number}} : {{state}}',
    states: { running: 'test en cours', resultAwaited: 'résultat signé pas encore reçu' },
    warning:
      'Une fois le poste révoqué, le serveur refusera leurs résultats signés, jusqu’à ce que le poste soit réinscrit (« Réinscrire ce poste »).',
    revokeAnyway: 'Révoquer quand même',
    changed:
      'Ce poste a un test en cours ou un résultat signé attendu depuis l’affichage de la liste : elle a été mise à jour. Vérifiez-la, puis révoquez de nouveau si nécessaire.',
  },
  profilesReplace: {
    choose:
      'Choisissez le fichier : s’il remplace des profils déjà importés, vous verrez lesquels et confirmerez avant l’import.',
    previewTitle_one: 'Ce fichier remplacera {{count}} profil déjà importé',
    previewTitle_other: 'Ce fichier remplacera {{count}} profils déjà importés',
    warning_one:
      'Rien n’est encore importé. Un candidat a déjà un profil : le nouveau le remplacera. Vérifiez la liste, puis confirmez.',
    warning_other:
      'Rien n’est encore importé. {{count}} candidats ont déjà un profil : le nouveau le remplacera. Vérifiez la liste, puis confirmez.',
    confirm: 'Importer et remplacer',
    cancel: 'Ne pas importer',
    cancelled: 'Import annulé : aucun profil n’a changé.',
    // {{imported}}, {{replaced}} and {{rejected}} are counts, each with its plural.
    done: '{{imported}}, {{replaced}}, {{rejected}}.',
    counts: {
      replaced_one: '{{count}} remplacé',
      replaced_other: '{{count}} remplacés',
    },
    statuses: { imported: 'importé', replaced: 'remplacé', rejected: 'refusé' },
    previewStatuses: {
      imported: 'sera importé',
      replaced: 'remplacera le profil actuel',
      rejected: 'sera refusé',
    },
    pixChange: 'total Pix : {{before}} → {{after}}',
  },
  invigilatorAccess: {
    closesOn:
      'L’écran surveillant de cette session reste ouvert jusqu’au {{date}} (7 jours après le calcul des résultats) ; ensuite, les résultats se consultent seulement ici.',
    closed:
      'L’écran surveillant de cette session est fermé (7 jours après le calcul des résultats) : les résultats se consultent ici.',
  },
  kit: {
    title: 'Kit de session',
    pageTitle: 'Kit de session — certification Pix, session {{number}}',
    intro:
      'À imprimer avant le jour de l’examen : une page pour le surveillant (codes et déroulé), puis la liste des candidats de la salle.',
    print: 'Imprimer le kit',
    heading: 'Certification Pix — session {{number}}',
    where: '{{centre}} · {{room}} · {{address}}',
    when: '{{date}} à {{time}} · surveillant : {{examiner}}',
    sessionNumber: 'Numéro de session',
    accessCode: 'Code d’accès des candidats',
    accessCodeNote: 'À écrire au tableau.',
    invigilatorPassword: 'Mot de passe du surveillant',
    invigilatorPasswordNote: 'Confidentiel : pour le surveillant seulement.',
    invigilatorScreen: 'Écran surveillant : {{url}}',
    stepsTitle: 'Le jour de l’examen',
    steps: {
      before:
        'Avant les candidats : allumez les postes ; chaque poste affiche son accueil « prêt ». Un poste « pas prêt » : utilisez « Vérifier ce poste » ou prenez un poste de secours.',
      invigilator:
        'Sur l’ordinateur du surveillant, ouvrez l’écran surveillant (adresse ci-dessus) avec le numéro de session et le mot de passe du surveillant.',
      board: 'Écrivez au tableau le numéro de session et le code d’accès.',
      signIn:
        'Chaque candidat saisit le numéro de session, le code d’accès, ses nom, prénom et date de naissance, lit les consignes, puis attend.',
      presence:
        'Vérifiez la pièce d’identité, puis confirmez la présence sur l’écran surveillant : le test démarre. Le temps majoré est appliqué automatiquement.',
      alerts:
        'Pendant le test, traitez aussitôt les alertes (« Signaler un problème ») et les incidents depuis l’écran surveillant.',
      end: 'À la fin, chaque poste affiche « Résultat envoyé ». N’éteignez pas un poste qui n’a pas envoyé son résultat.',
      finalize:
        'Finalisez la session sur l’écran surveillant (raison de chaque test non terminé, incidents). Les résultats sont ensuite dans l’espace du centre.',
    },
    candidatesTitle: 'Candidats de la salle ({{count}})',
    noCandidates: 'Aucun candidat inscrit.',
    name: 'Nom',
    firstName: 'Prénom',
    birthdate: 'Date de naissance',
    extraTime: 'Temps majoré',
    adjustment: 'Aménagement',
    endTime: 'Durée du test',
    noExtra: '—',
    signature: 'Émargement',
  },
  finalization: {
    title: 'Finaliser la session {{number}}',
    intro:
      'D’habitude, le surveillant finalise la session sur l’écran surveillant à la fin de l’examen. S’il ne l’a pas fait, faites-le ici : les résultats de chaque candidat sont alors calculés, et la session ne peut plus être modifiée.',
    already: 'Cette session est déjà finalisée.',
    seeResults: 'Voir les résultats',
    waitingResults_one:
      '{{count}} test a commencé sans que son résultat soit arrivé. Si un poste est encore en train d’envoyer, attendez qu’il affiche « Résultat envoyé » avant de finaliser.',
    waitingResults_other:
      '{{count}} tests ont commencé sans que leur résultat soit arrivé. Si un poste est encore en train d’envoyer, attendez qu’il affiche « Résultat envoyé » avant de finaliser.',
    runningTitle: 'Tests encore en cours',
    runningIntro:
      'Ces candidats passent encore leur test, ou attendent sur un autre poste que le surveillant autorise la reprise. Le surveillant doit d’abord terminer le test depuis la salle (« Terminer le test ») ou autoriser la reprise (« Autoriser la reprise »), ou attendez qu’ils finissent : la session ne peut pas être finalisée avant.',
    notStartedTitle: 'Candidats connectés dont le test n’a pas commencé',
    notStartedIntro:
      'Ces candidats se sont connectés sur un poste, mais leur test n’a jamais commencé : il n’y a rien à terminer ni à reprendre. Le surveillant ferme leur poste depuis la salle (« Fermer le poste »), ou le poste est éteint ; le candidat sera noté absent. La session ne peut pas être finalisée avant.',
    alertsTitle: 'Alertes en attente',
    alertsIntro:
      'Ces alertes attendent la décision du surveillant, depuis la salle : neutraliser la question ou la laisser au candidat. La session ne peut pas être finalisée avant.',
    alertOn: '{{name}}, question {{number}}',
    recheck: 'Vérifier à nouveau',
    answersKept:
      'Vos réponses sont gardées : elles reviendront dans le formulaire dès que la salle sera réglée (« Vérifier à nouveau »), tant que vous restez sur cette page.',
    maybeRunningTitle_one: '1 candidat compose peut-être encore hors ligne',
    maybeRunningTitle_other: '{{count}} candidats composent peut-être encore hors ligne',
    maybeRunningHint:
      'Leur poste ne donne plus de nouvelles alors qu’il leur restait du temps. Si le candidat compose encore, attendez : son test continue hors ligne et son poste renverra ses réponses dès que le réseau revient. Si le poste est éteint ou le candidat est parti, confirmez.',
    maybeRunningCheck:
      'Vous n’êtes peut-être pas dans la salle : avant de confirmer, vérifiez auprès du surveillant ou dans la salle. Un test confirmé terminé demande ensuite une raison d’arrêt, plus bas.',
    silentLine: '{{name}} : {{facts}}',
    silentSince: 'Poste muet depuis {{time}}',
    neverHeard: 'Poste jamais entendu',
    timeLeft: 'il lui reste peut-être environ {{time}}',
    timeLeftUnknown: 'temps restant inconnu',
    confirmOver: 'Je confirme que le test de {{name}} est terminé (poste éteint ou candidat parti)',
    checkedAt: 'Situation à {{time}}.',
    reasonAfterConfirm:
      'Aucune raison à donner pour l’instant : un test confirmé terminé ci-dessus en demandera une ici.',
    refreshed:
      'La liste des tests vient d’être relue et vos réponses sont gardées : vérifiez-la ci-dessous, puis finalisez de nouveau.',
    unfinishedTitle: 'Tests non terminés',
    unfinishedIntro:
      'Ces tests ont commencé mais ne sont pas allés jusqu’au bout. Pour chacun, dites pourquoi : les questions sans réponse compteront comme passées (abandon du candidat) ou neutralisées (problème technique).',
    noUnfinished: 'Tous les tests commencés sont allés jusqu’au bout : aucune raison à donner.',
    reasonFor: 'Pourquoi le test de {{name}} n’est-il pas terminé ?',
    ended: {
      none: 'test interrompu, poste injoignable',
      // As the invigilator's room says it: « arrêté » is an aborted test, given a reason.
      endedByInvigilator: 'terminé par le surveillant',
      finished: 'terminé',
      timeUp: 'temps écoulé',
      aborted: 'test abandonné',
    },
    reasons: {
      candidate: 'Abandon du candidat',
      candidateHint: 'Le candidat a arrêté de lui-même (malaise, départ…).',
      technical: 'Problème technique',
      technicalHint: 'Panne de poste, de réseau ou de courant qui a empêché de finir.',
    },
    questionsTitle: 'Le déroulement',
    hadIncident: 'Y a-t-il eu un incident pendant la session ?',
    // DOMAIN.md §8: incidents end up in the comment instead of coded reports.
    incidentWithoutReport:
      'Aucun signalement n’est enregistré pour cette session. Si l’incident a touché un candidat, enregistrez-le plus haut dans « Signalements », avec son code : c’est ce que le jury lit pour décider. Le commentaire général est pour ce qui concerne toute la session.',
    couldNotJoin: 'Un candidat inscrit a-t-il été empêché de rejoindre la session ?',
    comment: 'Commentaire général (facultatif)',
    commentHint:
      'Ce qui s’est passé pour toute la salle, en 500 caractères au plus. Un commentaire fait examiner la session par le jury avant publication.',
    commentCount: '{{count}} / 500 caractères',
    /** Over the limit: said in words (and announced once), not by a sign or a colour. */
    commentCountOver: '{{count}} / 500 caractères : {{excess}} de trop',
    commentBackUnder: 'Le commentaire tient de nouveau en 500 caractères.',
    submit: 'Finaliser et calculer les résultats',
    confirmTitle: 'Finaliser la session {{number}} ?',
    confirmText:
      'Les résultats seront calculés maintenant. Ensuite, la session, ses candidats et leurs profils ne pourront plus être modifiés.',
    // Said with the confirmation when some enrolled candidates did not start (counts.candidates − started).
    confirmAbsent_one:
      '{{count}} inscrit n’a pas commencé : il sera noté absent et ne pourra plus rejoindre la session.',
    confirmAbsent_other:
      '{{count}} inscrits n’ont pas commencé : ils seront notés absents et ne pourront plus rejoindre la session.',
    confirm: 'Finaliser',
    done: 'Session finalisée : les résultats sont calculés.',
    errors: {
      confirmOver:
        'Attendez que ce poste revienne, ou cochez cette case une fois vérifié que son test est terminé.',
      reason: 'Choisissez une raison pour ce test.',
      answer: 'Répondez oui ou non.',
      comment: 'Le commentaire fait plus de 500 caractères : raccourcissez-le.',
    },
  },
  results: {
    title: 'Résultats de la session {{number}}',
    intro:
      'Le résultat de chaque candidat : statut, score Pix et niveau obtenu par compétence. Les certificats (PDF, avec leur code de vérification) sont disponibles une fois les résultats publiés.',
    notYet: 'Pas encore de résultats : la session n’est pas finalisée.',
    finalizeNow: 'Finaliser la session',
    exportCsv: 'Exporter les résultats (CSV)',
    certificatesPdf: 'Tous les certificats à imprimer (PDF, un par page)',
    published: 'Résultats publiés le {{date}} : les certificats sont disponibles et vérifiables par tous.',
    notPublished: 'Résultats pas encore publiés : les certificats ne sont pas encore disponibles.',
    referentPublish:
      'Un administrateur publie les résultats. Prévenez-le quand vous avez vérifié le tableau.',
    needsJury:
      'La session a un commentaire, des signalements ou des résultats (trop de questions neutralisées, ou un test arrêté avant la fin dont la raison reste à donner) qui demandent l’avis du jury avant la publication.',
    noJury: 'Aucun commentaire, signalement ni résultat à examiner : la session peut être publiée sans jury.',
    publishTitle: 'Publier les résultats',
    juryReviewed: 'Le jury a examiné la session',
    publish: 'Publier les résultats',
    publishConfirmTitle: 'Publier les résultats de la session {{number}} ?',
    publishConfirmText:
      'Les certificats seront disponibles et leur code pourra être vérifié par tous. Les résultats ne pourront plus être modifiés.',
    publishConfirm: 'Publier',
    publishedDone: 'Résultats publiés : les certificats sont disponibles.',
    table: 'Résultats par candidat',
    candidate: 'Candidat',
    status: 'Statut',
    score: 'Score Pix',
    competences: 'Niveau par compétence',
    incidents: 'Signalements',
    neutralized: 'Questions neutralisées',
    test: 'Fin du test',
    certificate: 'Certificat',
    certificatePdf: 'Certificat PDF',
    certificateLabel: 'Télécharger le certificat de {{name}} (PDF)',
    afterPublication: 'après publication',
    noCertificate: 'pas de certificat',
    level: 'niveau {{level}}',
    maxLevel: 'niveaux ouverts à la certification : 1 à {{level}}',
    none: 'aucune',
    finished: 'terminé',
    aborted: { candidate: 'abandon du candidat', technical: 'problème technique' },
    rate: 'taux de reproductibilité {{rate}} %',
    statuses: { validated: 'Certifié', rejected: 'Non certifié', cancelled: 'Annulé' },
    reasons: {
      TECHNICAL_ABORT_TOO_FEW_ANSWERS: 'problème technique et trop peu de réponses',
      REPRODUCIBILITY_BELOW_50: 'moins de 50 % de bonnes réponses',
      SCORE_ZERO: 'aucune compétence certifiée',
      NOT_TRUSTED: 'trop de questions neutralisées : le jury décide',
      JURY_CANCELLED: 'certification annulée par le jury',
    },
    question: 'Q{{number}}',
    absentTitle: 'Absents',
    absentNone: 'Aucun absent.',
    signed: {
      awaited:
        'calculé d’après les réponses reçues pendant le test : le résultat signé du poste n’est pas encore arrivé',
      refused:
        'calculé d’après les réponses reçues pendant le test : le serveur a refusé le résultat signé du poste, le jury examine le journal gardé sur le poste',
      // Received before publication: scored on arrival (publication applies it first if need be).
      notApplied: 'résultat signé du poste reçu, en cours de prise en compte',
      notAppliedAfterPublication:
        'résultat signé du poste reçu après la publication, le {{date}} : le certificat ne le prend pas encore en compte',
      appliedAfterPublication:
        'recalculé le {{date}} avec le résultat signé du poste, reçu après la publication',
      awaitedTitle: 'Résultats signés attendus',
      awaitedIntro_one:
        'Le poste de ce candidat n’a pas encore envoyé son résultat signé. Son résultat n’est calculé que d’après les réponses reçues pendant le test :',
      awaitedIntro_other:
        'Les postes de ces {{count}} candidats n’ont pas encore envoyé leur résultat signé. Leurs résultats ne sont calculés que d’après les réponses reçues pendant le test :',
      awaitedWhatToDo:
        'Dans la salle, rallumez le poste sur lequel chacun a passé son test et vérifiez qu’il est connecté au réseau : le résultat signé s’envoie tout seul (le poste affiche « Résultat envoyé »). Ensuite, vérifiez à nouveau.',
      awaitedPublishWithout:
        'Si un poste ne peut pas être rallumé, vous pouvez publier sans attendre : les résultats de ces candidats resteront calculés d’après les réponses reçues pendant le test.',
      recheck: 'Vérifier à nouveau',
      rechecking: 'Vérification…',
      allArrived: 'Tous les résultats signés sont arrivés : les résultats en tiennent compte.',
      stillAwaited_one: '{{count}} résultat signé est encore attendu.',
      stillAwaited_other: '{{count}} résultats signés sont encore attendus.',
      publishWithout: 'Publier sans attendre',
      publishWithoutConfirmTitle: 'Publier sans attendre les résultats signés ?',
      publishWithoutConfirmText_one:
        'Le résultat de {{names}} restera calculé d’après les réponses reçues pendant le test, sans le résultat signé de son poste. Les certificats seront disponibles et leur code pourra être vérifié par tous. Si le résultat signé arrive plus tard, un administrateur pourra recalculer ce résultat avec lui.',
      publishWithoutConfirmText_other:
        'Les résultats de {{names}} resteront calculés d’après les réponses reçues pendant le test, sans le résultat signé de leur poste. Les certificats seront disponibles et leur code pourra être vérifié par tous. Si un résultat signé arrive plus tard, un administrateur pourra recalculer ce résultat avec lui.',
      lateTitle: 'Résultats signés arrivés après la publication',
      lateIntro_one:
        'Le résultat signé de ce candidat est arrivé après la publication. Son certificat publié ne le prend pas encore en compte :',
      lateIntro_other:
        'Les résultats signés de ces {{count}} candidats sont arrivés après la publication. Leurs certificats publiés ne les prennent pas encore en compte :',
      lateAdministrator:
        'Pour chacun, cliquez sur « Recalculer avec le résultat signé » dans le tableau : le résultat est calculé de nouveau, le certificat garde son code de vérification et montre le nouveau résultat.',
      lateReferent: 'Un administrateur peut recalculer ces résultats avec le résultat signé. Prévenez-le.',
      rescore: 'Recalculer avec le résultat signé',
      rescoreLabel: 'Recalculer le résultat de {{name}} avec le résultat signé de son poste',
      rescoreConfirmTitle: 'Recalculer le résultat de {{name}} ?',
      rescoreConfirmText:
        'Le résultat de {{name}} sera calculé de nouveau avec le résultat signé de son poste, qui contient toutes ses réponses. Le code de vérification ne change pas : le certificat et sa vérification publique montreront le nouveau résultat. Si les résultats sont publiés et que le candidat a donné une adresse pour ses résultats, un message de mise à jour lui est envoyé ; sinon, prévenez-le si son score change.',
      rescoreConfirm: 'Recalculer',
      rescoredDone:
        'Résultat de {{name}} recalculé avec le résultat signé : {{score}} Pix. Le code de vérification reste le même.',
    },
    unscored: {
      title: 'Résultats signés de candidats notés absents',
      intro_one:
        'Ce candidat a été noté absent à la finalisation (rien de son test n’était arrivé au serveur), mais le résultat signé de son poste est arrivé depuis. Il n’a pas encore de résultat :',
      intro_other:
        'Ces {{count}} candidats ont été notés absents à la finalisation (rien de leur test n’était arrivé au serveur), mais le résultat signé de leur poste est arrivé depuis. Ils n’ont pas encore de résultat :',
      item: '{{name}} ({{ended}}, résultat signé reçu le {{date}}) :',
      reasonNeeded:
        'le test s’est arrêté avant la fin et personne n’a dit pourquoi. Le jury décide s’il s’agit d’un abandon du candidat ou d’un problème technique.',
      toScore: 'le résultat reste à calculer avec le résultat signé.',
      administrator:
        'Pour chacun, cliquez sur « Recalculer avec le résultat signé » : si le test s’est arrêté avant la fin, la confirmation demande la raison décidée par le jury. Tant qu’une raison manque, la publication attend l’examen du jury.',
      referent:
        'Un administrateur calcule ces résultats avec le résultat signé, et la raison de l’arrêt décidée par le jury. Prévenez-le.',
      reasonFor: 'Pourquoi le test de {{name}} s’est-il arrêté avant la fin ?',
      reasonHint:
        'La décision du jury : les questions sans réponse compteront comme passées (abandon du candidat) ou neutralisées (problème technique).',
      rescoreConfirmText:
        'Le résultat de {{name}} sera calculé avec le résultat signé de son poste et la raison de l’arrêt choisie ci-dessous. Une fois publié, son certificat et sa vérification publique montreront ce résultat.',
    },
  },
  // The jury's review on the results page (finalization panel, neutralizations) and the coded incident
  // reports filed on the back office's finalization page.
  jury: {
    codes: INCIDENT_CODE_WORDS.fr,
    // The jury's decisions after the start (results page, jury-decisions.tsx): the identity corrected
    // (C1), the certification cancelled (C6) or restored; each kept with who, when and why.
    decisions: {
      title: 'Décisions du jury : identité et annulation',
      intro:
        'Une fois le test commencé, seul le jury (un administrateur) peut corriger l’identité d’un candidat (signalement C1) ou annuler sa certification (fraude, signalement C6). Avant comme après la publication, le résultat, le certificat, son PDF et sa vérification publique en tiennent compte aussitôt. Chaque décision est gardée avec son auteur, sa date et son motif.',
      referent:
        'Une fois le test commencé, le jury (un administrateur) peut corriger l’identité d’un candidat (C1) ou annuler sa certification (C6). Prévenez-le des signalements à examiner.',
      summary: '{{name}} : {{status}}',
      flagC1: 'identité signalée (C1)',
      flagC6: 'fraude signalée (C6)',
      flagDecisions_one: '{{count}} décision du jury',
      flagDecisions_other: '{{count}} décisions du jury',
      reportTitle: 'Signalement {{code}} du surveillant',
      reportText: '« {{text}} »',
      reportNoText: 'sans description',
      identityTitle: 'Identité',
      identityNow: 'Sur le résultat et le certificat : {{identity}}.',
      lastName: 'Nom de naissance',
      firstName: 'Prénom',
      birthdate: 'Date de naissance',
      reason: 'Motif de la décision',
      reasonHint: 'Pourquoi le jury décide, en 500 caractères au plus : il est gardé avec la décision.',
      reasonCount: '{{count}} / 500 caractères',
      reasonCountOver: '{{count}} / 500 caractères : {{excess}} de trop',
      reasonBackUnder: 'Le motif tient de nouveau en 500 caractères.',
      correct: 'Corriger l’identité',
      correctLabel: 'Corriger l’identité de {{name}}',
      correcting: 'Correction…',
      corrected:
        'Identité corrigée : {{before}} devient {{after}}. Le résultat, le certificat et sa vérification publique portent désormais cette identité.',
      certificationTitle: 'Certification',
      standingCancelled: 'Certification annulée par le jury le {{date}} : aucun certificat n’est délivré.',
      standing: 'Résultat actuel : {{outcome}}.',
      cancel: 'Annuler la certification',
      cancelLabel: 'Annuler la certification de {{name}}',
      uncancel: 'Rétablir la certification',
      uncancelLabel: 'Rétablir la certification de {{name}}',
      cancelTitle: 'Annuler la certification de {{name}} ?',
      cancelText:
        'Son résultat deviendra « Annulé », sans score ni niveau certifié, et aucun certificat ne sera délivré.',
      cancelCode:
        'Le certificat au code {{code}} ne sera plus valide : il ne sera plus téléchargeable et, une fois les résultats publiés, la vérification publique de ce code indiquera qu’il a été annulé par le jury.',
      cancelUndo: 'Le jury pourra rétablir la certification plus tard, avec le même code de vérification.',
      cancelConfirm: 'Annuler la certification',
      cancelKeep: 'Ne pas annuler',
      uncancelTitle: 'Rétablir la certification de {{name}} ?',
      uncancelText:
        'Son résultat redeviendra celui calculé d’après ses réponses (avec les neutralisations décidées depuis). S’il est certifié, son certificat redeviendra valide, avec le même code de vérification, et sa vérification publique le montrera de nouveau.',
      uncancelConfirm: 'Rétablir la certification',
      uncancelKeep: 'Laisser annulée',
      cancelled: 'Certification de {{name}} annulée : aucun certificat n’est délivré.',
      uncancelled: 'Certification de {{name}} rétablie : {{outcome}}.',
      historyTitle: 'Décisions déjà prises',
      historyNone: 'Aucune décision du jury pour ce candidat.',
      kinds: {
        identity: 'Identité corrigée',
        cancel: 'Certification annulée',
        uncancel: 'Certification rétablie',
      },
      identityChange: '{{kind}} : {{before}} → {{after}}',
      person: '{{name}}, né(e) le {{birthdate}}',
      whoWhen: 'le {{date}}, par {{who}}',
      reasonSaid: 'Motif : « {{reason}} »',
      errors: {
        lastName: 'Écrivez le nom de naissance.',
        firstName: 'Écrivez le prénom.',
        tooLong: 'Ce texte est trop long (100 caractères au plus).',
        birthdate: 'Écrivez une date de naissance réelle (jj/mm/aaaa).',
        unchanged:
          'Ce sont déjà le nom, le prénom et la date de naissance du candidat : modifiez ce qu’il faut corriger.',
        reason: 'Écrivez le motif de la décision.',
        reasonTooLong: 'Le motif fait plus de 500 caractères : raccourcissez-le.',
      },
    },
    panel: {
      title: 'Finalisation',
      intro:
        'Ce qui a été déclaré en finalisant la session : le jury le lit avant la publication, et neutralise si besoin les questions touchées par un incident.',
      missing:
        'Les réponses données à la finalisation ne sont pas disponibles. Les signalements sont listés ci-dessous.',
      comment: 'Commentaire général',
      noComment: 'Aucun commentaire.',
      hadIncident: 'Un incident pendant la session ?',
      couldNotJoin: 'Un candidat inscrit a-t-il été empêché de rejoindre la session ?',
      reportsTitle: 'Signalements',
      reportsNone: 'Aucun signalement.',
      reportsCaption: 'Signalements de la session',
      candidate: 'Candidat',
      code: 'Code',
      question: 'Question',
      text: 'Description',
      noQuestion: '—',
      noText: 'pas de description',
      needsAction: 'à examiner par le jury',
    },
    neutralize: {
      title: 'Neutralisations du jury',
      intro:
        'Une question neutralisée ne compte ni juste ni fausse. Neutralisez une question quand un incident technique a gêné le candidat (signalement E) : son résultat est recalculé aussitôt. Tant que les résultats ne sont pas publiés, vous pouvez annuler une neutralisation du jury.',
      then: 'Quand le jury a terminé, cochez « Le jury a examiné la session » puis publiez.',
      referent:
        'Avant la publication, le jury (un administrateur) peut neutraliser une question touchée par un incident. Prévenez-le des signalements à examiner.',
      summary: '{{name}} : {{status}}, {{score}} Pix',
      reportedCount_one: '{{count}} question signalée',
      reportedCount_other: '{{count}} questions signalées',
      reportedTitle: 'Questions signalées (codes E)',
      reportedNone: 'Aucune question signalée pour ce candidat.',
      reportedQuestion: 'Question {{number}}',
      isNeutralized: 'neutralisée',
      isCounted: 'comptée',
      neutralizedTitle: 'Questions neutralisées',
      neutralizedNone: 'Aucune question neutralisée.',
      neutralizeButton: 'Neutraliser',
      neutralizeLabel: 'Neutraliser la question {{number}} de {{name}}',
      undoButton: 'Compter de nouveau',
      undoLabel: 'Compter de nouveau la question {{number}} de {{name}}',
      otherQuestion: 'Autre question de {{name}} à neutraliser',
      otherQuestionHint: 'Son numéro dans le test du candidat, de 1 à {{count}}.',
      otherSubmit: 'Neutraliser cette question',
      errors: {
        number: 'Écrivez un numéro de question entre 1 et {{count}}.',
        already:
          'La question {{number}} est déjà neutralisée. Pour la compter de nouveau, utilisez « Compter de nouveau » dans la liste des questions neutralisées.',
      },
      neutralizeTitle: 'Neutraliser la question {{number}} de {{name}} ?',
      neutralizeText:
        'La question {{number}} ne comptera plus, ni juste ni fausse, et le résultat de {{name}} sera recalculé aussitôt. Vous pourrez annuler tant que les résultats ne sont pas publiés.',
      neutralizeConfirm: 'Neutraliser la question',
      undoTitle: 'Compter de nouveau la question {{number}} de {{name}} ?',
      undoText:
        'La question {{number}} comptera de nouveau, juste ou fausse selon la réponse du candidat, et le résultat de {{name}} sera recalculé aussitôt. Une question neutralisée par une alerte validée pendant le test reste neutralisée.',
      undoConfirm: 'Compter de nouveau',
      outcome: '{{status}}, {{score}} Pix, taux de reproductibilité {{rate}} %',
      changed: 'résultat recalculé : {{after}} (avant : {{before}})',
      unchanged: 'résultat recalculé, inchangé : {{after}}',
      neutralizedDone: 'Question {{number}} de {{name}} neutralisée ; {{change}}.',
      undoneDone: 'Question {{number}} de {{name}} de nouveau comptée ; {{change}}.',
    },
    reports: {
      title: 'Signalements',
      intro:
        'Déclarez chaque incident avec son code, pour le candidat concerné, avant de finaliser : le jury les examine avant la publication, et peut neutraliser une question signalée avec un code E. N’écrivez pas les incidents dans le commentaire général.',
      caption: 'Signalements déjà enregistrés',
      none: 'Aucun signalement enregistré pour l’instant.',
      addTitle: 'Enregistrer un signalement',
      noCandidates: 'Aucun candidat inscrit : il n’y a rien à signaler.',
      candidate: 'Candidat concerné',
      chooseCandidate: 'Choisissez un candidat',
      code: 'Code de l’incident',
      chooseCode: 'Choisissez un code',
      groupC: 'Le candidat ou la session (codes C)',
      groupE: 'Une question du test (codes E)',
      question: 'Numéro de la question',
      questionHint: 'Pour un code E : le numéro de la question touchée, de 1 à 48.',
      description: 'Description',
      descriptionHint: 'Ce qui s’est passé, en 1000 caractères au plus.',
      submit: 'Enregistrer le signalement',
      saving: 'Enregistrement…',
      saved: 'Signalement {{code}} enregistré pour {{name}}. Il apparaît dans la liste ci-dessus.',
      withdraw: 'Retirer',
      withdrawLabel: 'Retirer le signalement {{code}} de {{name}}',
      withdrawTitle: 'Retirer le signalement {{code}} de {{name}} ?',
      withdrawText:
        'Le signalement sera supprimé et le jury ne le verra pas. Ne retirez qu’un signalement enregistré par erreur.',
      withdrawConfirm: 'Retirer le signalement',
      withdrawn: 'Signalement {{code}} de {{name}} retiré.',
      errors: {
        candidate: 'Choisissez le candidat concerné.',
        code: 'Choisissez le code de l’incident.',
        question: 'Un code E concerne une question : écrivez son numéro, de 1 à 48.',
        description: 'La description fait plus de 1000 caractères : raccourcissez-la.',
      },
    },
  },
  // The jury's record of one candidate's test (« Dossier du test »), opened from the results page.
  testRecord: {
    link: 'Dossier du test',
    linkLabel: 'Dossier du test de {{name}}',
    title: 'Dossier du test de {{name}}',
    intro:
      'Ce que le poste a enregistré pendant le test, pour le jury : les réponses et leur statut, les alertes et les signalements, les pages web demandées et les événements du poste. Les heures sont celles du serveur.',
    print: 'Imprimer le dossier',
    backToResults: 'Résultats de la session {{number}}',
    unavailableTitle: 'Dossier du test',
    notFound:
      'Pas de dossier : ce candidat n’a pas commencé de test, ou il n’est pas inscrit dans un de vos centres.',
    noneTime: 'heure inconnue',
    summary: {
      title: 'Le test',
      candidate: 'Candidat',
      born: 'né(e) le {{date}}',
      extraTime: 'temps majoré de {{percent}} %',
      accessibility: 'aménagement d’accessibilité',
      session: 'Session',
      sessionValue: 'n° {{number}} · {{centre}} · {{room}} · {{date}} à {{time}}',
      examiner: 'Surveillant : {{name}}',
      stations_one: 'Poste',
      stations_other: 'Postes (dans l’ordre)',
      start: 'Début',
      notStarted: 'aucun début enregistré',
      end: 'Fin',
      endReasons: {
        finished: 'toutes les questions traitées',
        timeUp: 'temps écoulé',
        endedByInvigilator: 'terminé par le surveillant',
        aborted: 'interrompu sur le poste',
      },
      noEnd:
        'aucune fin enregistrée (le poste s’est arrêté, ou ses derniers enregistrements ne sont pas arrivés)',
      abortReasons: {
        candidate: 'raison de l’arrêt donnée à la finalisation : abandon du candidat',
        technical: 'raison de l’arrêt donnée à la finalisation : problème technique',
      },
      noAbortReason: 'raison de l’arrêt pas encore donnée',
      confirmedOver:
        'le surveillant a confirmé le test terminé à la finalisation, alors que son poste ne répondait plus',
      time: 'Temps',
      timeUsed: 'temps utilisé : {{elapsed}} ; temps accordé : {{allowed}}',
      timeAdded: 'dont temps ajouté par le surveillant : {{added}}',
      downtime: 'poste arrêté pendant {{downtime}}, non compté au candidat',
      evidence: 'Source du dossier',
      evidenceBundle: 'Résultat signé du poste, vérifié par le serveur, reçu le {{date}}',
      evidenceBundleHint:
        'Sa signature par le poste, la chaîne de ses enregistrements et le test remis ont été vérifiés à son arrivée.',
      evidenceAwaited:
        'Enregistrements reçus pendant le test : le résultat signé du poste n’est pas encore arrivé.',
      evidenceRefused:
        'Enregistrements reçus pendant le test : le serveur a refusé le résultat signé du poste (code {{code}}).',
      recordCount_one: '{{count}} enregistrement dans le journal du test.',
      recordCount_other: '{{count}} enregistrements dans le journal du test.',
      authorizations: 'Autorisations du surveillant',
      authorizationStart: 'Début autorisé à {{time}} ({{station}})',
      authorizationResume: 'Reprise autorisée à {{time}} ({{station}})',
      authorizationTaken: 'pris en compte par le poste à {{time}}',
      authorizationNotTaken: 'jamais pris en compte par le poste',
      noAuthorization: 'aucune',
    },
    questions: {
      title: 'Questions',
      intro:
        'Dans l’ordre du test. Le statut est celui que retient le calcul du résultat ; une question neutralisée ne compte ni juste ni fausse.',
      caption: 'Questions du test de {{name}}',
      number: 'N°',
      competence: 'Compétence',
      type: 'Type',
      answer: 'Réponse',
      status: 'Statut',
      neutralized: 'Neutralisée',
      question: 'Question {{number}}',
      focused: 'question focalisée',
      timer: 'minutée : {{time}}',
      noAnswer: 'aucune réponse',
      emptyField: '(vide)',
      field: '{{label}} : {{value}}',
      statuses: {
        ok: 'Juste',
        ko: 'Fausse',
        aband: 'Passée (« Je passe »)',
        timedout: 'Hors temps : réponse après la fin du minuteur',
        focusedOut: 'Question quittée : réponse juste, donnée après avoir quitté la question',
        none: 'Sans réponse',
      },
      counted: {
        correct: 'compte juste',
        wrong: 'compte fausse',
        neutralized: 'ne compte pas',
      },
      countedUnknown: 'compte selon la raison de l’arrêt, pas encore donnée',
      timeSpent: 'temps passé : {{time}}',
      answeredAt: 'répondu à {{time}}',
      focusLosses_one: 'quittée {{count}} fois',
      focusLosses_other: 'quittée {{count}} fois',
      byAlert: 'Oui : alerte validée par le surveillant',
      byJury: 'Oui : par le jury',
      notNeutralized: 'Non',
    },
    alerts: {
      title: 'Alertes et signalements',
      alertsTitle: 'Alertes du candidat (« Signaler un problème »)',
      alertsNone: 'Aucune alerte.',
      alertsCaption: 'Alertes de {{name}}',
      question: 'Question',
      raisedAt: 'Levée à',
      decision: 'Décision du surveillant',
      decisions: {
        validated: 'Validée : question neutralisée',
        dismissed: 'Refusée : le candidat devait répondre',
        withdrawn: 'Retirée par le candidat',
        undecided: 'Sans décision',
      },
      decidedAt: 'décision à {{time}}',
      reportsTitle: 'Signalements',
      reportsNone: 'Aucun signalement pour ce candidat.',
      reportsCaption: 'Signalements de {{name}}',
      code: 'Code',
      description: 'Description',
      createdAt: 'Enregistré le',
      noDescription: 'pas de description',
      noQuestion: '—',
    },
    navigation: {
      title: 'Navigation',
      intro: 'Chaque page demandée dans le navigateur du test, autorisée ou bloquée par le filtre du poste.',
      total_one: '{{count}} page demandée',
      total_other: '{{count}} pages demandées',
      blocked_one: '{{count}} bloquée',
      blocked_other: '{{count}} bloquées',
      summary: '{{total}}, dont {{blocked}}.',
      omitted:
        'Liste limitée à {{limit}} pages, les bloquées d’abord. Pages non listées : autorisées, {{allowed}} ; bloquées, {{blocked}}.',
      none: 'Aucune page demandée dans le navigateur du test.',
      caption: 'Pages demandées par {{name}}',
      time: 'Heure',
      question: 'Question',
      address: 'Adresse',
      decision: 'Décision',
      allowed: 'Autorisée',
      blocked: 'Bloquée',
      rule: 'règle : {{rule}}',
    },
    lockdown: {
      title: 'Verrouillage du poste',
      intro:
        'Ce que le poste a détecté (fenêtre du test quittée, écran branché, mise en veille, logiciel interdit…), et chaque fois que le candidat a quitté une question focalisée.',
      none: 'Aucun événement du poste.',
      caption: 'Événements du poste pendant le test de {{name}}',
      time: 'Heure',
      question: 'Question',
      event: 'Événement',
      detail: 'Détail',
      // The invigilator screen's words (renderer/invigilator/i18n lockdown.events): one name per event.
      events: LOCKDOWN_EVENT_WORDS.fr,
      // What the station knew of an event, in the invigilator screen's words (lockdown.facts).
      facts: LOCKDOWN_FACT_WORDS.fr,
      questionLeft: 'Le candidat a quitté la question (question focalisée)',
      omitted_one:
        '{{total}} événements au total : les {{first}} premiers et les {{last}} derniers sont listés ; {{count}} événement entre eux ne l’est pas.',
      omitted_other:
        '{{total}} événements au total : les {{first}} premiers et les {{last}} derniers sont listés ; les {{count}} événements entre eux ne le sont pas.',
    },
    pauses: {
      title: 'Pauses et temps ajouté',
      none: 'Aucune pause, aucune interruption du poste, aucun temps ajouté.',
      caption: 'Pauses, interruptions et temps ajouté pendant le test de {{name}}',
      time: 'Heure',
      question: 'Question',
      what: 'Événement',
      pausedByInvigilator: 'Pause par le surveillant',
      pausedByLockdown: 'Poste verrouillé : test en pause jusqu’au déverrouillage par le surveillant',
      reason: 'motif : « {{reason}} »',
      unpaused: 'Fin de la pause, après {{duration}}',
      unpausedUnknown: 'Fin de la pause',
      timeAdded: 'Temps ajouté par le surveillant : {{duration}}',
      resumed: 'Reprise du test après un arrêt du poste de {{duration}}, non compté au candidat',
    },
  },
  resultEmails: {
    title: 'Envoi des résultats par e-mail',
    intro:
      'Chaque adresse donnée pour les résultats à l’inscription (« E-mail pour recevoir les résultats ») reçoit un message à la publication : les résultats de ses candidats (statut, score Pix, code de vérification) et le certificat PDF de chaque candidat certifié. Puis, quand le résultat d’un de ses candidats change ou arrive après la publication, un message de mise à jour. Aucun message ne part pour un candidat sans adresse.',
    none: 'Aucun message pour cette session : à la publication, aucun candidat ayant un résultat n’avait donné d’adresse pour ses résultats (ou la session a été publiée avant que le serveur n’envoie les résultats par e-mail).',
    notConfiguredTitle: 'Les messages attendent : aucun serveur de messagerie n’est configuré',
    notConfigured:
      'Le serveur de certification n’a pas de serveur de messagerie (réglage --smtp-url) : les messages sont prêts et attendent. Demandez au service informatique de le configurer puis de redémarrer le serveur : ils partiront alors d’eux-mêmes.',
    table: 'Messages des résultats, par destinataire',
    recipient: 'Destinataire',
    candidates: 'Candidats',
    state: 'État',
    action: 'Action',
    states: { pending: 'En attente', sent: 'Envoyé', failed: 'Échec' },
    queued: 'Part dans un instant.',
    waiting: 'Attend qu’un serveur de messagerie soit configuré.',
    retryOn: 'Nouvel essai le {{date}}.',
    sentOn: 'Envoyé le {{date}}.',
    failedBecause: 'Abandonné : {{reason}}.',
    sentBefore: 'Déjà envoyé le {{date}}.',
    attempts_one: '{{count}} essai',
    attempts_other: '{{count}} essais',
    lastFailure: 'Dernier échec : {{reason}}.',
    serverSaid: 'Réponse du serveur de messagerie : « {{detail}} »',
    reasons: {
      unreachable: 'le serveur de messagerie ne répond pas',
      authentication:
        'le serveur de messagerie a refusé l’identifiant ou le mot de passe du serveur de certification',
      rejected: 'le serveur de messagerie a refusé l’adresse du destinataire',
      refused: 'le serveur de messagerie a refusé le message',
      temporary: 'le serveur de messagerie a demandé de réessayer plus tard',
      content: 'le message n’a pas pu être préparé',
      other: 'erreur inattendue',
    },
    whatToDo: {
      rejected:
        'Vérifiez l’adresse avec son destinataire ; en attendant, transmettez-lui les résultats autrement (export CSV, certificats PDF).',
      server:
        'Prévenez le service informatique ; une fois le problème réglé, un administrateur renvoie le message.',
    },
    resend: 'Renvoyer',
    resendLabel: 'Renvoyer le message à {{recipient}}',
    resendTitle: 'Renvoyer le message à {{recipient}} ?',
    resendText_one:
      'Le message repart, avec le résultat de son candidat tel qu’il est maintenant et son certificat s’il est certifié.',
    resendText_other:
      'Le message repart, avec les résultats de ses {{count}} candidats tels qu’ils sont maintenant et le certificat de chaque candidat certifié.',
    resent: 'Le message à {{recipient}} est de nouveau en attente d’envoi.',
    sendNow: 'Envoyer maintenant',
    sendNowLabel: 'Envoyer maintenant le message à {{recipient}}, sans attendre le prochain essai',
    referent: 'Un administrateur peut renvoyer un message envoyé ou en échec.',
    refresh: 'Actualiser',
    refreshing: 'Actualisation…',
    refreshed: 'État des messages actualisé.',
    updatesIntro:
      'Quand le résultat d’un candidat change après la publication (décision du jury, résultat signé arrivé après), son adresse reçoit en plus un message de mise à jour, qui a sa propre ligne ci-dessous. Les changements arrivés avant son envoi partent ensemble, dans ce seul message.',
    update: 'Mise à jour : {{why}}',
    updateMerged: 'Mise à jour regroupant {{number}} changements : {{whys}}',
    updateThen: ' ; puis ',
    cancellationBackAndForth: {
      cancelledFirst:
        'L’annulation et sa levée se sont suivies avant l’envoi : le message n’en parle pas, il donne le résultat tel qu’il est à ce moment-là.',
      restoredFirst:
        'La levée de l’annulation puis une nouvelle annulation se sont suivies avant l’envoi : le message n’en parle pas, il donne le résultat tel qu’il est à ce moment-là.',
    },
    updateCauses: {
      cancelled: 'certification annulée par le jury',
      restored: 'annulation levée par le jury, résultat rétabli',
      identityCorrected: 'identité corrigée par le jury',
      resultAdded: 'résultat arrivé après la publication',
      resultChanged: 'résultat recalculé avec le résultat signé arrivé après la publication',
    },
  },
  // The printable finalization record (« Procès-verbal de session »): finalization-record/.
  finalizationRecord: {
    link: 'Imprimer le procès-verbal',
    title: 'Procès-verbal de la session n° {{number}}',
    intro:
      'Le compte rendu de la finalisation de la session : à imprimer, à faire signer par le ou les surveillants et le référent Pix, puis à archiver.',
    print: 'Imprimer',
    unavailableTitle: 'Procès-verbal pas encore disponible',
    notFinalized:
      'Le procès-verbal s’établit à la finalisation : cette session n’est pas encore finalisée. Finalisez-la d’abord, ou demandez au surveillant de le faire depuis l’écran surveillant.',
    sessionTitle: 'La session',
    centre: 'Centre de certification',
    address: 'Adresse',
    room: 'Salle',
    date: 'Date et heure',
    dateValue: '{{date}} à {{time}}',
    examiner: 'Examinateur',
    finalizationTitle: 'La finalisation',
    finalizedAt: 'Finalisée le',
    finalizedAtUnknown: 'date non enregistrée',
    generatedAt: 'Édité le',
    finalizedBy: 'Finalisée par',
    byInvigilator: 'le surveillant, depuis l’écran surveillant',
    byAccount: '{{name}} ({{role}}), depuis l’espace centre',
    byGoneAccount: 'un compte de l’espace centre supprimé depuis',
    hadIncident: 'Y a-t-il eu un incident pendant la session ?',
    couldNotJoin: 'Un candidat inscrit a-t-il été empêché de rejoindre la session ?',
    comment: 'Commentaire général',
    noComment: 'Aucun commentaire.',
    candidatesTitle: 'Les candidats',
    candidatesCaption: 'Candidats de la session n° {{number}}, par ordre alphabétique',
    noCandidates: 'Aucun candidat inscrit.',
    columns: {
      candidate: 'Candidat (date de naissance)',
      extraTime: 'Temps majoré',
      presence: 'Présence',
      outcome: 'Fin du test',
      abortReason: 'Raison de l’arrêt',
      neutralized: 'Questions neutralisées',
      incidents: 'Signalements',
    },
    bornOn: 'né(e) le {{date}}',
    noExtraTime: 'aucun',
    extraTime: '+{{percent}} %',
    presence: {
      present: 'Présent',
      absent: 'Absent',
      notStarted: 'Connecté, test non commencé',
      notArrived: 'Pas encore arrivé',
    },
    outcome: {
      finished: 'Terminé',
      timeUp: 'Terminé (temps écoulé)',
      aborted: 'Arrêté avant la fin',
      endedByInvigilator: 'Terminé par le surveillant',
      pending: 'Résultat reçu après la finalisation, pas encore pris en compte',
      none: 'Pas de test',
    },
    abortReasons: { candidate: 'Abandon du candidat', technical: 'Problème technique' },
    notApplicable: 'sans objet',
    noIncident: 'aucun',
    question: 'question {{number}}',
    incidentWithText: '{{incident}} : {{text}}',
    countsTitle: 'En résumé',
    counts: {
      enrolled: 'Candidats inscrits',
      present: 'Présents',
      absent: 'Absents',
      finished: 'Tests terminés',
      aborted: 'Tests arrêtés avant la fin',
      pending: 'Résultats reçus après la finalisation',
    },
    signaturesTitle: 'Signatures',
    invigilatorSignature: 'Signature du ou des surveillants',
    referentSignature: 'Signature du référent Pix',
    signatureName: 'Nom et prénom',
    signatureDate: 'Date',
  },
  accounts: {
    title: 'Comptes',
    intro:
      'Les référents préparent les sessions de leur centre ; les administrateurs gèrent tous les centres, créent les comptes et publient les résultats.',
    listTitle: 'Les comptes',
    name: 'Nom',
    email: 'E-mail',
    role: 'Rôle',
    centre: 'Centre',
    state: 'État',
    allCentres: 'tous les centres',
    active: 'actif',
    deactivated: 'désactivé le {{date}}',
    you: '(vous)',
    deactivate: 'Désactiver',
    reactivate: 'Réactiver',
    deactivateLabel: 'Désactiver le compte de {{name}}',
    reactivateLabel: 'Réactiver le compte de {{name}}',
    deactivateTitle: 'Désactiver le compte de {{name}} ?',
    deactivateText:
      'Cette personne ne pourra plus se connecter, et ses connexions en cours sont fermées. Vous pourrez réactiver le compte plus tard.',
    deactivateConfirm: 'Désactiver le compte',
    deactivatedDone: 'Le compte de {{name}} est désactivé.',
    reactivatedDone: 'Le compte de {{name}} est réactivé.',
    reactivateFailed: 'Le compte de {{name}} n’a pas été réactivé : {{reason}}',
    createTitle: 'Créer un compte',
    displayName: 'Nom affiché',
    displayNameHint: 'Exemple : Mme Claire Durand.',
    emailHint: 'L’adresse avec laquelle la personne se connectera.',
    roleReferent: 'Référent d’un centre',
    roleAdministrator: 'Administrateur (tous les centres)',
    centreSelect: 'Centre du référent',
    password: 'Mot de passe provisoire',
    passwordHint:
      '12 caractères au moins (une phrase de passe est plus simple à retenir). Communiquez-le à la personne : elle le changera dans « Mon compte ».',
    create: 'Créer le compte',
    created: 'Compte de {{name}} créé.',
    errors: {
      displayName: 'Écrivez le nom de la personne.',
      email: 'Écrivez une adresse e-mail complète (nom@domaine.fr).',
      centre: 'Choisissez le centre du référent.',
      password: 'Le mot de passe doit avoir au moins 12 caractères.',
    },
  },
  myAccount: {
    title: 'Mon compte',
    intro: 'Vos informations de connexion.',
    name: 'Nom',
    email: 'E-mail',
    role: 'Rôle',
    passwordTitle: 'Changer mon mot de passe',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    nextHint: '12 caractères au moins. Une phrase de passe est plus simple à retenir.',
    submit: 'Changer le mot de passe',
    changed: 'Mot de passe changé.',
    errors: {
      current: 'Écrivez votre mot de passe actuel.',
      next: 'Le nouveau mot de passe doit avoir au moins 12 caractères.',
    },
  },
};
