// A total of the status line as the selection's cells show their numbers: 25 % and 50 % add up to
// 75 %, not 0,75, when the cells share a format (percent, currency, decimals), as Excel's status bar
// shows them. SheetJS's formatter applies the file's format; the separators are then the screen's, as
// in the cells (cell-text.ts). Numbers of mixed formats are shown plain.
import { SSF } from '@e965/xlsx';
import { formatNumber, localizedNumberText } from './cell-text.ts';

export function statisticText(value: number, numberFormat: string | null, language: string): string {
  if (numberFormat === null) return formatNumber(value, language);
  try {
    const text = SSF.format(numberFormat, value);
    // A format that shows no number (";;;" hides the value, '"Total"' is a word): the plain number.
    if (!/[0-9]/.test(text)) return formatNumber(value, language);
    return localizedNumberText(text, language);
  } catch {
    // A format SheetJS cannot apply: the plain number is still right.
    return formatNumber(value, language);
  }
}
