/**
 * Pure helpers over the first kilobytes of a delimited text file: split rows the RFC 4180 way (quoted
 * cells may hold delimiters, doubled quotes and newlines) and choose the delimiter. DuckDB reads the
 * whole file; these only look at a head sample to find the delimiter and the header row.
 */

/** Delimiters we recognise, in tie-break order (exports.md §3.1). */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

export interface TextRow {
  cells: string[];
  /** 0-based physical line where the row starts (what DuckDB's `skip` counts). */
  line: number;
}

/**
 * Split `text` into rows. With `complete = false` the text is a sample cut at an arbitrary point, so
 * its last (possibly partial) row is dropped unless it is the only one.
 */
export function splitDelimitedRows(
  text: string,
  delimiter: string,
  maxRows = 200,
  complete = false,
  quote = '"',
): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 0;
  let rowLine = 0;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < n && rows.length < maxRows) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          cell += quote;
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === quote && cell.trim() === '') {
      cell = '';
      inQuotes = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
      rowLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  const pending = cell !== '' || cells.length > 0;
  if (rows.length < maxRows && pending && (complete || rows.length === 0)) endRow();
  return rows;
}

/**
 * The delimiter that splits the most sample rows into the same number (> 1) of cells. Title rows
 * above the header have one cell under every candidate, so they do not sway the choice.
 */
export function sniffDelimiter(sample: string, complete = false): string {
  let best: string = DELIMITERS[0];
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const rows = splitDelimitedRows(sample, d, 60, complete).filter((r) =>
      r.cells.some((c) => c.trim() !== ''),
    );
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let score = 0;
    for (const [width, rowsWithWidth] of counts) {
      // Consistent rows first; wider tables break ties between equally consistent delimiters.
      if (width > 1) score = Math.max(score, rowsWithWidth * 1000 + width);
    }
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
