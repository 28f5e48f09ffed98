import { describe, expect, it } from 'vitest';
import { COMPETENCES, COMPETENCE_CODES, DOMAINS, levelBand, levelFromPix } from './crcn.ts';

describe('the CRCN framework', () => {
  it('has 5 domains and 16 competences, each in an existing domain', () => {
    expect(DOMAINS).toHaveLength(5);
    expect(COMPETENCES.map((c) => c.code)).toEqual([...COMPETENCE_CODES]);
    expect(COMPETENCES).toHaveLength(16);
    for (const c of COMPETENCES) expect(c.code.startsWith(`${c.domain}.`)).toBe(true);
  });

  // DOMAIN.md's wording, with the typographic apostrophe the screens and the certificate use.
  it.each([
    ['1.1', 'Mener une recherche et une veille d’information'],
    ['1.2', 'Gérer des données'],
    ['1.3', 'Traiter des données'],
    ['2.1', 'Interagir'],
    ['2.2', 'Partager et publier'],
    ['2.3', 'Collaborer'],
    ['2.4', 'S’insérer dans le monde numérique'],
    ['3.1', 'Développer des documents textuels'],
    ['3.2', 'Développer des documents multimédia'],
    ['3.3', 'Adapter les documents à leur finalité'],
    ['3.4', 'Programmer'],
    ['4.1', 'Sécuriser l’environnement numérique'],
    ['4.2', 'Protéger les données personnelles et la vie privée'],
    ['4.3', 'Protéger la santé, le bien-être et l’environnement'],
    ['5.1', 'Résoudre des problèmes techniques'],
    ['5.2', 'Construire un environnement numérique'],
  ])('competence %s is «%s» in French, with an English label', (code, fr) => {
    const c = COMPETENCES.find((x) => x.code === code);
    expect(c?.label.fr).toBe(fr);
    expect(c?.label.en.length).toBeGreaterThan(3);
  });

  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [15, 1],
    [16, 2],
    [40, 5],
    [47, 5],
    [64, 8],
    [80, 8],
  ])('%i Pix is level %i (floor(pix / 8), at most 8)', (pix, level) => {
    expect(levelFromPix(pix)).toBe(level);
  });

  it.each([
    [1, 'novice'],
    [2, 'novice'],
    [3, 'independent'],
    [4, 'independent'],
    [5, 'advanced'],
    [6, 'advanced'],
    [7, 'expert'],
    [8, 'expert'],
    [0, null],
    [9, null],
  ])('level %i is in band %s', (level, band) => {
    expect(levelBand(level)).toBe(band);
  });
});
