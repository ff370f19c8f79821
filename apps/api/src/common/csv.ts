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
