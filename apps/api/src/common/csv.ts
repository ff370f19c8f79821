/** Excel opens a CSV as UTF-8, and so shows the Chinese, only when the file starts with a BOM. */
const BOM = '\uFEFF';
/** RFC 4180 line ends; Excel on every platform reads them. */
const EOL = '\r\n';

/**
 * One CSV field. A text that starts like a formula (=, +, -, @) gets a leading apostrophe, so a
 * project title can never run as a formula in the office's spreadsheet; quotes are doubled.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (the header first) as a CSV file the office's spreadsheet opens: UTF-8 with BOM, CRLF. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((row) => row.map(field).join(',')).join(EOL)}${EOL}`;
}

/** One record of a CSV file and the line it starts on (1 is the header's). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Reads a CSV file as the office's spreadsheet writes it (RFC 4180: commas, double quotes with
 * doubled quotes inside, CRLF or LF, an optional BOM). Blank lines are skipped; each record keeps
 * the line it starts on, so refusals can name it. A quote left open is reported as `unclosedAt`.
 */
export function parseCsv(text: string): { readonly records: CsvRecord[]; readonly unclosedAt?: number } {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let touched = false;
  const endRecord = () => {
    if (touched || cells.length > 0 || cell !== '') records.push({ line: start, cells: [...cells, cell] });
    cells = [];
    cell = '';
    touched = false;
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
      continue;
    }
    if (ch === '"') {
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      cell += ch;
      touched = true;
    }
  }
  if (quoted) return { records, unclosedAt: start };
  endRecord();
  return { records };
}
