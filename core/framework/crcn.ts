// The CRCN (Cadre de référence des compétences numériques): 5 domains, 16 competences, 8 levels.
// French labels are the official ones (shown by default); English labels follow DigComp wording.
import { z } from 'zod';

export const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** Pix needed for one level of one competence. */
export const PIX_PER_LEVEL = 8;
export const MAX_LEVEL = 8;
/** Default highest level open to certification (levels 1 to 5 are open to school students). */
export const DEFAULT_MAX_REACHABLE_LEVEL = 5;

export const COMPETENCE_CODES = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
] as const;

export const CompetenceCodeSchema = z.enum(COMPETENCE_CODES, {
  error: () => `must be a CRCN competence code (${COMPETENCE_CODES.join(', ')})`,
});
export type CompetenceCode = z.infer<typeof CompetenceCodeSchema>;

export interface Label {
  fr: string;
  en: string;
}

export interface Domain {
  code: '1' | '2' | '3' | '4' | '5';
  label: Label;
}

export interface Competence {
  code: CompetenceCode;
  domain: Domain['code'];
  label: Label;
}

export const DOMAINS: readonly Domain[] = [
  { code: '1', label: { fr: 'Information et données', en: 'Information and data' } },
  { code: '2', label: { fr: 'Communication et collaboration', en: 'Communication and collaboration' } },
  { code: '3', label: { fr: 'Création de contenu', en: 'Content creation' } },
  { code: '4', label: { fr: 'Protection et sécurité', en: 'Protection and security' } },
  { code: '5', label: { fr: 'Environnement numérique', en: 'Digital environment' } },
];

export const COMPETENCES: readonly Competence[] = [
  {
    code: '1.1',
    domain: '1',
    label: {
      fr: 'Mener une recherche et une veille d’information',
      en: 'Searching for and monitoring information',
    },
  },
  { code: '1.2', domain: '1', label: { fr: 'Gérer des données', en: 'Managing data' } },
  { code: '1.3', domain: '1', label: { fr: 'Traiter des données', en: 'Processing data' } },
  { code: '2.1', domain: '2', label: { fr: 'Interagir', en: 'Interacting' } },
  { code: '2.2', domain: '2', label: { fr: 'Partager et publier', en: 'Sharing and publishing' } },
  { code: '2.3', domain: '2', label: { fr: 'Collaborer', en: 'Collaborating' } },
  {
    code: '2.4',
    domain: '2',
    label: { fr: 'S’insérer dans le monde numérique', en: 'Taking part in the digital world' },
  },
  {
    code: '3.1',
    domain: '3',
    label: { fr: 'Développer des documents textuels', en: 'Developing text documents' },
  },
  {
    code: '3.2',
    domain: '3',
    label: { fr: 'Développer des documents multimédia', en: 'Developing multimedia documents' },
  },
  {
    code: '3.3',
    domain: '3',
    label: { fr: 'Adapter les documents à leur finalité', en: 'Adapting documents to their purpose' },
  },
  { code: '3.4', domain: '3', label: { fr: 'Programmer', en: 'Programming' } },
  {
    code: '4.1',
    domain: '4',
    label: { fr: 'Sécuriser l’environnement numérique', en: 'Securing the digital environment' },
  },
  {
    code: '4.2',
    domain: '4',
    label: {
      fr: 'Protéger les données personnelles et la vie privée',
      en: 'Protecting personal data and privacy',
    },
  },
  {
    code: '4.3',
    domain: '4',
    label: {
      fr: 'Protéger la santé, le bien-être et l’environnement',
      en: 'Protecting health, well-being and the environment',
    },
  },
  {
    code: '5.1',
    domain: '5',
    label: { fr: 'Résoudre des problèmes techniques', en: 'Solving technical problems' },
  },
  {
    code: '5.2',
    domain: '5',
    label: { fr: 'Construire un environnement numérique', en: 'Building a digital environment' },
  },
];

export type LevelBand = 'novice' | 'independent' | 'advanced' | 'expert';

export const LEVEL_BAND_LABELS: Record<LevelBand, Label> = {
  novice: { fr: 'Novice', en: 'Novice' },
  independent: { fr: 'Indépendant', en: 'Independent' },
  advanced: { fr: 'Avancé', en: 'Advanced' },
  expert: { fr: 'Expert', en: 'Expert' },
};

/** Levels 1–2 Novice, 3–4 Indépendant, 5–6 Avancé, 7–8 Expert. */
export function levelBand(level: number): LevelBand | null {
  if (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL) return null;
  if (level <= 2) return 'novice';
  if (level <= 4) return 'independent';
  if (level <= 6) return 'advanced';
  return 'expert';
}

/** A competence's level is floor(pix / 8), never above level 8. */
export function levelFromPix(pix: number): number {
  return Math.min(MAX_LEVEL, Math.floor(Math.max(0, pix) / PIX_PER_LEVEL));
}

export function competence(code: CompetenceCode): Competence {
  const found = COMPETENCES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown competence ${code}`);
  return found;
}
