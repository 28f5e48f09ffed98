// Attachment and illustration bytes that no centre references and no test package cites are deleted:
// each bank a centre replaces (hundreds of MB of PDFs, images, spreadsheets) would otherwise stay in the
// database for ever. References disappear in one place, a bank import's forget (bank-service.ts): the
// sweep runs after each import, and once at each start for what an import's failed sweep, or an older
// server, left behind. The log gives counts only, never which files (they may be another centre's).
import type { ServerContext } from '../context.ts';
import type { StorageFaults } from '../http/storage-faults.ts';
import type { SweptContent } from '../storage/repositories.ts';

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Deletes the uncited bytes (ContentRepository.sweepUncited) a batch per turn of the event loop, so that
 * a large backlog never holds the stations' requests for long, and says so when it freed any (what it
 * freed before a failure too). `closing`: stops between batches once the server is closing.
 */
export async function sweepUncitedContent(
  ctx: Pick<ServerContext, 'store' | 'log'>,
  when: 'after a bank import' | 'at start',
  closing: () => boolean = () => false,
): Promise<SweptContent> {
  const swept = { files: 0, bytes: 0 };
  try {
    for (;;) {
      const batch = await ctx.store.content.sweepUncited();
      swept.files += batch.files;
      swept.bytes += batch.bytes;
      if (batch.files === 0 || closing()) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    if (swept.files > 0) {
      ctx.log.info(
        { filesFreed: swept.files, bytesFreed: swept.bytes },
        `attachments no centre and no test package cites any more deleted ${when}: ` +
          `${swept.files} file${swept.files === 1 ? '' : 's'}, ${megabytes(swept.bytes)} MB freed in the database`,
      );
    }
  }
  return swept;
}

/**
 * The sweep after an import's forget, once the centre's content turn is over: it needs no turn (a put
 * stores the bytes and their reference in one transaction, and bytes a centre references are never
 * swept), and it would only make the centre's next upload wait. It runs one turn of the event loop
 * later: a test package generated from the bank as it was before the import (which may cite a file the
 * import forgot) has stored its package_content rows by then, since on SQLite every store call between
 * reading the bank and storing the package completes without yielding to the event loop. The import is
 * stored whatever happens here: a failed sweep is logged and the bytes wait for the next sweep, except
 * a disk that lost written data, which the request's error handling reports (the server stops).
 */
export async function sweepAfterImport(ctx: Pick<ServerContext, 'store' | 'log'>): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    await sweepUncitedContent(ctx, 'after a bank import');
  } catch (error) {
    const fault = ctx.store.faultOf(error);
    if (fault?.durabilityLost) throw error;
    ctx.log.error(
      { err: error, ...fault?.logFields },
      'deleting the attachments no longer cited after a bank import failed: the bank is imported; ' +
        'the files stay until the next import or start',
    );
  }
}

/** The name the log gives the startup sweep (storage-faults.ts: `during`). */
export const START_SWEEP_TASK = 'deleting attachments no longer cited, at start';

/**
 * The sweep at start, in the background: scheduled once the server listens (nothing waits for it), and
 * not run if the server is closing by then. Never rejects: a storage fault is logged as a background
 * task's (storage-faults.ts), anything else as an error; the server keeps serving.
 */
export async function sweepAtStart(
  ctx: Pick<ServerContext, 'store' | 'log'>,
  faults: Pick<StorageFaults, 'noteTask'>,
  closing: () => boolean,
): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (closing()) return;
  try {
    await sweepUncitedContent(ctx, 'at start', closing);
  } catch (error) {
    if (!faults.noteTask(error, START_SWEEP_TASK))
      ctx.log.error({ err: error }, `${START_SWEEP_TASK} failed`);
  }
}
