// Files the candidate downloads in the challenge browser: saved in the candidate's sandbox folder under
// a safe name and shown in a built-in viewer, never handed to the OS to open, so nothing downloaded can
// run. PDFs, images and text are shown in the challenge browser itself; spreadsheets and word-processor
// files in the station screen's read-only office viewers (those of a challenge's attachments). Types
// with no built-in viewer (executables, archives, old binary Word .doc) are refused outright.
import path from 'node:path';
import { DOCUMENT_TYPES, SPREADSHEET_TYPES } from '../../../core/challenge/station-viewers.ts';
import type { DownloadProblem } from '../../../core/contracts/station-api.ts';

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
 * about (refusedFileName); `reason` the station's own detail, in French (never shown to the candidate).
 */
export type DownloadRefusal = {
  allowed: false;
  problem: DownloadProblem;
  shownName: string;
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

/** Said when a type has no viewer here: what the station can open. */
export const REFUSED_TYPE_REASON =
  'Ce type de fichier ne peut pas être ouvert sur ce poste (seuls les PDF, images, textes, CSV, tableurs et documents de traitement de texte le peuvent).';

/** At most this many bytes are kept per download (bigger files are stopped). */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

/** A name that is safe on every OS: no folders, no reserved names, no control characters. */
export function safeFileName(suggested: string, extension: string): string {
  const base = path.posix
    .basename(suggested.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const stem = base.slice(0, base.length - path.extname(base).length) || 'fichier';
  const windowsReserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) ? `_${stem}` : stem;
  return `${windowsReserved.slice(0, 100)}${extension}`;
}

/** At most this many characters of a refused file's name are shown (the event's limit). */
const MAX_SHOWN_NAME = 255;

/**
 * The name a refused file is shown under: the site's own name (the candidate recognises the link),
 * without its folders, control characters or invisible format characters (a right-to-left override
 * would show "setup.exe" as something else), and no longer than the event allows.
 */
export function refusedFileName(suggested: string): string {
  const base = path.posix
    .basename(suggested.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  let shown = base.slice(0, MAX_SHOWN_NAME);
  // A cut between the two halves of a surrogate pair leaves half a character: dropped.
  if (/[\uD800-\uDBFF]$/.test(shown)) shown = shown.slice(0, -1);
  return shown || 'fichier';
}

export function decideDownload(
  suggestedName: string,
  mediaType: string,
  totalBytes: number,
): DownloadDecision {
  if (totalBytes > MAX_DOWNLOAD_BYTES) {
    return {
      allowed: false,
      problem: 'size',
      shownName: refusedFileName(suggestedName),
      reason: 'Ce fichier est trop volumineux pour être ouvert sur ce poste.',
    };
  }
  const extension = path.extname(suggestedName).toLowerCase();
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  // The name decides first: a ".exe" sent as text/plain is still an executable.
  const chosen = extension ? VIEWABLE[extension] && extension : BY_MEDIA_TYPE[type];
  const viewable = chosen ? VIEWABLE[chosen] : undefined;
  if (!chosen || !viewable) {
    return {
      allowed: false,
      problem: 'type',
      shownName: refusedFileName(suggestedName),
      reason: REFUSED_TYPE_REASON,
    };
  }
  return {
    allowed: true,
    viewer: viewable.viewer,
    fileName: safeFileName(suggestedName, chosen),
    mediaType: viewable.mediaType,
  };
}
