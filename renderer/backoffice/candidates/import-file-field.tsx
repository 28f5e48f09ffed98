// The file to import (class list, Pix profiles): a labelled file input whose hint says what to choose;
// choosing a file starts the import's check at once, there is no separate "send" button.
import type { Ref } from 'react';
import { Field } from '../ui/field.tsx';

export function ImportFileField({
  label,
  hint,
  accept,
  testId,
  inputRef,
  onFile,
}: {
  label: string;
  hint: string;
  accept: string;
  testId: string;
  /** To empty and focus the input for another file. */
  inputRef?: Ref<HTMLInputElement>;
  onFile: (file: File) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          className="file-input"
          type="file"
          accept={accept}
          data-testid={testId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
          }}
        />
      )}
    </Field>
  );
}
