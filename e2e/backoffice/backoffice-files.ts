// The files a referent brings to the back office in the scenario: the class list (CSV, with good and
// bad lines), the Pix profiles (a session file, with one person who is not enrolled), the challenge
// bank (the tests' bank, and a copy with a broken challenge) and the bank's attachment files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT, E2E_BANK, FILES } from '../fixtures/e2e-bank.ts';
import { E2E_CANDIDATES, HUGO, INES, LEA, TOM } from '../fixtures/e2e-candidates.ts';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Header = line 1; lines 2–5 are good (Léa, Hugo +30 %, Inès with the adjustment, Tom), 6–9 are not. */
export const CLASS_LIST_LINES = [
  'Nom;Prénom;Sexe;Date de naissance;Code INSEE;Temps majoré (%);Aménagement;Classe',
  'Martin;Léa;F;02/04/2011;69123;0;non;3e A',
  'Bernard;Hugo;M;23/11/2010;69123;30;non;3e A',
  'Dubois;Inès;F;14/07/2011;69123;0;oui;3e B',
  'Petit;Tom;M;09/01/2011;69123;0;non;3e B',
  'Moreau;Jade;F;31/02/2011;69123;0;non;3e A',
  'Robert;Adam;X;05/05/2011;69123;0;non;3e B',
  'Martin;Léa;F;02/04/2011;69123;0;non;3e A',
  'Leroy;;F;10/10/2011;69123;0;non;3e B',
];

export function classList(): UploadFile {
  // As Excel writes "CSV UTF-8": a byte-order mark and Windows line ends.
  return {
    name: 'liste-3e.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${CLASS_LIST_LINES.join('\r\n')}\r\n`, 'utf8'),
  };
}

export function profilesFile(): UploadFile {
  const candidates = [LEA, HUGO, INES, TOM].map((c) => ({
    lastName: c.lastName,
    firstName: c.firstName,
    birthdate: c.birthdate,
    sex: c.sex,
    profile: c.profile,
  }));
  const unknown = { ...candidates[0], lastName: 'Garnier', firstName: 'Nina', birthdate: '2011-03-03' };
  return {
    name: 'profils-pix.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ centre: { name: 'Collège Jean Moulin' }, candidates: [...candidates, unknown] }),
    ),
  };
}

export function bankFile(): UploadFile {
  return { name: 'banque.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(E2E_BANK)) };
}

/** The same bank with one challenge whose type does not exist: the server refuses it all. */
export function brokenBankFile(): UploadFile {
  const broken = E2E_BANK.map((c, i) => (i === 3 ? { ...c, type: 'QCX' } : c));
  return {
    name: 'banque-cassee.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  };
}

export function bankAttachments(): UploadFile[] {
  return Object.values(CONTENT).map((file) => ({
    name: file.fileName,
    mimeType: file.mediaType,
    buffer: readFileSync(path.join(FILES, file.fileName)),
  }));
}

export const BROKEN_CHALLENGE_ID = E2E_BANK[3]?.id ?? '';
export { E2E_CANDIDATES, HUGO, INES, LEA, TOM };
