// A file's name as the browser panel's notices show it: a site can name a file with 255 characters
// (what a file system allows), and said whole it made a notice six lines tall on a lab's 1366×768
// screen, pushing the page down. A long name is cut in its middle, so its start (what the candidate
// recognises of the link) and its end (the extension: what kind of file it is) both stay in view,
// e.g. « rapport-annuel-des-ventes…2024-final.xlsx ». The whole name stays for screen readers and on
// request (downloaded-file.tsx). Cut between graphemes only (Intl.Segmenter): never half an emoji, a
// letter without its accent, or half a surrogate pair.

/** The most characters (graphemes) a name is shown with: with its sentence, two lines of a notice. */
export const SHOWN_NAME_MAX = 48;

/** An extension longer than this is not one (a name with a dot in its middle, "v2.final-version…"). */
const MAX_EXTENSION = 8;

/** What stands for the characters left out. */
export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The name's user-perceived characters, each whole (an emoji and its modifiers, a letter and its accents). */
export function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/**
 * `name` as shown: unchanged when it has at most `max` characters, else its start and its end with
 * « … » between, `max` characters in all, the extension (".xlsx") always whole at the end.
 */
export function shortenedFileName(name: string, max: number = SHOWN_NAME_MAX): string {
  const parts = graphemesOf(name);
  if (parts.length <= max) return name;
  const extension = extensionOf(parts);
  // What is left for the name's own characters, around the ellipsis.
  const room = Math.max(2, max - extension.length - 1);
  const stem = parts.slice(0, parts.length - extension.length);
  // More of the start than of the end: the start is what the link said.
  const head = Math.ceil((room * 2) / 3);
  const tail = room - head;
  return [
    ...stem.slice(0, head),
    ELLIPSIS,
    ...(tail > 0 ? stem.slice(stem.length - tail) : []),
    ...extension,
  ].join('');
}

/** The extension's characters (the last dot and what follows), or none when the name has none. */
function extensionOf(parts: string[]): string[] {
  const dot = parts.lastIndexOf('.');
  // A dot first (".bashrc") or last ("rapport.") starts no extension.
  if (dot <= 0 || dot === parts.length - 1) return [];
  const extension = parts.slice(dot);
  if (extension.length - 1 > MAX_EXTENSION) return [];
  // Letters and digits only: "rapport.2024 final version" has no extension.
  return extension.slice(1).every((part) => /^[\p{L}\p{M}\p{N}]+$/u.test(part)) ? extension : [];
}
