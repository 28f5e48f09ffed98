// The result e-mail's words (French: the school's language): its subject, a plain-text body and an
// HTML body saying the same. Pure: the mailer gathers the facts at send time (result-email-content.ts),
// so that a message sent after a jury's correction carries the corrected result. The HTML escapes
// every value and loads nothing from outside (no image, no style sheet): mail clients block those.
import { announcedUpdateCauses, type ResultEmailUpdateCause } from '../../core/contracts/result-emails.ts';
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
  /**
   * An update after publication (result-email-updates.ts): why, about its one candidate (named as the
   * results now name them: an identity correction's corrected name). Absent: the publication's message.
   */
  update?: ResultEmailUpdateFacts | null;
}

/** What an update says of its one candidate: why it was queued, and their result as it now reads. */
export interface ResultEmailUpdateFacts {
  /** The changes it carries, in the order they came: several when later ones came while it waited. */
  causes: readonly ResultEmailUpdateCause[];
  firstName: string;
  lastName: string;
  /** Their status now: the cause may no longer hold (cancelled, then restored before the message went). */
  status: CertificationStatus;
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
  return `Résultats de certification Pix — session n° ${sessionNumber}`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function resultEmailUpdateSubject(sessionNumber: number): string {
  return `Résultats mis à jour — session n° ${sessionNumber}`;
}

const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/**
 * Whether the queued cause still describes the result as it now reads: the text is written when the
 * message goes, so a cancellation undone meanwhile (or the reverse) must not be announced as standing.
 */
function causeHolds(cause: ResultEmailUpdateCause, status: CertificationStatus): boolean {
  if (cause === 'cancelled') return status === 'cancelled';
  if (cause === 'restored') return status !== 'cancelled';
  return true;
}

/**
 * Nothing left to announce (a cancellation and its undoing, or a change the result no longer shows):
 * the result as it now reads, without a word that could alarm (« revu par le jury »).
 */
const neutralSentence = (update: ResultEmailUpdateFacts) =>
  `Le résultat de ${fullName(update)} a été mis à jour depuis la publication des résultats.`;

/**
 * What changed, in one sentence naming the candidate. A cancellation says the jury cancelled it and
 * nothing of why: the jury's grounds (a fraud suspected, say) are for the centre, not for a mailbox.
 * `replacesCertificate`: this message carries the candidate's certificate and they had one before.
 */
function causeSentence(
  cause: ResultEmailUpdateCause,
  update: ResultEmailUpdateFacts,
  replacesCertificate: boolean,
): string {
  const name = fullName(update);
  switch (cause) {
    case 'cancelled':
      return `La certification de ${name} a été annulée par le jury : elle ne donne pas de certificat, et un certificat déjà reçu pour elle n’est plus valable.`;
    case 'restored':
      // Only a certified result has a code to keep.
      return update.status === 'validated'
        ? `Le jury a levé l’annulation de la certification de ${name} : son résultat est rétabli, avec le même code de vérification.`
        : `Le jury a levé l’annulation de la certification de ${name} : son résultat est rétabli.`;
    case 'identityCorrected':
      // Any of the three may have changed; a replacement only when there is a certificate to replace.
      return replacesCertificate
        ? `Le jury a corrigé l’identité de ${name} (nom, prénom ou date de naissance). Le certificat joint remplace celui reçu auparavant.`
        : `Le jury a corrigé l’identité de ${name} (nom, prénom ou date de naissance).`;
    case 'resultAdded':
      return `Le résultat de ${name}, arrivé après la publication, est maintenant connu.`;
    case 'resultChanged':
      return `Le résultat de ${name} a été recalculé : les données complètes de son test, reçues après la publication, ont été prises en compte.`;
  }
}

/** One of several changes, under a sentence that names the candidate: the same words, without it. */
function changeLine(
  cause: ResultEmailUpdateCause,
  status: CertificationStatus,
  replacesCertificate: boolean,
) {
  switch (cause) {
    case 'cancelled':
      return 'La certification a été annulée par le jury : elle ne donne pas de certificat, et un certificat déjà reçu pour elle n’est plus valable.';
    case 'restored':
      return status === 'validated'
        ? 'Le jury a levé l’annulation de la certification : le résultat est rétabli, avec le même code de vérification.'
        : 'Le jury a levé l’annulation de la certification : le résultat est rétabli.';
    case 'identityCorrected':
      return replacesCertificate
        ? 'L’identité (nom, prénom ou date de naissance) a été corrigée par le jury : le certificat joint remplace celui reçu auparavant.'
        : 'L’identité (nom, prénom ou date de naissance) a été corrigée par le jury.';
    case 'resultAdded':
      return 'Le résultat, arrivé après la publication, est maintenant connu.';
    case 'resultChanged':
      return 'Le résultat a été recalculé : les données complètes du test, reçues après la publication, ont été prises en compte.';
  }
}

/** What an update says changed: a sentence naming the candidate, then each change when there are several. */
export interface UpdateWording {
  sentence: string;
  changes: string[];
  /** Nothing left to announce (a cancellation and its undoing): the message says the result was updated. */
  neutral: boolean;
}

/**
 * The wording of an update: the changes it carries (one, or several merged while it waited), each said
 * once, in the order they came, a cancellation and its undoing saying nothing (announcedUpdateCauses),
 * nor a cause that no longer holds when it goes; one left: its sentence; several: one line each; none:
 * the neutral sentence (the recipient gets the result as it now reads; whether it differs from what
 * they last read is not known here: a re-scoring under the cancellation queues nothing of its own, so
 * the message goes rather than hide it). The certificate attached replaces one received before only
 * if the recipient had one: not when the result only just arrived, nor when a cancellation was lifted
 * (cancelled at publication, they never had a valid one).
 */
export function updateWording(update: ResultEmailUpdateFacts, certificateAttached: boolean): UpdateWording {
  const said = announcedUpdateCauses(update.causes).filter((cause) => causeHolds(cause, update.status));
  const replacesCertificate =
    certificateAttached && !said.some((cause) => cause === 'resultAdded' || cause === 'restored');
  const [one] = said;
  if (one === undefined) return { sentence: neutralSentence(update), changes: [], neutral: true };
  if (said.length === 1)
    return { sentence: causeSentence(one, update, replacesCertificate), changes: [], neutral: false };
  return {
    sentence: `Plusieurs changements concernent le résultat de ${fullName(update)}${NBSP}:`,
    changes: said.map((cause) => changeLine(cause, update.status, replacesCertificate)),
    neutral: false,
  };
}

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
const WHY_UPDATE =
  'Vous recevez ce message parce que cette adresse a été donnée pour les résultats de ce candidat ' +
  'lors de son inscription à la session.';
const NO_REPLY =
  'Ce message est envoyé automatiquement par le serveur de certification : merci de ne pas y répondre. ' +
  'Pour toute question, adressez-vous au centre de certification.';

export function resultEmailMessage(facts: ResultEmailFacts): ResultEmailMessage {
  const update = facts.update ?? null;
  const subject =
    update === null ? resultEmailSubject(facts.sessionNumber) : resultEmailUpdateSubject(facts.sessionNumber);
  // What changed, then the result as it stands when the message goes (a later change sends its own
  // update). Its certificate goes with it as the composer attaches them: certified, and not too many.
  const changed =
    update === null
      ? null
      : updateWording(update, update.status === 'validated' && facts.certificatesAttached);
  const intro =
    changed === null
      ? `Les résultats de la certification Pix de la session n° ${facts.sessionNumber} sont publiés.`
      : `Un résultat de la certification Pix de la session n° ${facts.sessionNumber} a ${changed.neutral ? 'été mis à jour' : 'changé'} depuis la publication des résultats.`;
  const session = `Session${NBSP}: ${sessionLine(facts)}.`;
  const verify = `${VERIFY}${NBSP}: ${facts.verificationPage}`;
  const why = update === null ? WHY : WHY_UPDATE;
  const now = `Résultat à ce jour${NBSP}:`;

  const lines = ['Bonjour,', '', intro, session, ''];
  if (changed !== null)
    lines.push(changed.sentence, ...changed.changes.map((change) => `- ${change}`), '', now);
  for (const c of facts.candidates) {
    lines.push(`${fullName(c)}${NBSP}: ${outcome(c)}`);
    if (c.verificationCode !== null) {
      lines.push(`  Code de vérification${NBSP}: ${c.verificationCode}`);
      lines.push(`  Vérification${NBSP}: ${verificationLink(facts.verificationPage, c.verificationCode)}`);
    }
  }
  lines.push('', certificatesSentence(facts), verify, '', why, NO_REPLY, '');

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
    ...(changed === null
      ? []
      : [
          `<p><strong>${escapeHtml(changed.sentence)}</strong></p>`,
          ...(changed.changes.length === 0
            ? []
            : [`<ul>${changed.changes.map((change) => `<li>${escapeHtml(change)}</li>`).join('')}</ul>`]),
          `<p>${escapeHtml(now)}</p>`,
        ]),
    '<table style="border-collapse:collapse">',
    '<thead><tr>' +
      ['Candidat', 'Statut', 'Score Pix', 'Code de vérification']
        .map((h) => `<th scope="col" style="text-align:left;padding:4px 12px 4px 0">${h}</th>`)
        .join('') +
      '</tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    `<p>${escapeHtml(certificatesSentence(facts))}<br>${page}</p>`,
    `<p style="color:#555566;font-size:90%">${escapeHtml(why)}<br>${escapeHtml(NO_REPLY)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text: lines.join('\n'), html };
}
