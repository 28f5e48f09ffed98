// Why the server refused a whole class list (INVALID_CSV), in the referent's words. The server's message
// is English; the three refusals it writes itself carry facts worth showing (the missing columns are
// named in French already), so they are read back; anything else (the CSV reader's own complaint)
// gets the general advice.
export type CsvRefusal =
  | { kind: 'empty' }
  | { kind: 'tooManyLines'; lines: number; max: number }
  | { kind: 'missingColumns'; missing: string; found: string }
  | { kind: 'unreadable' };

export function readCsvRefusal(message: string): CsvRefusal {
  if (message === 'the file is empty') return { kind: 'empty' };
  const tooMany = /^the file has (\d+) lines; at most (\d+) at a time$/.exec(message);
  if (tooMany) return { kind: 'tooManyLines', lines: Number(tooMany[1]), max: Number(tooMany[2]) };
  const missing = /^missing column\(s\): (.*) \(columns found: (.*)\)$/s.exec(message);
  if (missing) return { kind: 'missingColumns', missing: missing[1] ?? '', found: missing[2] ?? '' };
  return { kind: 'unreadable' };
}
