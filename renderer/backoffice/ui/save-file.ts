// Downloads (results CSV, certificate PDF) go through the API client, not a plain <a download>: a plain
// link saves whatever answers, so an expired login or a refusal (409) would be saved as the file,
// silently. Here the answer's status is checked first (a refusal comes back as an ApiFailure for the
// screen to word and announce; a 401 also goes to the client's unauthorized handling), and only a file
// is saved: through an object URL and a temporary link, which the browser saves under its name.
import type { ApiFailure, DownloadedFile } from '../api/centre-client.ts';
import { asFailure } from '../state/use-resource.ts';

/** What saving needs of the browser (a fake in tests). */
export interface SaveEnvironment {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  createLink(): { href: string; download: string; click(): void; remove(): void };
  /** Runs later: the URL is revoked once the browser has started the download. */
  later(work: () => void): void;
}

function browser(): SaveEnvironment {
  return {
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    createLink: () => {
      const link = document.createElement('a');
      link.hidden = true;
      document.body.append(link);
      return link;
    },
    later: (work) => void window.setTimeout(work, 1000),
  };
}

export function saveBlob(blob: Blob, fileName: string, env: SaveEnvironment = browser()): void {
  const url = env.createObjectURL(blob);
  const link = env.createLink();
  link.href = url;
  link.download = fileName;
  link.click();
  link.remove();
  env.later(() => env.revokeObjectURL(url));
}

/**
 * Fetches the file and saves it under the server's name (else `fallbackName`); the failure, if any,
 * for the screen (null: saved).
 */
export async function downloadAndSave(
  url: string,
  fallbackName: string,
  io: { download(url: string): Promise<DownloadedFile>; save(blob: Blob, fileName: string): void },
): Promise<ApiFailure | null> {
  try {
    const file = await io.download(url);
    io.save(file.blob, file.fileName ?? fallbackName);
    return null;
  } catch (error) {
    return asFailure(error);
  }
}
