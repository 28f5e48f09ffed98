// French, the page's default language. Anyone may land here (an employer, a parent, a school): the
// page says what a verification code is and what each answer means.
export const fr = {
  brand: 'Certification Pix',
  title: 'Vérifier un certificat Pix',
  intro:
    'Chaque certificat Pix porte un code de vérification : P- suivi de 8 caractères. Saisissez-le pour vérifier que le certificat est authentique et voir les résultats certifiés.',
  code: 'Code de vérification',
  codeHint:
    'Par exemple P-BCDF2346, tel qu’il est imprimé sur le certificat. Minuscules et espaces acceptés.',
  submit: 'Vérifier',
  checking: 'Vérification…',
  validTitle: 'Certificat authentique',
  valid: 'Ce certificat a bien été délivré. Voici ce qu’il certifie.',
  holder: 'Titulaire',
  born: 'Né(e) le',
  centre: 'Centre de certification',
  sessionDate: 'Date de la session',
  score: 'Score Pix certifié',
  scoreValue: '{{score}} Pix',
  published: 'Résultats publiés le',
  competencesTitle: 'Niveau certifié par compétence',
  competence: 'Compétence',
  level: 'Niveau',
  notCertified: 'non certifiée',
  maxLevel: 'Les niveaux 1 à {{level}} sont ouverts à cette certification.',
  another: 'Vérifier un autre code',
  cancelledTitle: 'Certificat annulé par le jury',
  cancelled:
    'Le certificat au code {{code}} a été annulé par le jury de certification le {{date}} : il n’est pas valide et ne certifie aucun résultat.',
  cancelledNext:
    'Le titulaire qui pense qu’il s’agit d’une erreur peut s’adresser au centre de certification qui a organisé sa session.',
  outcome: {
    notFound: 'Aucun certificat trouvé pour ce code',
    format: 'Ce code n’a pas le bon format',
    unavailable: 'La vérification n’a pas pu se faire',
  },
  errors: {
    format:
      'Ce code n’a pas le bon format : P- puis 8 caractères différents, parmi les chiffres 2 3 4 6 7 8 9 et les lettres B C D F G H J K M P Q R T V W X Y. Vérifiez chaque caractère.',
    notFound:
      'Aucun certificat publié ne correspond au code {{code}}. Vérifiez chaque caractère (il n’y a ni 0, ni 1, ni 5, ni voyelle). Un certificat n’est vérifiable qu’après la publication des résultats de sa session.',
    rateLimited: 'Trop de vérifications en peu de temps : patientez une minute, puis réessayez.',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
    other: 'La vérification n’a pas pu se faire ({{message}}). Réessayez dans un moment.',
    unreadable: 'réponse illisible',
  },
};
