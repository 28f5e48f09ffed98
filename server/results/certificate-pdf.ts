// The printable certificate (PDF, one A4 page) with the verification code anyone can check: the printed
// address (and a link on it) opens the public page with the code already filled in and checked.
// Fonts are embedded (DejaVu Sans, subset by pdfkit): the 14 standard PDF fonts only know Windows-1252,
// so a name such as "Çağla Łucja" came out garbled.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Certificate } from '../../core/contracts/public-api.ts';
import { COMPETENCES, DOMAINS, LEVEL_BAND_LABELS, levelBand } from '../../core/framework/crcn.ts';

const FONT = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('./fonts/DejaVuSans-Bold.ttf', import.meta.url));

const INK = '#1a1a2e';
const MUTED = '#555566';
const ACCENT = '#253858';
const LINK = '#1f4fbf';
const RULE = '#c9cfdb';

/** French typography: a non-breaking space before « : », curly apostrophes. */
export function frenchText(text: string): string {
  return text.replace(/'/g, '’').replace(/ ([:;!?»])/g, '\u00a0$1');
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "2026-12-08" (or an ISO date-time, read in Paris time) → "8 décembre 2026" ("1er" on the first). */
export function frenchLongDate(value: string): string {
  let ymd = value.slice(0, 10);
  if (value.length > 10) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
    }
  }
  const [y, m, d] = ymd.split('-').map(Number);
  if (!y || !m || !d || m > 12) return value;
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/** The public page's address for this code (the page checks it as soon as it opens). */
export function verificationLink(verificationPage: string, code: string): string {
  const base = verificationPage.endsWith('/') ? verificationPage : `${verificationPage}/`;
  return `${base}${encodeURIComponent(code)}`;
}

function levelText(level: number): string {
  const band = levelBand(level);
  return band ? `Niveau ${level} · ${LEVEL_BAND_LABELS[band].fr}` : 'Non certifiée';
}

export interface CertificatePdfOptions {
  /** The public verification page, e.g. `https://pix.example.fr/verification/`. */
  verificationPage: string;
}

export function certificatePdf(certificate: Certificate, options: CertificatePdfOptions): Promise<Buffer> {
  const holder = holderName(certificate);
  return certificatesPdf([certificate], options, {
    title: `Certificat Pix — ${holder}`,
    subject: `Certificat Pix, code de vérification ${certificate.verificationCode}`,
    createdAt: certificate.publishedAt,
  });
}

/**
 * Several certificates in one file, one A4 page each (a session's, to print at once), in the order
 * given; each page is the one the candidate's own file has.
 */
export function certificatesPdf(
  certificates: readonly Certificate[],
  options: CertificatePdfOptions,
  info: { title: string; subject: string; createdAt: string },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 48, bottom: 40, left: 56, right: 56 },
      lang: 'fr-FR',
      displayTitle: true,
      autoFirstPage: false,
      info: {
        Title: info.title,
        Author: 'Pix',
        Subject: info.subject,
        CreationDate: new Date(info.createdAt),
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONT);
    doc.registerFont('bold', FONT_BOLD);
    for (const certificate of certificates) {
      doc.addPage();
      drawCertificate(
        doc,
        certificate,
        verificationLink(options.verificationPage, certificate.verificationCode),
      );
    }
    doc.end();
  });
}

function holderName(certificate: Certificate): string {
  return `${certificate.firstName} ${certificate.lastName.toLocaleUpperCase('fr-FR')}`;
}

/** One certificate on the current page. */
function drawCertificate(doc: PDFKit.PDFDocument, certificate: Certificate, link: string): void {
  const holder = holderName(certificate);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const centred = { width, align: 'center' as const };

  // Head: a band in the accent colour, the title, who it is for.
  doc.rect(0, 0, doc.page.width, 12).fill(ACCENT);
  doc.fillColor(ACCENT).font('bold').fontSize(11).text('CERTIFICATION PIX', left, 36, centred);
  doc.moveDown(0.3);
  doc.fillColor(INK).font('bold').fontSize(20).text('Certificat de compétences numériques', centred);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text('Cadre de référence des compétences numériques (CRCN)', centred);
  doc.moveDown(1.2);
  doc.fillColor(INK).font('regular').fontSize(11).text('Délivré à', centred);
  // A long name shrinks to stay on one line (down to 12 pt), then wraps.
  let nameSize = 20;
  doc.font('bold');
  while (nameSize > 12 && doc.fontSize(nameSize).widthOfString(holder) > width) nameSize -= 1;
  doc.fontSize(nameSize).text(holder, centred);
  doc.moveDown(0.2);
  doc
    .font('regular')
    .fontSize(11)
    .text(frenchText(`Date de naissance : ${frenchLongDate(certificate.birthdate)}`), centred);
  doc.moveDown(1);

  // The session's facts, label and value on each line.
  const facts: Array<[string, string]> = [
    ['Centre de certification', certificate.centreName],
    ['Date de la session', frenchLongDate(certificate.sessionDate)],
    ['Date de publication', frenchLongDate(certificate.publishedAt)],
  ];
  const labelWidth = 170;
  for (const [label, value] of facts) {
    const y = doc.y;
    doc
      .font('regular')
      .fontSize(10.5)
      .fillColor(MUTED)
      .text(frenchText(`${label} :`), left, y, { width: labelWidth });
    doc
      .font('bold')
      .fillColor(INK)
      .text(value, left + labelWidth, y, { width: width - labelWidth });
    doc.moveDown(0.25);
  }
  doc.moveDown(0.6);

  // The certified score, framed.
  const scoreTop = doc.y;
  doc.roundedRect(left, scoreTop, width, 46, 6).lineWidth(1).strokeColor(RULE).stroke();
  doc
    .font('regular')
    .fontSize(11)
    .fillColor(MUTED)
    .text('Score Pix certifié', left + 16, scoreTop + 16, { width: 200 });
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(INK)
    .text(frenchText(`${certificate.pixScore} Pix`), left, scoreTop + 9, {
      width: width - 16,
      align: 'right',
    });
  doc.y = scoreTop + 46 + 14;

  // Every competence of the framework, grouped by domain (as on the public page); the ones not
  // certified say so instead of being left out.
  doc.font('bold').fontSize(12).fillColor(INK).text('Niveaux certifiés par compétence', left, doc.y);
  doc.moveDown(0.3);
  const levels = new Map(certificate.competences.map((c) => [c.code, c.level]));
  const codeWidth = 28;
  const levelWidth = 150;
  const labelColumn = width - codeWidth - levelWidth - 8;
  for (const domain of DOMAINS) {
    doc.moveDown(0.25);
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(ACCENT)
      .text(`${domain.code}. ${domain.label.fr}`.toLocaleUpperCase('fr-FR'), left, doc.y, {
        width,
        characterSpacing: 0.3,
      });
    const underline = doc.y + 1;
    doc
      .moveTo(left, underline)
      .lineTo(left + width, underline)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = underline + 3;
    for (const competence of COMPETENCES.filter((c) => c.domain === domain.code)) {
      const level = levels.get(competence.code) ?? 0;
      const colour = level > 0 ? INK : MUTED;
      const y = doc.y;
      doc.font('regular').fontSize(10).fillColor(colour);
      doc.text(competence.code, left, y, { width: codeWidth });
      const label = frenchText(competence.label.fr);
      doc.text(label, left + codeWidth, y, { width: labelColumn });
      const labelBottom = doc.y;
      doc
        .font(level > 0 ? 'bold' : 'regular')
        .text(levelText(level), left + width - levelWidth, y, { width: levelWidth, align: 'right' });
      doc.y = Math.max(labelBottom, doc.y) + 2;
    }
  }
  doc.moveDown(0.6);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      frenchText(
        `Niveaux 1 et 2 : Novice ; 3 et 4 : Indépendant ; 5 et 6 : Avancé ; 7 et 8 : Expert. ` +
          `Niveaux ouverts à la certification : 1 à ${certificate.maxReachableLevel}. ` +
          'Le score et les niveaux sont calculés selon les règles publiques de la certification Pix.',
      ),
      left,
      doc.y,
      { width },
    );

  // The verification code, framed at the foot of the page, and the link that checks it.
  const boxHeight = 84;
  const boxTop = doc.page.height - doc.page.margins.bottom - boxHeight;
  doc.roundedRect(left, boxTop, width, boxHeight, 6).lineWidth(1.5).strokeColor(ACCENT).stroke();
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text('Code de vérification', left, boxTop + 12, centred);
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(INK)
    .text(certificate.verificationCode, left, boxTop + 26, { ...centred, characterSpacing: 2 });
  const invitation = frenchText('Vérifiez ce certificat : ');
  doc.font('regular').fontSize(9.5);
  const invitationWidth = doc.widthOfString(invitation);
  const linkWidth = doc.widthOfString(link);
  const lineLeft = left + Math.max(0, (width - invitationWidth - linkWidth) / 2);
  doc.fillColor(MUTED).text(invitation, lineLeft, boxTop + 58, { continued: true, lineBreak: false });
  doc.fillColor(LINK).text(link, { link, underline: true, lineBreak: false });
  // The whole box opens the page too (a bigger target than the printed address).
  doc.link(left, boxTop, width, boxHeight, link);
}
