/** One row of delimited text and the line it starts on (the first line is 1). */
export interface DelimitedRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Splits CSV-like text into rows (RFC 4180 quoting, as spreadsheets and Python's csv module write
 * it): a cell that starts with a double quote may hold the separator, doubled quotes and line
 * breaks; CRLF or LF ends a row; a leading BOM is dropped; blank lines are skipped. Each row keeps
 * the line it starts on, so a refusal can name it. A quote never closed is reported as
 * `unclosedAt` (the line its row starts on) rather than read to the end.
 */
export function readDelimitedRows(
  text: string,
  separator: string,
): { readonly rows: DelimitedRow[]; readonly unclosedAt?: number } {
  const rows: DelimitedRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) return { rows, unclosedAt: rowLine };
  endRow();
  return { rows };
}
