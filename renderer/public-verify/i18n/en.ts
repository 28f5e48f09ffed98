// English: the same messages as French (the type makes sure none is missing).
import type { fr } from './fr.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

export const en: Widen<typeof fr> = {
  brand: 'Pix certification',
  title: 'Check a Pix certificate',
  intro:
    'Each Pix certificate carries a verification code: P- then 8 characters. Type it in to check that the certificate is genuine and to see the certified results.',
  code: 'Verification code',
  codeHint: 'For example P-BCDF2346, as printed on the certificate. Lower case and spaces are fine.',
  submit: 'Check',
  checking: 'Checking…',
  validTitle: 'Genuine certificate',
  valid: 'This certificate was indeed issued. Here is what it certifies.',
  holder: 'Holder',
  born: 'Born on',
  centre: 'Certification centre',
  sessionDate: 'Session date',
  score: 'Certified Pix score',
  scoreValue: '{{score}} Pix',
  published: 'Results published on',
  competencesTitle: 'Level certified per competence',
  competence: 'Competence',
  level: 'Level',
  notCertified: 'not certified',
  maxLevel: 'Levels 1 to {{level}} are open to this certification.',
  another: 'Check another code',
  cancelledTitle: 'Certificate cancelled by the jury',
  cancelled:
    'The certificate with code {{code}} was cancelled by the certification jury on {{date}}: it is not valid and certifies no result.',
  cancelledNext:
    'A holder who thinks this is a mistake can contact the certification centre that ran their session.',
  outcome: {
    notFound: 'No certificate found for this code',
    format: 'This code does not have the right format',
    unavailable: 'The check could not be done',
  },
  errors: {
    format:
      'This code does not have the right format: P- then 8 different characters, among the digits 2 3 4 6 7 8 9 and the letters B C D F G H J K M P Q R T V W X Y. Check each character.',
    notFound:
      'No published certificate matches the code {{code}}. Check each character (there is no 0, 1, 5 nor vowel). A certificate can be checked only once the results of its session are published.',
    rateLimited: 'Too many checks in a short time: wait a minute, then try again.',
    network: 'The server does not answer. Check your connection, then try again.',
    other: 'The check could not be done ({{message}}). Try again in a moment.',
    unreadable: 'unreadable answer',
  },
};
