// What the demo bank covers: competences × levels, tubes, formats, files, websites and simulators. The
// demo data test asserts the minimums on it; `node scripts/demo/bank-coverage.ts` prints it.
import { isOperative, type Challenge } from '../../core/challenge/challenge.ts';
import { COMPETENCE_CODES, type CompetenceCode } from '../../core/framework/crcn.ts';
import { parseSkill } from '../../core/framework/skill.ts';
import { demoSiteUrls } from './demo-sites.ts';

export const DEMO_LEVELS = [1, 2, 3, 4, 5] as const;

export interface BankCoverage {
  operative: number;
  /** Operative challenges per competence and level. */
  challenges: Record<CompetenceCode, Record<number, number>>;
  /** Tubes (with at least one operative challenge) per competence. */
  tubes: Record<CompetenceCode, string[]>;
  /** Distinct skills per competence at level 1: a level-1 candidate needs three of them. */
  levelOneSkills: Record<CompetenceCode, number>;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
  selects: number;
  numeric: number;
  timed: number;
  focused: number;
  shuffled: number;
  illustrated: number;
  treatmentsOff: number;
  /** Challenges with at least one attachment, and the attachment files by kind. */
  withAttachments: number;
  attachmentKinds: Record<string, number>;
  /** Challenges that send the candidate to an offline website (embeds aside), and the sites they use. */
  browser: number;
  sites: Record<string, number>;
  embeds: number;
}

const MARKDOWN_LINK = /\]\(([^)\s]+)\)|<(https?:[^>\s]+)>/g;

/** Offline-website pages a challenge links to (Markdown links), outside its embedded simulator. */
export function browserUrls(challenge: Challenge): string[] {
  const text = `${challenge.instruction}\n${challenge.proposals ?? ''}`;
  return [...text.matchAll(MARKDOWN_LINK)].flatMap(([, link, autolink]) =>
    demoSiteUrls(link ?? autolink ?? ''),
  );
}

const kindOf = (mediaType: string): string =>
  mediaType === 'application/pdf'
    ? 'PDF'
    : mediaType === 'text/csv'
      ? 'CSV'
      : mediaType.startsWith('image/')
        ? 'image'
        : mediaType.startsWith('text/')
          ? 'texte'
          : mediaType;

const count = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

export function bankCoverage(bank: readonly Challenge[]): BankCoverage {
  const operative = bank.filter(isOperative);
  const challenges = Object.fromEntries(
    COMPETENCE_CODES.map((code) => [code, Object.fromEntries(DEMO_LEVELS.map((level) => [level, 0]))]),
  ) as Record<CompetenceCode, Record<number, number>>;
  const tubes = Object.fromEntries(COMPETENCE_CODES.map((code) => [code, new Set<string>()]));
  const levelOne = Object.fromEntries(COMPETENCE_CODES.map((code) => [code, new Set<string>()]));
  const byType: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const attachmentKinds: Record<string, number> = {};
  const sites: Record<string, number> = {};
  for (const challenge of bank) count(byStatus, challenge.status);
  for (const challenge of operative) {
    const { tube, difficulty } = parseSkill(challenge.skill);
    count(challenges[challenge.competence], String(difficulty));
    tubes[challenge.competence]?.add(tube);
    if (difficulty === 1) levelOne[challenge.competence]?.add(challenge.skill);
    count(byType, challenge.type);
    for (const attachment of challenge.attachments) count(attachmentKinds, kindOf(attachment.mediaType));
    for (const url of new Set(browserUrls(challenge).map((u) => new URL(u).hostname.split('.')[0] ?? ''))) {
      count(sites, url);
    }
  }
  const has = (test: (c: Challenge) => boolean) => operative.filter(test).length;
  return {
    operative: operative.length,
    challenges,
    tubes: Object.fromEntries(Object.entries(tubes).map(([code, set]) => [code, [...set].sort()])) as Record<
      CompetenceCode,
      string[]
    >,
    levelOneSkills: Object.fromEntries(
      Object.entries(levelOne).map(([code, set]) => [code, set.size]),
    ) as Record<CompetenceCode, number>,
    byType,
    byStatus,
    selects: has((c) => (c.fields ?? []).some((f) => f.kind === 'select')),
    numeric: has((c) => c.format === 'nombre'),
    timed: has((c) => c.timer !== undefined),
    focused: has((c) => c.focused),
    shuffled: has((c) => c.shuffled),
    illustrated: has((c) => c.illustration !== undefined),
    treatmentsOff: has(
      (c) =>
        'deactivations' in c.solution &&
        (c.solution.deactivations.t1 || c.solution.deactivations.t2 || c.solution.deactivations.t3),
    ),
    withAttachments: has((c) => c.attachments.length > 0),
    attachmentKinds,
    browser: has((c) => browserUrls(c).length > 0),
    sites,
    embeds: has((c) => c.embed !== undefined),
  };
}

/** The coverage as a French report, for the README and for referents. */
export function formatCoverage(coverage: BankCoverage): string {
  const lines: string[] = [];
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  lines.push(`Épreuves opérationnelles : ${coverage.operative}`);
  lines.push('');
  lines.push(`Compétence  ${DEMO_LEVELS.map((l) => `niv.${l}`).join(' ')}  total  sujets (tubes)`);
  for (const code of COMPETENCE_CODES) {
    const perLevel = DEMO_LEVELS.map((level) => coverage.challenges[code][level] ?? 0);
    const total = perLevel.reduce((a, b) => a + b, 0);
    lines.push(
      `${code.padEnd(10)} ${perLevel.map((n) => pad(n, 5)).join(' ')}  ${pad(total, 5)}  ` +
        `${coverage.tubes[code].length} : ${coverage.tubes[code].join(', ')}`,
    );
  }
  lines.push('');
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => `${key} ${n}`)
      .join(', ');
  lines.push(`Formats : ${list(coverage.byType)}`);
  lines.push(
    `Listes déroulantes ${coverage.selects}, réponses numériques ${coverage.numeric}, chronométrées ` +
      `${coverage.timed}, focus ${coverage.focused}, propositions mélangées ${coverage.shuffled}, ` +
      `illustrations ${coverage.illustrated}, traitements désactivés ${coverage.treatmentsOff}`,
  );
  lines.push(
    `Fichiers joints : ${coverage.withAttachments} épreuves (fichiers : ${list(coverage.attachmentKinds)})`,
  );
  lines.push(`Sites hors ligne : ${coverage.browser} épreuves (${list(coverage.sites)})`);
  lines.push(`Simulateurs intégrés : ${coverage.embeds} épreuves`);
  lines.push(`Statuts (toute la banque) : ${list(coverage.byStatus)}`);
  return lines.join('\n');
}
