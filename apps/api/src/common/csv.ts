/** Excel opens a CSV as UTF-8, and so shows the Chinese, only when the file starts with a BOM. */
const BOM = '\uFEFF';
/** RFC 4180 line ends; Excel on every platform reads them. */
const EOL = '\r\n';

/**
 * One CSV field. A text that starts like a formula (=, +, -, @) gets a leading apostrophe, so a
 * project title can never run as a formula in the office's spreadsheet; so does one that starts with
 * an apostrophe, so the guard can be undone exactly (readCsvDocument). Quotes are doubled.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(row: readonly string[]): string {
  return `${row.map(field).join(',')}${EOL}`;
}

/** Rows (the header first) as a CSV file the office's spreadsheet opens: UTF-8 with BOM, CRLF. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((row) => row.map(field).join(',')).join(EOL)}${EOL}`;
}

/** The start of a CSV document sent in pieces: the BOM and the header line; csvLines follow. */
export function csvHeader(header: readonly string[]): string {
  return `${BOM}${line(header)}`;
}

export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map(line).join('');
}

/**
 * A document csvDocument (or csvHeader and csvLines) wrote, read back to the texts it was given:
 * quotes and the formula guard undone, the BOM and the final line end dropped.
 */
export function readCsvDocument(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith(BOM) ? 1 : 0;
  const endCell = () => {
    row.push(cell.startsWith("'") ? cell.slice(1) : cell);
    cell = '';
  };
  for (; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
