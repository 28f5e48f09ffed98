// The candidate's files: when the test package is stored, every attachment (and illustration) of its
// challenges is downloaded, checked against its SHA-256 (its id), and kept under
// <dataDir>/sandbox/<testId>/<hash>/<file name>. A download that fails is tried again when the
// candidate opens the file; it never blocks the test (the candidate can report problem E3).
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment, Illustration } from '../../../core/challenge/challenge.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import { writeFileAtomic } from '../files/atomic-file.ts';
import type { ServerResult } from '../runtime/ports.ts';

/** What the store needs of a challenge file: its hash, a file name and its media type. */
export type StoredContent = Pick<Attachment, 'hash' | 'fileName' | 'mediaType'>;

export interface AttachmentDownloadReport {
  stored: number;
  failed: { hash: string; fileName: string; message: string }[];
}

export interface AttachmentStoreOptions {
  dataDir: string;
  download(hash: string): Promise<ServerResult<Uint8Array>>;
  log?: (message: string) => void;
}

const SAFE_FOLDER = /^[A-Za-z0-9_-]{1,64}$/;
/** Characters Windows refuses in file names, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_FILE_CHARS = /[<>:"/\\|?*\u0000-\u001f]/g;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file a package's challenges show: attachments and illustrations, each once. */
export function contentsOf(pkg: TestPackage): StoredContent[] {
  const byHash = new Map<string, StoredContent>();
  for (const challenge of pkg.challenges) {
    for (const attachment of challenge.attachments) byHash.set(attachment.hash, attachment);
    const image = challenge.illustration;
    if (image && !byHash.has(image.hash)) byHash.set(image.hash, illustrationContent(image));
  }
  return [...byHash.values()];
}

const IMAGE_EXTENSIONS: Record<string, string> = { 'svg+xml': 'svg', jpeg: 'jpg', 'x-icon': 'ico' };

/** An illustration kept like a file: the image under a fixed name (the screens open it by its hash). */
export function illustrationContent(image: Illustration): StoredContent {
  const subtype = image.mediaType.split('/')[1] ?? '';
  // The file's extension tells the file routes its type: image/svg+xml must end in .svg to be drawn.
  const extension = IMAGE_EXTENSIONS[subtype] ?? (subtype.replace(/[^a-z0-9]/g, '') || 'img');
  return { hash: image.hash, fileName: `illustration.${extension}`, mediaType: image.mediaType };
}

export class AttachmentStore {
  readonly root: string;
  readonly #o: AttachmentStoreOptions;
  /** Downloads in course, by file: opening a file while it downloads waits for that download. */
  readonly #downloads = new Map<string, Promise<ServerResult<string>>>();

  constructor(options: AttachmentStoreOptions) {
    this.#o = options;
    this.root = path.join(options.dataDir, 'sandbox');
  }

  /** The test's sandbox folder (test ids that are not plain names are hashed: never a path). */
  folder(testId: string): string {
    const name = SAFE_FOLDER.test(testId)
      ? testId
      : `t-${sha256Of(new TextEncoder().encode(testId)).slice(0, 32)}`;
    return path.join(this.root, name);
  }

  fileOf(testId: string, content: StoredContent): string {
    const name = content.fileName.replace(UNSAFE_FILE_CHARS, '_');
    return path.join(this.folder(testId), content.hash, name);
  }

  /** Downloads every file of the package that is not already there; never throws. */
  async downloadAll(testId: string, pkg: TestPackage): Promise<AttachmentDownloadReport> {
    const report: AttachmentDownloadReport = { stored: 0, failed: [] };
    for (const content of contentsOf(pkg)) {
      let message: string;
      try {
        const result = await this.ensure(testId, content);
        if (result.ok) {
          report.stored += 1;
          continue;
        }
        message = result.message;
      } catch (error) {
        // The disk refused the file: the candidate can still open it later (or report E3).
        message = error instanceof Error ? error.message : String(error);
      }
      report.failed.push({ hash: content.hash, fileName: content.fileName, message });
    }
    if (report.failed.length > 0) {
      this.#o.log?.(
        `test ${testId}: ${report.failed.length} file(s) not downloaded yet (${report.failed[0]?.message})`,
      );
    }
    return report;
  }

  /** The stored file, checked against its hash; downloaded (again) when missing or altered. */
  ensure(testId: string, content: StoredContent): Promise<ServerResult<string>> {
    const file = this.fileOf(testId, content);
    let running = this.#downloads.get(file);
    if (!running) {
      running = this.#ensure(file, content).finally(() => this.#downloads.delete(file));
      this.#downloads.set(file, running);
    }
    return running;
  }

  async #ensure(file: string, content: StoredContent): Promise<ServerResult<string>> {
    if (await this.#holds(file, content.hash)) return { ok: true, value: file };
    const downloaded = await this.#o.download(content.hash);
    if (!downloaded.ok) return downloaded;
    const actual = sha256Of(downloaded.value);
    if (actual !== content.hash) {
      return {
        ok: false,
        kind: 'http',
        code: 'ATTACHMENT_HASH_MISMATCH',
        message: `the file ${content.fileName} received hashes to ${actual}, not ${content.hash}: not kept`,
      };
    }
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, downloaded.value, { mode: 0o644 });
    return { ok: true, value: file };
  }

  async #holds(file: string, hash: string): Promise<boolean> {
    try {
      return sha256Of(await readFile(file)) === hash;
    } catch {
      return false;
    }
  }

  /** Removes a test's sandbox (after its result is purged). */
  async remove(testId: string): Promise<void> {
    await rm(this.folder(testId), { recursive: true, force: true });
  }

  /** Removes the sandboxes of tests the journal no longer holds; returns the folders removed. */
  async removeAllBut(keep: (folderName: string) => boolean): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const removed: string[] = [];
    for (const name of names) {
      if (keep(name)) continue;
      await rm(path.join(this.root, name), { recursive: true, force: true });
      removed.push(name);
    }
    return removed;
  }
}
