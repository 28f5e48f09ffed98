// Fetches an attachment's bytes from the address the station gave (the candidate's sandbox) and reads
// them with a viewer's reader. A file that does not arrive and a file that cannot be read are told
// apart: the first may be worth another try, the second is to be reported.
import { useEffect, useRef, useState } from 'react';
import { MAX_FILE_BYTES } from './file-limits.ts';
import { UnreadableFile } from './unreadable-file.ts';

/** What an office viewer is given: the file's address in the sandbox, its type and its name. */
export interface OfficeViewerProps {
  url: string;
  mediaType: string;
  name: string;
}

export type FileContent<T> =
  { state: 'loading' } | { state: 'failed' } | { state: 'unreadable' } | { state: 'ready'; value: T };

export function useFileContent<T>(
  url: string,
  read: (bytes: Uint8Array) => T | Promise<T>,
  /** What else the reading depends on (the media type, the screen's language). */
  key: string,
): FileContent<T> {
  const [content, setContent] = useState<FileContent<T>>({ state: 'loading' });
  // `read` is a new function on each render: the reading is redone when the URL or the key changes.
  const reader = useRef(read);
  reader.current = read;
  useEffect(() => {
    let live = true;
    setContent({ state: 'loading' });
    fetch(url)
      .then((response) => {
        if (!response.ok) return Promise.reject(new Error(String(response.status)));
        // A file too large to read is not even downloaded when its size is given.
        if (Number(response.headers.get('content-length')) > MAX_FILE_BYTES) return null;
        return response.arrayBuffer();
      })
      .then(
        async (buffer) => {
          try {
            if (!buffer || buffer.byteLength > MAX_FILE_BYTES) throw new UnreadableFile('too large');
            const value = await reader.current(new Uint8Array(buffer));
            if (live) setContent({ state: 'ready', value });
          } catch (error) {
            // Any failure of a reader on the file's bytes (a library's own error included) means the
            // file cannot be read here.
            if (!(error instanceof UnreadableFile)) console.warn('viewer: file not read', error);
            if (live) setContent({ state: 'unreadable' });
          }
        },
        () => live && setContent({ state: 'failed' }),
      );
    return () => {
      live = false;
    };
  }, [url, key]);
  return content;
}
