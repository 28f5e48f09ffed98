// The French screens keep « », ? ! ; and : with their words by no-break spaces (U+202F, U+00A0), which a
// page's textContent returns as they are; a test comparing whole sentences reads them as plain spaces.
export const plainSpaces = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
