// How candidates' names are compared when they join (DOMAIN.md §2): accents removed, upper case, only
// A–Z and 0–9 kept, so "Léa-Marie" typed as "lea marie" matches. Ligatures are spelled out first
// (œ → OE) so that a keyboard without them still matches.
const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
};
const COMBINING_MARKS = /\p{M}/gu;

export function normalizeCandidateName(name: string): string {
  return name
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** The key under which a candidate is found: both names normalized, and the birthdate as written. */
export function candidateMatchKey(person: { lastName: string; firstName: string }): string {
  return `${normalizeCandidateName(person.lastName)}|${normalizeCandidateName(person.firstName)}`;
}
