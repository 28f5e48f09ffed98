// What the server's refusals mean, in the user's language. The server answers { error: { code, message } }
// with an English message meant for logs and developers; the screens (back office, invigilator) show a
// sentence chosen by `code` from this table instead, and an unknown code gets a generic French or English
// sentence with the code, never the server's English text. The table lives in its own i18next namespace.
// server-error-messages.test.ts fails when the server gains a code that has no sentence here.
import type { i18n as I18n } from 'i18next';

export const SERVER_ERRORS_NAMESPACE = 'serverErrors';

export const serverErrorsFr = {
  codes: {
    // Reaching the server, reading its answer (set by the screens' clients, not sent by the server).
    NETWORK: 'Le serveur de certification ne répond pas. Vérifiez la connexion au réseau, puis réessayez.',
    UNEXPECTED_RESPONSE:
      'La réponse du serveur est illisible : il n’a peut-être pas la même version que cet écran. Rechargez la page (F5), puis réessayez.',
    // Any request.
    INVALID_REQUEST:
      'Le serveur a refusé ces informations : un champ manque ou est mal rempli. Vérifiez le formulaire, puis réessayez.',
    INVALID_JSON: 'Le serveur n’a pas pu lire ce qui a été envoyé. Rechargez la page (F5), puis réessayez.',
    PAYLOAD_TOO_LARGE:
      'Ce qui a été envoyé est trop gros pour le serveur. Vérifiez que vous avez choisi le bon fichier.',
    UNSUPPORTED_MEDIA_TYPE:
      'Ce type de fichier n’est pas accepté ici. Vérifiez que vous avez choisi le bon fichier.',
    NOT_FOUND: 'Introuvable : cet élément n’existe pas ou plus. Rechargez la page pour voir l’état actuel.',
    NO_ROUTE:
      'Cette adresse n’existe pas sur le serveur de certification. Vérifiez l’adresse du serveur, ou rechargez la page.',
    CROSS_SITE_REQUEST:
      'Refusé : cette modification a été demandée depuis une page d’un autre site. Ouvrez l’écran à son adresse habituelle, puis recommencez.',
    RATE_LIMITED: 'Trop de demandes en peu de temps : patientez une minute, puis réessayez.',
    INTERNAL:
      'Le serveur a rencontré un problème et n’a rien modifié. Réessayez dans un instant ; si cela recommence, prévenez le support informatique de l’établissement.',
    // The server's disk or database (server/http/storage-faults.ts): nothing was stored.
    STORAGE_FULL:
      'Le serveur ne peut plus rien enregistrer : son disque est plein. Rien n’a été modifié, et les réponses des candidats restent sur leurs postes. Prévenez le service informatique de l’établissement, puis réessayez plus tard.',
    STORAGE_BUSY: 'Le serveur est occupé et n’a rien modifié. Réessayez dans quelques secondes.',
    STORAGE_UNAVAILABLE:
      'Le serveur n’arrive plus à lire ou à écrire ses données. Rien n’a été modifié, et les réponses des candidats restent sur leurs postes. Réessayez dans un moment ; si cela continue, prévenez le service informatique de l’établissement.',
    // Accounts and sign-in.
    NOT_AUTHENTICATED: 'Vous n’êtes pas connecté, ou votre connexion a pris fin. Reconnectez-vous.',
    SESSION_EXPIRED: 'Votre connexion a expiré. Reconnectez-vous pour continuer.',
    PASSWORD_CHANGED:
      'Le mot de passe du surveillant a été changé par le référent Pix du centre. Reconnectez-vous avec le nouveau mot de passe.',
    INVALID_CREDENTIALS:
      'Identifiant ou mot de passe incorrect. Vérifiez-les (majuscules comprises) et réessayez.',
    ACCOUNT_DEACTIVATED: 'Ce compte a été désactivé. Demandez à un administrateur du centre de le réactiver.',
    TOO_MANY_ATTEMPTS:
      'Trop de tentatives : la connexion est bloquée quelques minutes pour protéger le compte. Patientez, puis réessayez.',
    FORBIDDEN:
      'Vous n’avez pas le droit de faire cela avec ce compte. Demandez à un administrateur du centre.',
    EMAIL_TAKEN: 'Un compte utilise déjà cette adresse e-mail.',
    OWN_ACCOUNT: 'Vous ne pouvez pas désactiver votre propre compte.',
    // Sessions and candidates.
    SESSION_CLOSED: 'La session est finalisée : elle ne peut plus être modifiée.',
    SESSION_STARTED:
      'Un candidat s’est déjà connecté sur un poste dans cette session (ou elle est finalisée) : elle ne peut plus être supprimée.',
    SESSION_NOT_FOUND: 'Aucune session ne porte ce numéro dans ce centre. Vérifiez le numéro.',
    ALREADY_ENROLLED:
      'Un candidat avec les mêmes nom, prénom et date de naissance est déjà inscrit à cette session.',
    CANDIDATE_STARTED: 'Le test de ce candidat a commencé : son inscription ne peut plus changer.',
    CANDIDATE_JOINED: 'Ce candidat s’est déjà connecté à un poste : il ne peut plus être retiré.',
    // Incident reports: an E code names a question of the candidate's own test.
    QUESTION_NOT_IN_TEST:
      'Le test de ce candidat n’a pas de question à ce numéro. Vérifiez le numéro de la question (affiché en haut de son écran), puis réessayez.',
    NO_TEST_QUESTIONS:
      'Le test de ce candidat n’a pas encore de questions (il n’a pas commencé) : un code E concerne une question. Choisissez un code C.',
    INVALID_CSV:
      'Le fichier de candidats ne peut pas être lu : vérifiez qu’il suit le modèle (colonnes, séparateur « ; »), puis réessayez.',
    INVALID_PROFILE: 'Le profil de ce candidat est incomplet ou illisible : importez-le de nouveau.',
    NOT_CERTIFIABLE:
      'Ce candidat n’est pas certifiable : il lui faut au moins 5 compétences de niveau 1 ou plus dans son profil.',
    MISSING_CHALLENGES:
      'La banque d’épreuves ne contient pas assez d’épreuves pour ce profil. Importez une banque complète.',
    // Content.
    INVALID_BANK:
      'Le fichier de la banque d’épreuves n’est pas valide. Corrigez-le, puis importez-le de nouveau.',
    HASH_MISMATCH:
      'Une pièce jointe ne correspond pas à celle attendue par la banque. Vérifiez que vous avez choisi les bons fichiers.',
    BANK_IMPORT_BUSY:
      'Une autre importation de banque d’épreuves est en cours sur ce serveur. Patientez une minute, puis réessayez.',
    BANK_UPLOAD_TOO_SLOW:
      'Le fichier de la banque d’épreuves arrive trop lentement : l’envoi a été interrompu pour laisser la place aux autres centres. Réessayez depuis une connexion plus rapide, ou importez la banque en plusieurs parties.',
    CONTENT_QUOTA_EXCEEDED:
      'Les fichiers du centre dépasseraient la place qui lui est réservée sur le serveur : rien n’a été enregistré. Demandez à l’administrateur du serveur d’augmenter cette place.',
    // Stations.
    ENROLLMENT_CODE_INVALID: 'Ce code d’inscription est expiré ou déjà utilisé : créez-en un nouveau.',
    STATION_ALREADY_ENROLLED: 'Ce poste est déjà inscrit.',
    STATION_NOT_REVOKED:
      'Ce poste est inscrit et n’est pas révoqué : il n’a pas besoin d’être réinscrit. Rechargez la liste des postes.',
    STATION_OF_ANOTHER_CENTRE:
      'Ce poste appartient à un autre centre : il ne peut pas changer de centre. Réinscrivez-le depuis la page « Postes » de son centre.',
    ENROLLMENT_CODE_FOR_ANOTHER_STATION:
      'Ce code a été créé pour réinscrire un autre poste : il n’inscrit aucun autre poste. Demandez un code pour ce poste.',
    STATION_NOT_READY: 'Ce poste n’est pas (ou plus) inscrit : inscrivez-le de nouveau avec un code.',
    STATION_OFFLINE:
      'Ce poste n’est pas connecté au serveur : il ne peut pas recevoir l’ordre. Fermez-le sur place.',
    BAD_SIGNATURE: 'Le poste n’a pas pu prouver son identité. Inscrivez-le de nouveau.',
    STALE_REQUEST:
      'L’horloge du poste n’est pas à l’heure. Réglez la date et l’heure du poste, puis réessayez.',
    REPLAYED_REQUEST: 'Cette demande a déjà été reçue. Réessayez.',
    // Exam day: joining, the room's commands, alerts.
    WRONG_ACCESS_CODE: 'Le code d’accès n’est pas celui de cette session. Vérifiez-le au tableau.',
    NO_MATCHING_CANDIDATE:
      'Aucun candidat de cette session n’a ces nom, prénom et date de naissance. Vérifiez-les ou demandez au surveillant.',
    SEVERAL_MATCHING_CANDIDATES:
      'Plusieurs candidats ont ces nom, prénom et date de naissance. Le surveillant doit vérifier l’inscription.',
    CANDIDATE_ALREADY_STARTED: 'Le test de ce candidat est terminé.',
    NOT_JOINED: 'Ce candidat n’a pas encore rejoint la session sur un poste.',
    NOT_STARTED: 'Le test de ce candidat n’a pas commencé.',
    ALREADY_STARTED: 'Le test de ce candidat a déjà commencé.',
    STATION_CHANGED:
      'Ce candidat vient de changer de poste : sa présence n’a pas été confirmée. Vérifiez qu’il est assis au poste affiché, puis confirmez de nouveau.',
    ALREADY_PAUSED: 'Ce poste est déjà en pause.',
    NOT_PAUSED: 'Ce poste n’est pas en pause.',
    NOTHING_TO_WITHDRAW: 'Il n’y a rien à retirer : la présence n’était pas confirmée.',
    TEST_IN_PROGRESS: 'Un test est en cours sur ce poste. Terminez-le d’abord.',
    TEST_OVER: 'Le test de ce candidat est terminé : cette action n’est plus possible.',
    NOT_AUTHORIZED: 'Le surveillant n’a pas encore autorisé la reprise sur ce poste.',
    NOT_YOUR_TEST: 'Ce test continue sur un autre poste.',
    ALERT_ALREADY_DECIDED: 'Cette alerte a déjà été traitée. La salle affiche la décision prise.',
    REQUEST_ID_REUSED:
      'Cette demande a déjà été envoyée pour une autre action. Fermez la fenêtre et recommencez.',
    TESTS_STILL_RUNNING:
      'Des tests sont encore en cours : la session ne peut pas être finalisée. Terminez d’abord leur test depuis la salle, ou attendez qu’ils finissent.',
    TESTS_MAYBE_RUNNING:
      'Un poste muet laisse du temps à son candidat : il compose peut-être encore hors ligne. Attendez que son poste revienne, ou confirmez que son test est terminé (poste éteint, candidat parti).',
    ALERTS_PENDING:
      'Des alertes attendent une décision : la session ne peut pas être finalisée. Décidez d’abord de chacune depuis la salle.',
    // Results.
    BUNDLE_CONFLICT: 'Les résultats reçus de ce poste diffèrent de ceux déjà enregistrés.',
    SERVER_BUSY:
      'Le serveur reçoit beaucoup de résultats en même temps. Ceux de ce poste sont conservés et seront renvoyés automatiquement dans quelques secondes.',
    RECORD_CONFLICT: 'Les réponses reçues de ce poste diffèrent de celles déjà enregistrées.',
    CHAIN_BROKEN:
      'Les réponses reçues de ce poste sont incomplètes ou modifiées : elles n’ont pas été enregistrées.',
    PACKAGE_MISMATCH: 'Les résultats reçus ne correspondent pas au test remis à ce poste.',
    BUNDLE_MISMATCH: 'Les résultats reçus concernent un autre candidat ou une autre session.',
    BUNDLE_INVALID_PAYLOAD:
      'Les résultats reçus de ce poste sont incohérents : ils n’ont pas été enregistrés.',
    SESSION_ALREADY_FINALIZED: 'Cette session est déjà finalisée.',
    ABORT_REASON_REQUIRED: 'Indiquez la raison de chaque test non terminé.',
    UNKNOWN_CANDIDATE: 'Un des candidats indiqués n’est pas inscrit à cette session. Rechargez la page.',
    UNKNOWN_QUESTION: 'Cette question n’existe pas dans le test du candidat.',
    JURY_REVIEW_NEEDED:
      'La session a un commentaire ou des signalements à examiner : le jury doit l’examiner avant la publication.',
    SESSION_PUBLISHED: 'Les résultats sont déjà publiés.',
    SESSION_NOT_PROCESSED: 'La session n’est pas encore finalisée : ses résultats ne sont pas calculés.',
    SESSION_NOT_FINALIZED:
      'La session n’est pas encore finalisée : pendant l’épreuve, l’écran surveillant montre ce qui arrive à chaque candidat. Le dossier du test s’ouvre une fois la session finalisée.',
    STATION_IN_USE:
      'Ce poste a un test en cours ou un résultat signé attendu : le révoquer ferait refuser ces résultats. Vérifiez la liste des postes, puis confirmez « Révoquer quand même ».',
    INVIGILATOR_ACCESS_CLOSED:
      'Les résultats de cette session ont été calculés il y a plus de 7 jours : l’écran surveillant est fermé. Les résultats sont dans l’Espace centre de certification : demandez-les au référent Pix du centre.',
    SIGNED_RESULTS_AWAITED:
      'Des postes n’ont pas encore envoyé le résultat signé de leur candidat. Rallumez-les dans la salle, connectés au réseau, puis cliquez sur « Vérifier à nouveau » ; ou publiez sans les attendre.',
    NO_LATE_SIGNED_RESULT:
      'Pas de résultat signé à prendre en compte pour ce candidat : il n’est pas arrivé, ou le résultat le prend déjà en compte. Rechargez la page.',
    ABORT_REASON_NOT_EXPECTED:
      'Ce test n’a pas de raison d’arrêt à donner : il est allé jusqu’au bout, ou sa raison a été donnée à la finalisation. Rechargez la page.',
    NEUTRALIZED_BY_ALERT:
      'Cette question a été neutralisée par une alerte validée par le surveillant pendant le test : le jury ne peut pas annuler cette neutralisation ici. Rien n’a été modifié.',
    NO_CERTIFICATE:
      'Pas de certificat : les résultats ne sont pas publiés, ou le candidat n’est pas certifié.',
    // The jury's decisions after the start.
    CANDIDATE_NOT_STARTED:
      'Le test de ce candidat n’a pas commencé : son identité se corrige dans la liste des candidats de la session. Rien n’a été modifié.',
    IDENTITY_UNCHANGED:
      'Ce sont déjà le nom, le prénom et la date de naissance du candidat : il n’y a rien à corriger.',
    IDENTITY_CHANGED:
      'L’identité de ce candidat a été modifiée entre-temps. Rechargez la page pour la voir, puis corrigez-la si besoin. Rien n’a été modifié.',
    ALREADY_CANCELLED:
      'Le jury a déjà annulé cette certification. Rechargez la page pour voir la décision prise.',
    NOT_CANCELLED:
      'Cette certification n’est pas annulée : il n’y a rien à rétablir. Rechargez la page pour voir son état.',
    RESULT_EMAIL_PENDING:
      'Cet e-mail attend déjà d’être envoyé : il part dès que le serveur de messagerie l’accepte. Actualisez la liste pour voir où il en est.',
  },
  fallback:
    'L’opération n’a pas abouti (code {{code}}). Réessayez ; si cela persiste, contactez le référent Pix ou le support informatique de l’établissement en indiquant ce code.',
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type ServerErrorMessages = Widen<typeof serverErrorsFr>;
export type ServerErrorCode = keyof typeof serverErrorsFr.codes;

export const serverErrorsEn: ServerErrorMessages = {
  codes: {
    NETWORK: 'The certification server does not answer. Check the network connection, then try again.',
    UNEXPECTED_RESPONSE:
      'The server’s answer cannot be read: it may not run the same version as this screen. Reload the page (F5), then try again.',
    INVALID_REQUEST:
      'The server refused this information: a field is missing or not filled in correctly. Check the form, then try again.',
    INVALID_JSON: 'The server could not read what was sent. Reload the page (F5), then try again.',
    PAYLOAD_TOO_LARGE: 'What was sent is too large for the server. Check that you chose the right file.',
    UNSUPPORTED_MEDIA_TYPE: 'This type of file is not accepted here. Check that you chose the right file.',
    NOT_FOUND: 'Not found: this item does not exist any more. Reload the page to see the current state.',
    NO_ROUTE:
      'This address does not exist on the certification server. Check the server’s address, or reload the page.',
    CROSS_SITE_REQUEST:
      'Refused: this change was asked from a page of another site. Open the screen at its usual address, then try again.',
    RATE_LIMITED: 'Too many requests in a short time: wait a minute, then try again.',
    INTERNAL:
      'The server ran into a problem and changed nothing. Try again in a moment; if it happens again, tell the school’s IT support.',
    STORAGE_FULL:
      'The server cannot store anything any more: its disk is full. Nothing was changed, and the candidates’ answers stay on their stations. Tell the school’s IT support, then try again later.',
    STORAGE_BUSY: 'The server is busy and changed nothing. Try again in a few seconds.',
    STORAGE_UNAVAILABLE:
      'The server can no longer read or write its data. Nothing was changed, and the candidates’ answers stay on their stations. Try again in a moment; if it goes on, tell the school’s IT support.',
    NOT_AUTHENTICATED: 'You are not signed in, or your sign-in has ended. Sign in again.',
    SESSION_EXPIRED: 'Your sign-in has expired. Sign in again to continue.',
    PASSWORD_CHANGED:
      "The centre's Pix referent has changed the invigilator password. Log in again with the new password.",
    INVALID_CREDENTIALS: 'Wrong identifier or password. Check them (capital letters too) and try again.',
    ACCOUNT_DEACTIVATED:
      'This account has been deactivated. Ask an administrator of the centre to reactivate it.',
    TOO_MANY_ATTEMPTS:
      'Too many attempts: signing in is blocked for a few minutes to protect the account. Wait, then try again.',
    FORBIDDEN: 'This account is not allowed to do that. Ask an administrator of the centre.',
    EMAIL_TAKEN: 'An account already uses this email address.',
    OWN_ACCOUNT: 'You cannot deactivate your own account.',
    SESSION_CLOSED: 'The session is finalized: it can no longer be changed.',
    SESSION_STARTED:
      'A candidate has already signed in at a station in this session (or it is finalized): it can no longer be deleted.',
    SESSION_NOT_FOUND: 'No session has this number in this centre. Check the number.',
    ALREADY_ENROLLED: 'A candidate with the same names and birthdate is already enrolled in this session.',
    CANDIDATE_STARTED: 'This candidate’s test has started: the enrolment can no longer change.',
    CANDIDATE_JOINED: 'This candidate has already joined on a station: they can no longer be removed.',
    QUESTION_NOT_IN_TEST:
      'This candidate’s test has no question with this number. Check the question number (shown at the top of their screen), then try again.',
    NO_TEST_QUESTIONS:
      'This candidate’s test has no questions yet (it has not started): an E code is about one question. Choose a C code.',
    INVALID_CSV:
      'The candidate file cannot be read: check that it follows the template (columns, “;” separator), then try again.',
    INVALID_PROFILE: 'This candidate’s profile is incomplete or unreadable: import it again.',
    NOT_CERTIFIABLE:
      'This candidate is not certifiable: the profile needs at least 5 competences at level 1 or above.',
    MISSING_CHALLENGES:
      'The challenge bank does not hold enough challenges for this profile. Import a complete bank.',
    INVALID_BANK: 'The challenge bank file is not valid. Fix it, then import it again.',
    HASH_MISMATCH: 'An attachment is not the one the bank expects. Check that you chose the right files.',
    BANK_IMPORT_BUSY:
      'Another challenge bank import is in progress on this server. Wait a minute, then try again.',
    BANK_UPLOAD_TOO_SLOW:
      'The challenge bank file is arriving too slowly: the upload was stopped to let other centres import. Try again from a faster connection, or import the bank in several parts.',
    CONTENT_QUOTA_EXCEEDED:
      'The centre’s files would exceed the space set aside for it on the server: nothing was stored. Ask the server’s administrator to raise it.',
    ENROLLMENT_CODE_INVALID: 'This enrollment code has expired or was already used: create a new one.',
    STATION_ALREADY_ENROLLED: 'This station is already enrolled.',
    STATION_NOT_REVOKED:
      'This station is enrolled and not revoked: it does not need to be enrolled again. Reload the list of stations.',
    STATION_OF_ANOTHER_CENTRE:
      'This station belongs to another centre: it cannot change centre. Enroll it again from its own centre’s “Stations” page.',
    ENROLLMENT_CODE_FOR_ANOTHER_STATION:
      'This code was created to enroll another station again: it enrolls no other station. Ask for a code for this station.',
    STATION_NOT_READY: 'This station is not (or no longer) enrolled: enroll it again with a code.',
    STATION_OFFLINE:
      'This station is not connected to the server: it cannot receive the order. Close it on the spot.',
    BAD_SIGNATURE: 'The station could not prove who it is. Enroll it again.',
    STALE_REQUEST: 'The station’s clock is wrong. Set the station’s date and time, then try again.',
    REPLAYED_REQUEST: 'This request was already received. Try again.',
    WRONG_ACCESS_CODE: 'The access code is not this session’s. Check it on the board.',
    NO_MATCHING_CANDIDATE:
      'No candidate of this session has these names and birthdate. Check them or ask the invigilator.',
    SEVERAL_MATCHING_CANDIDATES:
      'Several candidates have these names and birthdate. The invigilator must check the enrolment.',
    CANDIDATE_ALREADY_STARTED: 'This candidate’s test is over.',
    NOT_JOINED: 'This candidate has not joined the session on a station yet.',
    NOT_STARTED: 'This candidate’s test has not started.',
    ALREADY_STARTED: 'This candidate’s test has already started.',
    STATION_CHANGED:
      'This candidate has just moved to another station: their presence was not confirmed. Check they sit at the station shown, then confirm again.',
    ALREADY_PAUSED: 'This station is already paused.',
    NOT_PAUSED: 'This station is not paused.',
    NOTHING_TO_WITHDRAW: 'Nothing to withdraw: presence was not confirmed.',
    TEST_IN_PROGRESS: 'A test is in progress on this station. End it first.',
    TEST_OVER: 'This candidate’s test is over: this action is no longer possible.',
    NOT_AUTHORIZED: 'The invigilator has not authorized the resume on this station yet.',
    NOT_YOUR_TEST: 'This test goes on at another station.',
    ALERT_ALREADY_DECIDED: 'This alert has already been handled. The room shows the decision taken.',
    REQUEST_ID_REUSED: 'This request was already sent for another action. Close the window and start again.',
    TESTS_STILL_RUNNING:
      'Tests are still running: the session cannot be finalized. First end their test from the room, or wait for them to finish.',
    TESTS_MAYBE_RUNNING:
      'A silent station leaves its candidate time: they may still be working offline. Wait for their station to come back, or confirm their test is over (station switched off, candidate gone).',
    ALERTS_PENDING:
      'Alerts are awaiting a decision: the session cannot be finalized. First decide each of them from the room.',
    BUNDLE_CONFLICT: 'The results received from this station differ from the ones already stored.',
    SERVER_BUSY:
      'The server is receiving many results at once. This station’s are kept and will be sent again automatically in a few seconds.',
    RECORD_CONFLICT: 'The answers received from this station differ from the ones already stored.',
    CHAIN_BROKEN: 'The answers received from this station are incomplete or altered: they were not stored.',
    PACKAGE_MISMATCH: 'The results received do not match the test given to this station.',
    BUNDLE_MISMATCH: 'The results received are about another candidate or another session.',
    BUNDLE_INVALID_PAYLOAD: 'The results received from this station are inconsistent: they were not stored.',
    SESSION_ALREADY_FINALIZED: 'This session is already finalized.',
    ABORT_REASON_REQUIRED: 'Give the reason for every unfinished test.',
    UNKNOWN_CANDIDATE: 'One of these candidates is not enrolled in this session. Reload the page.',
    UNKNOWN_QUESTION: 'This question does not exist in the candidate’s test.',
    JURY_REVIEW_NEEDED:
      'The session has a comment or reports to review: the jury must review it before publication.',
    SESSION_PUBLISHED: 'The results are already published.',
    SESSION_NOT_PROCESSED: 'The session is not finalized yet: its results are not computed.',
    SESSION_NOT_FINALIZED:
      'The session is not finalized yet: during the exam, the invigilator screen shows what happens to each candidate. The test record opens once the session is finalized.',
    STATION_IN_USE:
      'This station has a test in progress or a signed result awaited: revoking it would have those results refused. Check the list of stations, then confirm “Revoke anyway”.',
    INVIGILATOR_ACCESS_CLOSED:
      'The results of this session were calculated more than 7 days ago: the invigilator screen is closed. The results are in the certification centre’s back office: ask the centre’s Pix referent.',
    SIGNED_RESULTS_AWAITED:
      'Some stations have not sent their candidate’s signed result yet. Switch them back on in the room, connected to the network, then click “Check again”; or publish without waiting for them.',
    NO_LATE_SIGNED_RESULT:
      'No signed result to take into account for this candidate: it has not arrived, or the result already includes it. Reload the page.',
    ABORT_REASON_NOT_EXPECTED:
      'This test has no reason for stopping to give: it went to the end, or its reason was given at finalization. Reload the page.',
    NEUTRALIZED_BY_ALERT:
      'This question was neutralized by an alert the invigilator validated during the test: the jury cannot undo this neutralization here. Nothing was changed.',
    NO_CERTIFICATE: 'No certificate: the results are not published, or the candidate is not certified.',
    CANDIDATE_NOT_STARTED:
      'This candidate’s test has not started: their identity is corrected in the session’s list of candidates. Nothing was changed.',
    IDENTITY_UNCHANGED: 'These are already the candidate’s names and birthdate: there is nothing to correct.',
    IDENTITY_CHANGED:
      'This candidate’s identity was changed meanwhile. Reload the page to see it, then correct it if need be. Nothing was changed.',
    ALREADY_CANCELLED:
      'The jury has already cancelled this certification. Reload the page to see the decision.',
    NOT_CANCELLED:
      'This certification is not cancelled: there is nothing to restore. Reload the page to see where it stands.',
    RESULT_EMAIL_PENDING:
      'This e-mail is already waiting to be sent: it goes as soon as the mail server accepts it. Refresh the list to see where it stands.',
  },
  fallback:
    'The operation did not go through (code {{code}}). Try again; if it keeps happening, contact the Pix referent or the school’s IT support and give this code.',
};

export function addServerErrorMessages(i18n: I18n): I18n {
  i18n.addResourceBundle('fr', SERVER_ERRORS_NAMESPACE, serverErrorsFr, true, true);
  i18n.addResourceBundle('en', SERVER_ERRORS_NAMESPACE, serverErrorsEn, true, true);
  return i18n;
}

export function isServerErrorCode(code: string): code is ServerErrorCode {
  return Object.hasOwn(serverErrorsFr.codes, code);
}

/** What a refusal is, as the screens' clients report it: HTTP status (0: unreachable) and code. */
export interface RefusalLike {
  status: number;
  code: string;
}

/** The refusal behind a thrown error: the clients' failures carry status and code; anything else is unexpected. */
export function refusalOf(error: unknown): RefusalLike {
  if (typeof error === 'object' && error !== null && 'status' in error && 'code' in error) {
    const { status, code } = error;
    if (typeof status === 'number' && typeof code === 'string') return { status, code };
  }
  return { status: -1, code: 'UNEXPECTED' };
}

/**
 * The sentence for a refusal in the screen's language: the code's own, or the generic one with the
 * code. The server's English `message` is never shown (it stays in the logs).
 */
export function serverErrorMessage(i18n: I18n, refusal: RefusalLike): string {
  const getFixedT = i18n.getFixedT.bind(i18n) as unknown as (
    language: string,
    namespace: string,
  ) => (key: string, values?: Record<string, unknown>) => string;
  const t = getFixedT(i18n.language, SERVER_ERRORS_NAMESPACE);
  const code = refusal.status === 0 ? 'NETWORK' : refusal.code;
  if (isServerErrorCode(code)) return t(`codes.${code}`);
  // Not a code this screen knows (a newer server, or a non-JSON answer): say so with the code only.
  const shown = /^[A-Z0-9_]{1,40}$/.test(code) ? code : `HTTP_${refusal.status}`;
  return t('fallback', { code: shown });
}
