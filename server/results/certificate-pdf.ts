// The printable certificate (PDF, A4) with the verification code anyone can check on the public page.
import PDFDocument from 'pdfkit';
import type { Certificate } from '../../core/contracts/public-api.ts';

const LEVEL_BANDS = [
  '',
  'Novice',
  'Novice',
  'Indépendant',
  'Indépendant',
  'Avancé',
  'Avancé',
  'Expert',
  'Expert',
];

function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function certificatePdf(certificate: Certificate, verificationUrl: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `Certificat Pix — ${certificate.firstName} ${certificate.lastName}`,
        Author: 'Pix',
        Subject: `Pix certificate, verification code ${certificate.verificationCode}`,
        CreationDate: new Date(certificate.publishedAt),
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc
      .font('Helvetica-Bold')
      .fontSize(22)
      .text('Certificat de compétences numériques Pix', { align: 'center' });
    doc.moveDown(1.2);
    doc.font('Helvetica').fontSize(12).text('Délivré à', { align: 'center' });
    doc
      .font('Helvetica-Bold')
      .fontSize(18)
      .text(`${certificate.firstName} ${certificate.lastName}`, { align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(`né·e le ${frenchDate(certificate.birthdate)}`, { align: 'center' });
    doc.moveDown(0.8);
    doc.text(`Session du ${frenchDate(certificate.sessionDate)} — ${certificate.centreName}`, {
      align: 'center',
    });
    doc.moveDown(1.2);
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(`Score certifié : ${certificate.pixScore} Pix`, { align: 'center' });
    doc.moveDown(1.2);

    doc.font('Helvetica-Bold').fontSize(12).text('Compétences certifiées', { underline: false });
    doc.moveDown(0.4);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    for (const c of certificate.competences) {
      const y = doc.y;
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .text(`${c.code}  ${c.label}`, left, y, { width: width - 150 });
      const level = c.level > 0 ? `niveau ${c.level} (${LEVEL_BANDS[c.level] ?? ''})` : 'non certifiée';
      doc.text(level, left + width - 140, y, { width: 140, align: 'right' });
      doc.moveDown(0.35);
    }
    doc.moveDown(1);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#333333')
      .text(
        `Niveaux ouverts à la certification : 1 à ${certificate.maxReachableLevel}. ` +
          'Le score et les niveaux sont calculés selon les règles publiques de la certification Pix.',
        left,
        doc.y,
        { width },
      );
    doc.moveDown(1.5);
    doc
      .fillColor('#000000')
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(`Code de vérification : ${certificate.verificationCode}`, {
        align: 'center',
      });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Vérifiez ce certificat sur ${verificationUrl}`, { align: 'center' });
    doc.end();
  });
}
