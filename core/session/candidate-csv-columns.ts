// The candidate list's columns as the centre's template names them (its headers), in French: the
// server names a missing column by this label in its line errors, and the back office maps the label
// back to the field to say, in the referent's language, which column to add. One list for both.
export type CandidateCsvField =
  | 'lastName'
  | 'firstName'
  | 'sex'
  | 'birthdate'
  | 'birthCountry'
  | 'birthCity'
  | 'birthInseeCode'
  | 'birthPostalCode'
  | 'externalId'
  | 'resultEmail'
  | 'extraTimePercentage'
  | 'accessibilityAdjustment';

export const CANDIDATE_CSV_LABELS: Readonly<Record<CandidateCsvField, string>> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  sex: 'Sexe (M ou F)',
  birthdate: 'Date de naissance (JJ/MM/AAAA)',
  birthCountry: 'Pays de naissance',
  birthCity: 'Commune de naissance',
  birthInseeCode: 'Code INSEE de naissance',
  birthPostalCode: 'Code postal de naissance',
  externalId: 'Identifiant externe',
  resultEmail: 'E-mail des résultats',
  extraTimePercentage: 'Temps majoré (%)',
  accessibilityAdjustment: 'Aménagement accessibilité (oui/non)',
};
