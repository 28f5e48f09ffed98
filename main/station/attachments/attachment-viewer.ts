// Opening an attachment for the candidate: the file is taken from the test's sandbox (downloaded
// again if it is missing), its media type says which viewer the screen uses, and the station's
// `attachmentUrl` turns the file into an address the screen may load (app:// in Electron, a local
// route in the browser harness).
import type { Attachment } from '../../../core/challenge/challenge.ts';
// Which media types a station opens is core's rule, shared with the server's readiness check.
import { viewerKindOf, type ViewerKind } from '../../../core/challenge/station-viewers.ts';
import type { StationResult } from '../../../core/contracts/station-api.ts';
import type { AttachmentViewer } from '../station-handlers.ts';
import type { AttachmentStore } from './attachment-store.ts';

export interface AttachmentViewerOptions {
  store: Pick<AttachmentStore, 'ensure'>;
  /** Turns a stored file into a URL the renderer can show. */
  attachmentUrl: (file: string, attachment: Attachment) => string;
}

export function createAttachmentViewer(options: AttachmentViewerOptions): AttachmentViewer {
  return {
    async open(testId, attachment): Promise<StationResult<{ viewer: ViewerKind; url: string }>> {
      const viewer = viewerKindOf(attachment.mediaType);
      if (!viewer) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_ATTACHMENT',
            message:
              'Ce type de fichier ne peut pas être ouvert sur ce poste. Signalez un problème (fichier qui ne s’ouvre pas).',
          },
        };
      }
      const stored = await options.store
        .ensure(testId, attachment)
        .catch((error: unknown) => ({ ok: false, message: String(error) }) as const);
      if (!stored.ok) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_ATTACHMENT',
            message:
              'Ce fichier n’a pas pu être récupéré. Réessayez dans un instant ; s’il ne s’ouvre toujours pas, signalez un problème (fichier qui ne s’ouvre pas).',
          },
        };
      }
      return { ok: true, value: { viewer, url: options.attachmentUrl(stored.value, attachment) } };
    },
  };
}
