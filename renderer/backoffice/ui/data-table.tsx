// A table of the back office: named once (the caption screen readers announce, also the name of the
// frame that scrolls it sideways on a narrow window), with its column headers. Most captions are
// hidden because the section's heading already says the same to sighted users.
import type { ReactNode } from 'react';
import { TableFrame } from './table-frame.tsx';

export function DataTable({
  caption,
  captionVisible = false,
  columns,
  className,
  testId,
  children,
}: {
  caption: string;
  captionVisible?: boolean;
  /** The column headers, in order (a column without a visible header gets a visually hidden one). */
  columns: readonly ReactNode[];
  /** Classes after `table`, e.g. `table-compact`. */
  className?: string;
  testId?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <TableFrame label={caption}>
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        <caption className={captionVisible ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableFrame>
  );
}
