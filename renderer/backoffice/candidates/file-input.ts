// A file input that takes another file: browsers fire `change` only when the chosen file differs from
// the one the input holds, so a referent who picks the same file again (after a cancel, a refusal, or
// once corrected) would see nothing happen unless the input is emptied first.

/** What of the input this needs (an HTMLInputElement; a fake in tests). */
export interface FileInputLike {
  value: string;
  focus(): void;
}

/**
 * Empties the input so that any file, the same one included, can be chosen again; focuses it when the
 * control that had the focus has gone (a section removed by Cancel, or by a confirmation that failed).
 */
export function readyForAnotherFile(input: FileInputLike | null, options: { focus: boolean }): void {
  if (!input) return;
  input.value = '';
  if (options.focus) input.focus();
}

/**
 * The chosen file's bytes, read at once, then the input emptied (readyForAnotherFile): whatever comes
 * of them (a refusal, a preview with nothing to import), choosing the corrected file, same name and
 * all, is read again. The bytes are kept, so that what is imported is what was previewed.
 */
export async function takeChosenFile(file: Blob, input: FileInputLike | null): Promise<Blob> {
  try {
    return new Blob([await file.arrayBuffer()], { type: file.type });
  } finally {
    // Unreadable too (moved, deleted): the input takes it again once it is back.
    readyForAnotherFile(input, { focus: false });
  }
}
