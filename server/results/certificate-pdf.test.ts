// The certificate as printed: read back with PDF.js (text, pages, links), as a reader's viewer does.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../core/contracts/public-api.ts';
import { COMPETENCE_CODES } from '../../core/framework/crcn.ts';
import {
  certificatePdf,
  certificatesPdf,
  frenchLongDate,
  frenchText,
  verificationLink,
} from './certificate-pdf.ts';
import { competenceLabel } from './results-view.ts';

const LEVELS = [3, 2, 4, 1, 0, 3, 2, 5, 1, 2, 0, 3, 2, 1, 4, 2];

function certificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    verificationCode: 'P-BCDF2346',
    firstName: 'Léa',
    lastName: 'Martin',
    birthdate: '2010-03-07',
    centreName: 'Collège Jean Moulin',
    sessionDate: '2026-12-08',
    pixScore: 280,
    maxReachableLevel: 5,
    competences: COMPETENCE_CODES.map((code, i) => ({
      code,
      label: competenceLabel(code),
      level: LEVELS[i] ?? 0,
      pix: (LEVELS[i] ?? 0) * 8 + 3,
    })),
    publishedAt: '2026-12-15T09:30:00.000Z',
    ...overrides,
  };
}

interface ReadBack {
  pages: number;
  /** Each line of text as a viewer shows it (items on one baseline joined, spaces normalised). */
  lines: string[];
  text: string;
  links: string[];
  subject: string;
}

async function readBack(pdf: Buffer): Promise<ReadBack> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: string[] = [];
  const links: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const byBaseline = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5] as number);
      const row = byBaseline.get(y) ?? [];
      row.push({ x: item.transform[4] as number, str: item.str });
      byBaseline.set(y, row);
    }
    for (const [, row] of [...byBaseline].sort(([a], [b]) => b - a)) {
      const line = row
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (line) lines.push(line);
    }
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === 'Link' && typeof annotation.url === 'string') links.push(annotation.url);
    }
  }
  const { info } = (await doc.getMetadata()) as { info: { Subject?: string } };
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, lines, text: lines.join('\n'), links, subject: info.Subject ?? '' };
}

const PAGE = { verificationPage: 'https://pix.example.fr/verification/' };

describe('the certificate PDF', () => {
  it('fits one A4 page and says who, where, when, the score and every competence’s level in French', async () => {
    const read = await readBack(await certificatePdf(certificate(), PAGE));
    expect(read.pages).toBe(1);
    expect(read.lines).toContain('Certificat de compétences numériques');
    expect(read.lines).toContain('Léa MARTIN');
    expect(read.lines).toContain('Date de naissance : 7 mars 2010');
    expect(read.text).toContain('Centre de certification : Collège Jean Moulin');
    expect(read.text).toContain('Date de la session : 8 décembre 2026');
    expect(read.text).toContain('Date de publication : 15 décembre 2026');
    expect(read.lines).toContain('Score Pix certifié');
    expect(read.lines).toContain('280 Pix');
    expect(read.lines).toContain(
      '1.1 Mener une recherche et une veille d’information Niveau 3 · Indépendant',
    );
    expect(read.lines).toContain('3.1 Développer des documents textuels Niveau 5 · Avancé');
    expect(read.lines).toContain('2.2 Partager et publier Non certifiée');
    for (const code of COMPETENCE_CODES) {
      expect(read.lines.some((line) => line.startsWith(`${code} `))).toBe(true);
    }
    // Curly apostrophes only (PDF.js reads a non-breaking space as a space: frenchText is tested below).
    expect(read.text).not.toContain("'");
    expect(read.lines).toContain('CERTIFICATION PIX');
  });

  it('lists a competence the candidate was not tested on as not certified instead of leaving it out', async () => {
    const only = certificate({ competences: certificate().competences.slice(0, 5) });
    const read = await readBack(await certificatePdf(only, PAGE));
    expect(read.lines).toContain('5.2 Construire un environnement numérique Non certifiée');
  });

  it('prints the verification code and a link that opens the public page with the code in it', async () => {
    const read = await readBack(await certificatePdf(certificate(), PAGE));
    expect(read.lines).toContain('Code de vérification');
    expect(read.lines).toContain('P-BCDF2346');
    const link = 'https://pix.example.fr/verification/P-BCDF2346';
    expect(read.lines).toContain(`Vérifiez ce certificat : ${link}`);
    expect(read.links.length).toBeGreaterThan(0);
    expect(new Set(read.links)).toEqual(new Set([link]));
    expect(read.subject).toBe('Certificat Pix, code de vérification P-BCDF2346');
  });

  it('prints names outside Windows-1252 as written and keeps a very long name on the one page', async () => {
    const read = await readBack(
      await certificatePdf(
        certificate({
          firstName: 'Çağla Łucja Nguyễn Thị Minh-Khai Marie-Antoinette',
          lastName: 'Martin-Desjardins de la Fontaine',
        }),
        PAGE,
      ),
    );
    expect(read.pages).toBe(1);
    expect(read.text.replace(/\s+/g, ' ')).toContain(
      'Çağla Łucja Nguyễn Thị Minh-Khai Marie-Antoinette MARTIN- DESJARDINS DE LA FONTAINE',
    );
    expect(read.lines).toContain('P-BCDF2346');
  });
});

describe('a session’s certificates in one file', () => {
  it('prints each on its own page, in the order given, each with its own code and link', async () => {
    const three = [
      certificate({ firstName: 'Ana', lastName: 'Blanc', verificationCode: 'P-BBBBBBBB' }),
      certificate({ firstName: 'Léa', lastName: 'Martin', verificationCode: 'P-CCCCCCCC' }),
      certificate({ firstName: 'Tom', lastName: 'Petit', verificationCode: 'P-DDDDDDDD' }),
    ];
    const read = await readBack(
      await certificatesPdf(three, PAGE, {
        title: 'Certificats Pix — session 1001',
        subject: 'Certificats Pix de la session 1001 (3)',
        createdAt: '2026-12-15T09:30:00.000Z',
      }),
    );
    expect(read.pages).toBe(3);
    expect(read.subject).toBe('Certificats Pix de la session 1001 (3)');
    const at = (line: string) => read.lines.indexOf(line);
    expect([at('Ana BLANC'), at('Léa MARTIN'), at('Tom PETIT')].every((i) => i >= 0)).toBe(true);
    expect(at('Ana BLANC')).toBeLessThan(at('P-BBBBBBBB'));
    expect(at('P-BBBBBBBB')).toBeLessThan(at('Léa MARTIN'));
    expect(at('Léa MARTIN')).toBeLessThan(at('P-CCCCCCCC'));
    expect(at('P-CCCCCCCC')).toBeLessThan(at('Tom PETIT'));
    expect(at('Tom PETIT')).toBeLessThan(at('P-DDDDDDDD'));
    expect(new Set(read.links)).toEqual(
      new Set(three.map((c) => `https://pix.example.fr/verification/${c.verificationCode}`)),
    );
  });
});

describe('certificate wording', () => {
  it('writes French dates, with 1er on the first and the publication day in Paris time', () => {
    expect(frenchLongDate('2026-12-08')).toBe('8 décembre 2026');
    expect(frenchLongDate('2027-01-01')).toBe('1er janvier 2027');
    expect(frenchLongDate('2026-12-31T23:30:00.000Z')).toBe('1er janvier 2027');
    expect(frenchLongDate('not a date')).toBe('not a date');
  });

  it('puts a non-breaking space before a colon and curls apostrophes', () => {
    expect(frenchText("Veille d'information : oui ; non !")).toBe(
      'Veille d’information\u00a0: oui\u00a0; non\u00a0!',
    );
  });

  it('builds the link from the page with or without its final slash, the code escaped', () => {
    expect(verificationLink('https://a.fr/verification/', 'P-BCDF2346')).toBe(
      'https://a.fr/verification/P-BCDF2346',
    );
    expect(verificationLink('https://a.fr/verification', 'P-BCDF2346')).toBe(
      'https://a.fr/verification/P-BCDF2346',
    );
    expect(verificationLink('https://a.fr/verification/', 'P B/C')).toBe(
      'https://a.fr/verification/P%20B%2FC',
    );
  });
});
