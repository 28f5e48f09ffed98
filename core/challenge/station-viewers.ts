// Which attachments an exam station can open, and with which of its viewers: one list for the station
// (main/station/attachments/attachment-viewer.ts opens the file with it) and for the server, which warns
// the referent before exam day about a challenge whose file the stations cannot open.
import type { Attachment, Challenge } from './challenge.ts';

export const VIEWER_KINDS = ['pdf', 'image', 'text', 'csv', 'spreadsheet', 'document'] as const;
export type ViewerKind = (typeof VIEWER_KINDS)[number];

/** Spreadsheets the station's read-only viewer reads (Excel 2007+, Excel 97–2003, OpenDocument). */
export const SPREADSHEET_TYPES: readonly string[] = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
];
/** Word-processor files the station's read-only viewer reads (Word 2007+, OpenDocument). Old binary
 * Word (.doc) is not among them: no library reads it well enough. */
export const DOCUMENT_TYPES: readonly string[] = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
];

/**
 * The largest file the office viewers read (checked before parsing, in the candidate's screen): also
 * the largest spreadsheet or document the challenge browser keeps, so that none is saved only to be
 * shown as unreadable (main/station/lockdown/download-policy.ts).
 */
export const MAX_VIEWER_FILE_BYTES = 20 * 1024 * 1024;

/** The viewer for a media type, or null when the station cannot show that kind of file. */
export function viewerKindOf(mediaType: string): ViewerKind | null {
  const type = mediaType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/tab-separated-values') return 'csv';
  if (type.startsWith('text/') || type === 'application/json' || type === 'application/xml') return 'text';
  if (SPREADSHEET_TYPES.includes(type)) return 'spreadsheet';
  if (DOCUMENT_TYPES.includes(type)) return 'document';
  return null;
}

/** The challenge's attachments no station can open (a candidate would have to raise an alert). */
export function unopenableAttachments(challenge: Pick<Challenge, 'attachments'>): Attachment[] {
  return challenge.attachments.filter((a) => viewerKindOf(a.mediaType) === null);
}
