// The pre-treatment applied to every answer and every accepted answer, whatever the challenge
// (DOMAIN.md §5): Unicode NFC, and non-breaking spaces read as spaces.

const NON_BREAKING_SPACES = /[\u00A0\u202F\u2007]/g;
const ASCII_ONLY = /^\p{ASCII}*$/u;

/** True when the text holds only ASCII characters, which no Unicode step can change. */
export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}

/**
 * NFC makes a decomposed "é" (e + combining acute) equal to the precomposed one; a non-breaking space
 * (U+00A0, narrow U+202F, figure U+2007), often pasted from a web page or a French keyboard, is a space.
 */
export function pretreat(text: string): string {
  // Most answers are plain ASCII: skip normalization for them (it would return them unchanged).
  if (isAscii(text)) return text;
  return text.normalize('NFC').replace(NON_BREAKING_SPACES, ' ');
}
