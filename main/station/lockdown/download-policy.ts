// Files the candidate downloads in the challenge browser: saved in the candidate's sandbox folder under
// a safe name and shown in a built-in viewer, never handed to the OS to open, so nothing downloaded can
// run. PDFs, images and text are shown in the challenge browser itself (at once when the candidate
// asked for them, else offered: opensInView); spreadsheets and word-processor files in the station
// screen's read-only office viewers (those of a challenge's attachments). Types
// with no built-in viewer (executables, archives, old binary Word .doc) are refused outright, and so is
// what goes over a test's quota (the files land on the disk that holds the answer journal).
// Electron's challenge browser and the e2e harness's both decide, name and serve files with this module.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pdfViewerUrl } from '../../../core/lockdown/pdf-viewer-url.ts';
import {
  DOCUMENT_TYPES,
  MAX_VIEWER_FILE_BYTES,
  SPREADSHEET_TYPES,
} from '../../../core/challenge/station-viewers.ts';
import type {
  BrowserDownloadRefusal,
  DownloadProblem,
  StationEvent,
} from '../../../core/contracts/station-api.ts';

export type DownloadViewer = 'pdf' | 'image' | 'text' | 'csv' | 'spreadsheet' | 'document';

/** The viewers of the station screen (its office viewers), not of the challenge browser's page. */
export type OfficeDownloadViewer = Extract<DownloadViewer, 'spreadsheet' | 'document'>;

export function isOfficeViewer(viewer: DownloadViewer): viewer is OfficeDownloadViewer {
  return viewer === 'spreadsheet' || viewer === 'document';
}

/** A media type of core's lists (station-viewers.ts), checked there rather than copied. */
function officeType(list: readonly string[], type: string): string {
  if (!list.includes(type)) throw new Error(`${type} is not among the station's office types`);
  return type;
}
const XLSX = officeType(
  SPREADSHEET_TYPES,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
);
const XLS = officeType(SPREADSHEET_TYPES, 'application/vnd.ms-excel');
const ODS = officeType(SPREADSHEET_TYPES, 'application/vnd.oasis.opendocument.spreadsheet');
const DOCX = officeType(
  DOCUMENT_TYPES,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
);
const ODT = officeType(DOCUMENT_TYPES, 'application/vnd.oasis.opendocument.text');

export type DownloadDecision =
  { allowed: true; viewer: DownloadViewer; fileName: string; mediaType: string } | DownloadRefusal;

/**
 * `problem` is what the screens say, in the candidate's language; `shownName` the name they say it
 * about (refusedFileName; null when nothing of it is left: the screens say « fichier » in their own
 * language); `reason` the station's own detail, in French (never shown to the candidate).
 */
export type DownloadRefusal = {
  allowed: false;
  problem: DownloadProblem;
  shownName: string | null;
  reason: string;
};

/** Extensions the viewers show, with the media type the file is served as (never the site's claim). */
const VIEWABLE: Record<string, { viewer: DownloadViewer; mediaType: string }> = {
  '.pdf': { viewer: 'pdf', mediaType: 'application/pdf' },
  '.png': { viewer: 'image', mediaType: 'image/png' },
  '.jpg': { viewer: 'image', mediaType: 'image/jpeg' },
  '.jpeg': { viewer: 'image', mediaType: 'image/jpeg' },
  '.gif': { viewer: 'image', mediaType: 'image/gif' },
  '.webp': { viewer: 'image', mediaType: 'image/webp' },
  '.txt': { viewer: 'text', mediaType: 'text/plain; charset=utf-8' },
  '.json': { viewer: 'text', mediaType: 'text/plain; charset=utf-8' },
  '.xml': { viewer: 'text', mediaType: 'text/plain; charset=utf-8' },
  '.md': { viewer: 'text', mediaType: 'text/plain; charset=utf-8' },
  '.csv': { viewer: 'csv', mediaType: 'text/plain; charset=utf-8' },
  '.tsv': { viewer: 'csv', mediaType: 'text/plain; charset=utf-8' },
  // Old binary Word (.doc) is not here: no viewer reads it (station-viewers.ts).
  '.xlsx': { viewer: 'spreadsheet', mediaType: XLSX },
  '.xls': { viewer: 'spreadsheet', mediaType: XLS },
  '.ods': { viewer: 'spreadsheet', mediaType: ODS },
  '.docx': { viewer: 'document', mediaType: DOCX },
  '.odt': { viewer: 'document', mediaType: ODT },
};

// The media types sites send for the same kinds, when the name has no useful extension.
const BY_MEDIA_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/csv': '.csv',
  'text/tab-separated-values': '.tsv',
  'application/json': '.json',
  [XLSX]: '.xlsx',
  [XLS]: '.xls',
  [ODS]: '.ods',
  [DOCX]: '.docx',
  [ODT]: '.odt',
};

/**
 * Kinds no viewer reads but that a site often offers, refused with their own problem so the screens
 * say what to look for instead: old binary Word (.doc, and its templates .dot), and Office files with
 * macros or made as templates (teachers' sites offer .xlsm and .dotx; the viewers read neither).
 */
const REFUSED_KINDS: Record<string, Extract<DownloadProblem, 'oldWord' | 'macroOrTemplate'>> = {
  '.doc': 'oldWord',
  '.dot': 'oldWord',
  '.xlsm': 'macroOrTemplate',
  '.xltx': 'macroOrTemplate',
  '.xltm': 'macroOrTemplate',
  '.docm': 'macroOrTemplate',
  '.dotx': 'macroOrTemplate',
  '.dotm': 'macroOrTemplate',
};
const REFUSED_KINDS_BY_MEDIA_TYPE: Record<string, string> = {
  'application/msword': '.doc',
  'application/vnd.ms-word.document.macroenabled.12': '.docm',
  'application/vnd.ms-excel.sheet.macroenabled.12': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template': '.xltx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template': '.dotx',
};

/** Said when a type has no viewer here: what the station can open (the station's log, in French). */
export const REFUSED_TYPE_REASON =
  'Ce type de fichier ne peut pas être ouvert sur ce poste (seuls les PDF, images, textes, CSV, classeurs .xlsx .xls .ods et documents .docx .odt le peuvent).';

/** At most this many bytes are kept per download (bigger files are stopped). */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

/**
 * The most a download shown by `viewer` may weigh: a spreadsheet or a document no more than the office
 * viewers read (core's MAX_VIEWER_FILE_BYTES), so none is saved and then shown as damaged.
 */
export function maxDownloadBytes(viewer: DownloadViewer | null): number {
  return viewer && isOfficeViewer(viewer) ? MAX_VIEWER_FILE_BYTES : MAX_DOWNLOAD_BYTES;
}

/**
 * What one test may save, all its downloads together. They land on the disk that holds the answer
 * journal, and a page can start downloads by itself (a frame, a script, a loop): without a bound it
 * could fill that disk and stop the candidate's answers being written. A test has about thirty
 * questions and few of them need a file, so 30 files is more than any candidate clicks; 200 MB holds
 * four files at the 50 MB limit or ten office files at the viewers' 20 MB, and is nothing to a lab disk.
 */
export const MAX_DOWNLOADS_PER_TEST = 30;
export const MAX_DOWNLOAD_BYTES_PER_TEST = 200 * 1024 * 1024;

/** Room held for one download until it ends. */
export interface DownloadReservation {
  /** Saved, `bytes` long: that is what it counts from now on. */
  settle(bytes: number): void;
  /** Not saved (cancelled, interrupted, stopped, the test over): it no longer counts. */
  release(): void;
}

/**
 * The test's quota. A download counts from its start (several can run at once): as one file, and as
 * the bytes it says it has, or the most it may have when it does not say (it is stopped beyond).
 */
export class DownloadQuota {
  #files = 0;
  #bytes = 0;

  /** Holds room for a download `viewer` shows, `declaredBytes` long (0: unknown); null when full. */
  reserve(viewer: DownloadViewer, declaredBytes: number): DownloadReservation | null {
    let held = declaredBytes > 0 ? declaredBytes : maxDownloadBytes(viewer);
    if (this.#files >= MAX_DOWNLOADS_PER_TEST || this.#bytes + held > MAX_DOWNLOAD_BYTES_PER_TEST)
      return null;
    this.#files += 1;
    this.#bytes += held;
    let ended = false;
    return {
      settle: (bytes) => {
        if (ended) return;
        ended = true;
        this.#bytes += Math.max(0, bytes) - held;
        held = 0;
      },
      release: () => {
        if (ended) return;
        ended = true;
        this.#files -= 1;
        this.#bytes -= held;
      },
    };
  }

  /** Files and bytes counted now (for tests and logs). */
  get used(): { files: number; bytes: number } {
    return { files: this.#files, bytes: this.#bytes };
  }
}

/**
 * A saved spreadsheet or document is offered again when its page downloads it again within the visit
 * (the candidate closed the notice and clicks the link again): never saved or journaled twice, and
 * offered at most this many times a second, so a frame or a script downloading it in a loop does not
 * flood the screens (their notice is not modal, and says a file once in two seconds at most).
 */
export const REOFFERS_PER_SECOND = 2;

/** A download over the test's quota: refused, said as such (the page stays usable). */
export function quotaRefusal(suggestedName: string): DownloadRefusal {
  return {
    allowed: false,
    problem: 'quota',
    shownName: refusedFileName(suggestedName),
    reason: 'Trop de fichiers ont été téléchargés pendant ce test : celui-ci n’est pas enregistré.',
  };
}

/** What no shown or saved name keeps: controls, invisible format characters, line and paragraph breaks. */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A name that is safe on every OS: no folders, no reserved names, no control characters. */
export function safeFileName(suggested: string, extension: string): string {
  const base = path.posix
    .basename(suggested.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[<>:"/\\|?*]/g, '_')
    // Control characters, invisible format ones (a right-to-left override shown in a title), and
    // line and paragraph separators (a name on two lines).
    .replace(UNSHOWABLE, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const stem = base.slice(0, base.length - path.extname(base).length) || 'fichier';
  const windowsReserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) ? `_${stem}` : stem;
  return `${windowsReserved.slice(0, 100)}${extension}`;
}

/** At most this many characters of a refused file's name are shown (the event's limit). */
const MAX_SHOWN_NAME = 255;

/**
 * The name a refused file is shown under: the site's own name (the candidate recognises the link),
 * without its folders, control characters, invisible format characters (a right-to-left override
 * would show "setup.exe" as something else) or line breaks, and no longer than the event allows.
 * Null when nothing is left: the screens then say « fichier » in the candidate's language.
 */
export function refusedFileName(suggested: string): string | null {
  const base = path.posix
    .basename(suggested.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(UNSHOWABLE, '')
    .trim();
  let shown = base.slice(0, MAX_SHOWN_NAME);
  // A cut between the two halves of a surrogate pair leaves half a character: dropped.
  if (/[\uD800-\uDBFF]$/.test(shown)) shown = shown.slice(0, -1);
  return shown.trim() || null;
}

/**
 * What the journal (read by the invigilator and the back office) says of a decided download: the
 * viewer of an allowed one (its saved name is the station's), the cleaned and bounded shown name of a
 * refused one, never the site's raw name (any length, bidi overrides, line breaks).
 */
export function downloadJournalRule(decision: DownloadDecision): string {
  if (decision.allowed) return `download ${decision.viewer}`;
  return `download refused: ${decision.shownName ?? '(sans nom)'}`;
}

/** A refusal as the screens are told of it (browserBlocked's `download`). */
export function refusalForScreens(refusal: DownloadRefusal): BrowserDownloadRefusal {
  return { problem: refusal.problem, ...(refusal.shownName ? { fileName: refusal.shownName } : {}) };
}

export function decideDownload(
  suggestedName: string,
  mediaType: string,
  totalBytes: number,
): DownloadDecision {
  const tooBig = (): DownloadRefusal => ({
    allowed: false,
    problem: 'size',
    shownName: refusedFileName(suggestedName),
    reason: 'Ce fichier est trop volumineux pour être ouvert sur ce poste.',
  });
  if (totalBytes > MAX_DOWNLOAD_BYTES) return tooBig();
  const extension = path.extname(suggestedName).toLowerCase();
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  // The name decides first: a ".exe" sent as text/plain is still an executable.
  const chosen = extension ? VIEWABLE[extension] && extension : BY_MEDIA_TYPE[type];
  const viewable = chosen ? VIEWABLE[chosen] : undefined;
  if (!chosen || !viewable) {
    const kind = REFUSED_KINDS[extension || (REFUSED_KINDS_BY_MEDIA_TYPE[type] ?? '')];
    return {
      allowed: false,
      problem: kind ?? 'type',
      shownName: refusedFileName(suggestedName),
      reason: REFUSED_TYPE_REASON,
    };
  }
  // A spreadsheet or a document the office viewers would not read: refused before it is saved.
  if (totalBytes > maxDownloadBytes(viewable.viewer)) return tooBig();
  return {
    allowed: true,
    viewer: viewable.viewer,
    fileName: safeFileName(suggestedName, chosen),
    mediaType: viewable.mediaType,
  };
}

// ------------------------------------------------------------------ saving and serving (both browsers)

/** The token of a saved download: its pix-download:// address, and the start of its file's name. */
export function downloadToken(): string {
  return randomUUID().replaceAll('-', '');
}

/** The saved copy's name: unique in the test's folder (the token's start), then the safe name. */
export function savedFileName(token: string, fileName: string): string {
  return `${token.slice(0, 8)}-${fileName}`;
}

/**
 * The headers a saved download is shown in the view with: the station's type, never sniffed, and a
 * text shown as inert text (no script, no request) whatever it holds.
 */
export function servedFileHeaders(mediaType: string): Record<string, string> {
  return {
    'content-type': mediaType,
    'x-content-type-options': 'nosniff',
    ...(mediaType.startsWith('text/') ? { 'content-security-policy': "default-src 'none'; sandbox" } : {}),
  };
}

export type BrowserFileOpened = Extract<StationEvent, { type: 'browserFileOpened' }>;
/** A spreadsheet or a document offered: opened in the screens' office viewers. */
export type OfficeFileOffer = Extract<BrowserFileOpened, { viewer: OfficeDownloadViewer }>;
/** A PDF, an image, a text or a CSV offered: opened in the challenge browser's page. */
export type ViewFileOffer = Exclude<BrowserFileOpened, OfficeFileOffer>;

/** What the screens are told of a spreadsheet or a document saved at `url` (the station's address). */
export function fileOpenedEvent(
  decision: { viewer: OfficeDownloadViewer; fileName: string; mediaType: string },
  url: string,
): OfficeFileOffer {
  return {
    type: 'browserFileOpened',
    viewer: decision.viewer,
    url,
    fileName: decision.fileName,
    mediaType: decision.mediaType,
  };
}

/**
 * Where a saved PDF, image or text is shown in the challenge browser's page: `base` (Electron's
 * pix-download://, the harness's stand-in origin), the download's token, its safe name; a PDF without
 * its viewer's toolbar (pdf-viewer-url.ts).
 */
export function savedCopyAddress(
  base: string,
  token: string,
  decision: { viewer: DownloadViewer; fileName: string },
): string {
  const url = `${base}${token}/${encodeURIComponent(decision.fileName)}`;
  return decision.viewer === 'pdf' ? pdfViewerUrl(url) : url;
}

/**
 * The name of the saved copy `url` shows (an address savedCopyAddress made under `base`), decoded and
 * cleaned as a refused file's name is; null when `url` is no saved copy's (a page).
 */
export function savedCopyName(base: string, url: string): string | null {
  if (!url.startsWith(base)) return null;
  // The PDF viewer's #toolbar=0 (and any query) is not part of the name.
  const [token, encoded, ...more] = (url.slice(base.length).split(/[?#]/)[0] ?? '').split('/');
  if (!token || !/^[0-9a-f]{32}$/i.test(token) || !encoded || more.length > 0) return null;
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return refusedFileName(name);
}

/**
 * What the screens say of the view (browserState's url, title and file), in Electron and the harness
 * alike. A saved copy (shown from `base`): its file's name as the title and as `file`, so the screens
 * say « Fichier affiché » with a name the candidate recognises, never the internal token address. A
 * page without a title of its own (a text a site serves, an untitled page; Chromium gives its address
 * as the title then): its host, so a page that is there is never said as « no page open ».
 */
export function viewStatus(
  base: string,
  page: { url: string; title: string },
): { url: string; title: string; file?: string } {
  const file = savedCopyName(base, page.url);
  if (file !== null) return { url: page.url, title: file, file };
  const title = page.title.trim();
  if (title && !isAddressTitle(title, page.url)) return { url: page.url, title: page.title };
  return { url: page.url, title: hostOf(page.url) };
}

/** Whether `title` is only the page's address, as Chromium writes it for a page without a title. */
function isAddressTitle(title: string, url: string): boolean {
  const forms = new Set<string>();
  for (const form of [url, safeDecode(url)]) {
    forms.add(form);
    forms.add(form.replace(/^https?:\/\//i, ''));
    forms.add(form.replace(/^https?:\/\//i, '').replace(/\/$/, ''));
  }
  return forms.has(title) || forms.has(safeDecode(title));
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** The host of an address ("" for none: about:blank, a data: page). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** What the screens are told of a PDF, an image or a text offered, `url` its address in the view. */
export function viewOfferEvent(
  decision: { viewer: Exclude<DownloadViewer, OfficeDownloadViewer>; fileName: string },
  url: string,
): ViewFileOffer {
  return { type: 'browserFileOpened', viewer: decision.viewer, url, fileName: decision.fileName };
}

/**
 * Whether a saved file is shown in the challenge browser's page at once; if not, the screens offer it
 * with their notice (« Ouvrir le fichier ») and nothing moves. A spreadsheet or a document is always
 * offered (it opens in the screens' office viewers). A PDF, an image or a text is shown at once only
 * when the candidate asked for it: a page can download one by itself on each visit (a frame, a script,
 * a refresh), and a view that jumped to it every time would take the page away from a pupil under
 * stress. « Asked » is one of two things. Chromium's user activation (Electron's
 * DownloadItem.hasUserGesture, the harness's Network.requestWillBeSent hasUserGesture): a click or a
 * key press in the page or one of its frames in the last few seconds (Chromium keeps the activation
 * about five seconds), so what the page starts within them (a timer, a frame it adds) counts as asked
 * too. Or the address the candidate typed in the toolbar (`typedAddress`, sameAddress). A page
 * downloading by itself later, or on load without any input, is offered; so is a file a window opens
 * (window.open, a target="_blank" link): the window is loaded in the view by the station, with no
 * typed address nor gesture, in Electron and in the harness alike. One click more for the candidate,
 * never a page that moves by itself.
 */
export function opensInView(
  viewer: DownloadViewer,
  request: { userGesture: boolean; typedAddress: boolean },
): boolean {
  return !isOfficeViewer(viewer) && (request.userGesture || request.typedAddress);
}

/**
 * An address as the station compares it with a download's (sameAddress): canonical, as Chromium writes
 * it (host in lower case, path percent-encoded), without its fragment (#page=2 is the same file). Null
 * when it is not an absolute address.
 */
export function comparableAddress(address: string): string | null {
  try {
    const url = new URL(address);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Whether a download's first address (before any redirect) is the one the candidate typed in the
 * toolbar: « exemple.fr/Résumé consignes.pdf » as typed is the download's
 * https://exemple.fr/R%C3%A9sum%C3%A9%20consignes.pdf. `typed` null: nothing typed, nothing matches.
 */
export function sameAddress(typed: string | null, download: string): boolean {
  if (typed === null) return false;
  const a = comparableAddress(typed);
  return a !== null && a === comparableAddress(download);
}
