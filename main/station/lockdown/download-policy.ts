// Files the candidate downloads in the challenge browser: saved in the candidate's sandbox folder under
// a safe name and shown in a built-in viewer, never handed to the OS to open, so nothing downloaded can
// run. Types with no built-in viewer (executables, archives, office files) are refused outright.
import path from 'node:path';

export type DownloadViewer = 'pdf' | 'image' | 'text' | 'csv';

export type DownloadDecision =
  | { allowed: true; viewer: DownloadViewer; fileName: string; mediaType: string }
  | { allowed: false; reason: string };

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
};

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

export function decideDownload(
  suggestedName: string,
  mediaType: string,
  totalBytes: number,
): DownloadDecision {
  if (totalBytes > MAX_DOWNLOAD_BYTES) {
    return { allowed: false, reason: 'Ce fichier est trop volumineux pour être ouvert sur ce poste.' };
  }
  const extension = path.extname(suggestedName).toLowerCase();
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  // The name decides first: a ".exe" sent as text/plain is still an executable.
  const chosen = extension ? VIEWABLE[extension] && extension : BY_MEDIA_TYPE[type];
  const viewable = chosen ? VIEWABLE[chosen] : undefined;
  if (!chosen || !viewable) {
    return {
      allowed: false,
      reason:
        'Ce type de fichier ne peut pas être ouvert sur ce poste (seuls les PDF, images, textes et CSV le peuvent).',
    };
  }
  return {
    allowed: true,
    viewer: viewable.viewer,
    fileName: safeFileName(suggestedName, chosen),
    mediaType: viewable.mediaType,
  };
}
