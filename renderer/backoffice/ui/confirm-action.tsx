// An action that cannot be undone (revoke, deactivate, delete, publish) asks first. The page keeps its
// own button (its look and label stay where they are read) and gets `ask` to open the confirmation;
// the dialog is mounted on <body> so it looks the same wherever the button sits (a table cell's
// smaller text must not reach it), and focus goes back to that button when it closes.
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ConfirmDialog } from './confirm-dialog.tsx';

export function ConfirmAction({
  title,
  text,
  confirmLabel,
  danger,
  onConfirm,
  onClosed,
  details,
  children,
}: {
  title: string;
  /** What will happen, in one sentence. */
  text: string;
  /** What the referent must know before confirming (who an action would cut off), under the sentence. */
  details?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Resolves when done (the dialog closes); a failure stays in the dialog. */
  onConfirm: () => Promise<void>;
  /** Once the dialog has closed, done or cancelled (what a failure shown in it asked the page to do). */
  onClosed?: () => void;
  /** The button that asks, given the function that opens the confirmation. */
  children: (ask: () => void) => ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      {children(() => setAsking(true))}
      {asking &&
        createPortal(
          <ConfirmDialog
            title={title}
            confirmLabel={confirmLabel}
            danger={danger}
            onClose={() => {
              setAsking(false);
              onClosed?.();
            }}
            onConfirm={onConfirm}
          >
            <p>{text}</p>
            {details}
          </ConfirmDialog>,
          document.body,
        )}
    </>
  );
}
