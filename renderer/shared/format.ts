// Names and calendar dates as both desks write them (the invigilator's screen and the back office), so
// that a candidate reads the same on either.

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName.toLocaleUpperCase('fr-FR')}`;
}

/** A calendar date (YYYY-MM-DD) as on forms and papers: "08/12/2026" (fr-FR, and en-GB likewise). */
export function shortDate(date: string, locale: string): string {
  const parsed = new Date(`${date}T12:00:00`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    parsed,
  );
}
