// The result e-mail's words (French: the school's language): its subject, a plain-text body and an
// HTML body saying the same. Pure: the mailer gathers the facts at send time (result-email-content.ts),
// so that a message sent after a jury's correction carries the corrected result. The HTML escapes
// every value and loads nothing from outside (no image, no style sheet): mail clients block those.
import type { CertificationStatus } from '../../core/scoring/certification-score.ts';
import { frenchLongDate, verificationLink } from '../results/certificate-pdf.ts';

export interface ResultEmailCandidate {
  firstName: string;
  lastName: string;
  status: CertificationStatus;
  pixScore: number;
  /** Only for a certificate anyone can check (a certified candidate's); null otherwise. */
  verificationCode: string | null;
}

export interface ResultEmailFacts {
  sessionNumber: number;
  /** YYYY-MM-DD and HH:MM, as the session was planned. */
  date: string;
  time: string;
  centre: string;
  /** In the message's order. */
  candidates: readonly ResultEmailCandidate[];
  /** The public verification page (`https://…/verification/`), as certificates print it. */
  verificationPage: string;
  /** False past MAX_ATTACHED_CERTIFICATES: the message would outgrow what mail servers accept. */
  certificatesAttached: boolean;
}

/**
 * Certificates attached to one message at most (about 60 KB each as PDF, a third more once encoded):
 * a school's address given for a whole year group would otherwise make a message mail servers refuse
 * for its size (often 10 to 25 MB), and nobody would get the results.
 */
export const MAX_ATTACHED_CERTIFICATES = 40;

export interface ResultEmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** No line break before « : » (French typography). */
const NBSP = '\u00a0';

export const STATUS_WORDS: Readonly<Record<CertificationStatus, string>> = {
  validated: 'certifié',
  rejected: 'non certifié',
  cancelled: 'certification annulée',
};

export function resultEmailSubject(sessionNumber: number): string {
  return `Résultats de certification Pix — session N° ${sessionNumber}`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const fullName = (c: ResultEmailCandidate) => `${c.firstName} ${c.lastName}`;

/** « certifié, 312 Pix »; a cancelled certification has no score to give. */
function outcome(c: ResultEmailCandidate): string {
  return c.status === 'cancelled' ? STATUS_WORDS.cancelled : `${STATUS_WORDS[c.status]}, ${c.pixScore} Pix`;
}

function sessionLine(facts: ResultEmailFacts): string {
  const centre = facts.centre.trim() === '' ? '' : `, ${facts.centre}`;
  return `${frenchLongDate(facts.date)} à ${facts.time}${centre}`;
}

function certificatesSentence(facts: ResultEmailFacts): string {
  const certified = facts.candidates.filter((c) => c.verificationCode !== null).length;
  if (certified === 0) return 'Aucun candidat de ce message n’est certifié : aucun certificat n’est joint.';
  if (!facts.certificatesAttached)
    return `Les certificats des ${certified} candidats certifiés, trop nombreux pour un seul message, ne sont pas joints : le centre de certification les imprime depuis son espace (un PDF par candidat, ou tous en un seul fichier).`;
  return certified === 1
    ? 'Le certificat du candidat certifié est joint à ce message (PDF).'
    : `Les certificats des ${certified} candidats certifiés sont joints à ce message (un PDF chacun).`;
}

const VERIFY =
  'Toute personne à qui un certificat est présenté peut le vérifier avec son code de vérification';
const WHY =
  'Vous recevez ce message parce que cette adresse a été donnée pour les résultats de ces candidats ' +
  'lors de leur inscription à la session.';
const NO_REPLY =
  'Ce message est envoyé automatiquement par le serveur de certification : merci de ne pas y répondre. ' +
  'Pour toute question, adressez-vous au centre de certification.';

export function resultEmailMessage(facts: ResultEmailFacts): ResultEmailMessage {
  const subject = resultEmailSubject(facts.sessionNumber);
  const intro = `Les résultats de la certification Pix de la session N° ${facts.sessionNumber} sont publiés.`;
  const session = `Session${NBSP}: ${sessionLine(facts)}.`;
  const verify = `${VERIFY}${NBSP}: ${facts.verificationPage}`;

  const lines = ['Bonjour,', '', intro, session, ''];
  for (const c of facts.candidates) {
    lines.push(`${fullName(c)}${NBSP}: ${outcome(c)}`);
    if (c.verificationCode !== null) {
      lines.push(`  Code de vérification${NBSP}: ${c.verificationCode}`);
      lines.push(`  Vérification${NBSP}: ${verificationLink(facts.verificationPage, c.verificationCode)}`);
    }
  }
  lines.push('', certificatesSentence(facts), verify, '', WHY, NO_REPLY, '');

  const rows = facts.candidates.map((c) => {
    const code =
      c.verificationCode === null
        ? '—'
        : `<a href="${escapeHtml(verificationLink(facts.verificationPage, c.verificationCode))}">${escapeHtml(c.verificationCode)}</a>`;
    return (
      `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0">${escapeHtml(fullName(c))}</th>` +
      `<td style="padding:4px 12px 4px 0">${escapeHtml(STATUS_WORDS[c.status])}</td>` +
      `<td style="padding:4px 12px 4px 0;text-align:right">${c.status === 'cancelled' ? '—' : c.pixScore}</td>` +
      `<td style="padding:4px 0">${code}</td></tr>`
    );
  });
  const page = `${escapeHtml(VERIFY)}${NBSP}: <a href="${escapeHtml(facts.verificationPage)}">${escapeHtml(facts.verificationPage)}</a>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a2e;line-height:1.4">',
    '<p>Bonjour,</p>',
    `<p>${escapeHtml(intro)}<br>${escapeHtml(session)}</p>`,
    '<table style="border-collapse:collapse">',
    '<thead><tr>' +
      ['Candidat', 'Statut', 'Score Pix', 'Code de vérification']
        .map((h) => `<th scope="col" style="text-align:left;padding:4px 12px 4px 0">${h}</th>`)
        .join('') +
      '</tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    `<p>${escapeHtml(certificatesSentence(facts))}<br>${page}</p>`,
    `<p style="color:#555566;font-size:90%">${escapeHtml(WHY)}<br>${escapeHtml(NO_REPLY)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text: lines.join('\n'), html };
}
