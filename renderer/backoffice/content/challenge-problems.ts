// A bank file checked in the browser before it is sent, with the same schema as the server's
// (core/challenge/challenge.ts), so that the referent reads each problem in the screen's language:
// zod's own messages through its French or English locale, and core's messages (written in English
// for the server's API) through the table below. The server checks the file again; what it alone
// can see (the bank already stored, the files) comes back as data, worded here by bank-problems.ts.
import { z } from 'zod';
import { ChallengeSchema } from '../../../core/challenge/challenge.ts';
import type { Language } from '../../shared/i18n/i18n.ts';

export interface ChallengeProblem {
  /** The challenge's place in the file, from 1 as people count. */
  number: number;
  /** Its id when it has one ("" otherwise). */
  id: string;
  /** The field at fault ("solution.value"), "" for the challenge as a whole. */
  field: string;
  message: string;
}

type Rule = readonly [RegExp, (match: RegExpExecArray) => string];

/** Core's messages in French (the English ones are shown as they are). */
const FRENCH: readonly Rule[] = [
  [
    /^must be 1 to 64 letters, digits, "_" or "-"$/,
    () => 'doit faire de 1 à 64 lettres, chiffres, « _ » ou « - »',
  ],
  [
    /^must be a SHA-256 hash in lower-case hex$/,
    () => 'doit être une empreinte SHA-256 en hexadécimal minuscule',
  ],
  [/^must be a file name, without a folder$/, () => 'doit être un nom de fichier, sans dossier'],
  [
    /^must be a media type such as application\/pdf$/,
    () => 'doit être un type de fichier (media type) comme application/pdf',
  ],
  [/^must be an image media type$/, () => 'doit être un type d’image (image/png, image/jpeg…)'],
  [/^an illustration needs an alternative text$/, () => 'une illustration doit avoir un texte alternatif'],
  [/^must be an http\(s\) address$/, () => 'doit être une adresse http(s)'],
  [
    /^an embedded simulator needs a title \(read by screen readers\)$/,
    () => 'un simulateur intégré doit avoir un titre (lu par les lecteurs d’écran)',
  ],
  [
    /^must be a field name \(letters, digits, "_", "-"\)$/,
    () => 'doit être un nom de champ (lettres, chiffres, « _ », « - »)',
  ],
  [/^a select needs at least two options$/, () => 'une liste déroulante doit avoir au moins deux options'],
  [
    /^must be a short choice id such as 1 or 2$/,
    () => 'doit être un identifiant de choix court, comme 1 ou 2',
  ],
  [/^a choice needs a text$/, () => 'un choix doit avoir un texte'],
  [/^a challenge needs an instruction$/, () => 'une épreuve doit avoir une consigne'],
  [/^a (\S+) needs at least two choices$/, (m) => `une ${m[1]} doit avoir au moins deux choix`],
  [/^choice ids must be distinct$/, () => 'les identifiants des choix doivent être tous différents'],
  [/^a (\S+) has choices, not fields$/, (m) => `une ${m[1]} a des choix, pas des champs`],
  [/^a (\S+) needs at least one field$/, (m) => `une ${m[1]} doit avoir au moins un champ`],
  [/^a QROC has exactly one field$/, () => 'une QROC a exactement un champ'],
  [/^a (\S+) needs at least two fields$/, (m) => `une ${m[1]} doit avoir au moins deux champs`],
  [/^field names must be distinct$/, () => 'les noms des champs doivent être tous différents'],
  [/^a (\S+) has fields, not choices$/, (m) => `une ${m[1]} a des champs, pas des choix`],
  [
    /^a (\S+) needs proposals with \$\{field\} placeholders$/,
    (m) => `une ${m[1]} doit avoir un texte « proposals » avec des emplacements \${champ}`,
  ],
  [
    /^the proposals must place the field "(.*)" exactly once as \$\{(.*)\}$/,
    (m) =>
      `le texte « proposals » doit placer le champ « ${m[1]} » une seule fois, sous la forme \${${m[2]}}`,
  ],
  [
    /^the placeholder \$\{(.*)\} has no field$/,
    (m) => `l’emplacement \${${m[1]}} ne correspond à aucun champ`,
  ],
  [/^needs at least one accepted answer$/, () => 'il faut au moins une réponse acceptée'],
  [
    /^the solution is for a (\S+) but the challenge is a (\S+)$/,
    (m) => `la solution est celle d’une ${m[1]}, mais l’épreuve est une ${m[2]}`,
  ],
  [/^"(.*)" is not one of the choices$/, (m) => `« ${m[1]} » n’est pas l’un des choix`],
  [/^the field "(.*)" has no accepted answers$/, (m) => `le champ « ${m[1]} » n’a aucune réponse acceptée`],
  [/^"(.*)" is not a field of the challenge$/, (m) => `« ${m[1]} » n’est pas un champ de l’épreuve`],
  [
    /^a QROCM-dep needs at least as many accepted answers as fields$/,
    () => 'une QROCM-dep doit avoir au moins autant de réponses acceptées que de champs',
  ],
  [
    /^must be a CRCN competence code \((.*)\)$/,
    (m) => `doit être un code de compétence du CRCN (${m[1] ?? ''})`,
  ],
  [
    /^must be a skill name such as @rechercheWeb3 \(@ \+ tube \+ difficulty 1 to 8\)$/,
    () => 'doit être un acquis comme @rechercheWeb3 (@ + tube + niveau de 1 à 8)',
  ],
];

/** One of core's messages in the screen's language (unknown messages as they are). */
export function challengeMessage(message: string, language: Language): string {
  if (language !== 'fr') return message;
  for (const [pattern, french] of FRENCH) {
    const match = pattern.exec(message);
    if (match) return french(match);
  }
  return message;
}

const LOCALES = { fr: z.locales.fr, en: z.locales.en } as const;

/** Every problem of every challenge in the file, in the screen's language (empty: all valid). */
export function challengeProblems(challenges: readonly unknown[], language: Language): ChallengeProblem[] {
  const { localeError } = LOCALES[language]();
  const problems: ChallengeProblem[] = [];
  challenges.forEach((raw, index) => {
    const parsed = ChallengeSchema.safeParse(raw, { error: localeError });
    if (parsed.success) return;
    const id =
      typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : '';
    for (const issue of parsed.error.issues) {
      problems.push({
        number: index + 1,
        id,
        field: issue.path.map(String).join('.'),
        message: challengeMessage(issue.message, language),
      });
    }
  });
  return problems;
}
