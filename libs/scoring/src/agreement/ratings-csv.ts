import { ScoringError, ScoringErrorCode } from '../scoring.error';
import type { Rating } from './ratings';

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Splits one CSV line, honouring double-quoted fields with "" escapes; an error names the line. */
export function csvLineCells(line: string, lineNumber: number): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current === '') quoted = true;
    else if (ch === ',') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (quoted) {
    throw new ScoringError(ScoringErrorCode.InvalidInput, 'unterminated quoted field', `line ${lineNumber}`);
  }
  out.push(current.trim());
  return out;
}

/**
 * Reads CSV with the header `item,judge,score` (any column order, extra columns ignored), as the
 * auditors' CLI takes it. Blank lines are skipped; a BOM and CRLF line ends are accepted.
 * Invariants: every returned score is decimal text; an error names the line at fault.
 */
export function parseRatingsCsv(text: string): Rating[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) {
    throw new ScoringError(
      ScoringErrorCode.InvalidInput,
      'empty input: expected a header line "item,judge,score"',
      'line 1',
    );
  }
  const header = csvLineCells(lines[headerIndex], headerIndex + 1).map((name) => name.toLowerCase());
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) {
      throw new ScoringError(
        ScoringErrorCode.InvalidInput,
        `missing header column "${name}": the first line must be "item,judge,score"`,
        `line ${headerIndex + 1}`,
      );
    }
    return at;
  };
  const itemAt = column('item');
  const judgeAt = column('judge');
  const scoreAt = column('score');
  const ratings: Rating[] = [];
  for (let n = headerIndex + 1; n < lines.length; n += 1) {
    if (lines[n].trim() === '') continue;
    const row = csvLineCells(lines[n], n + 1);
    const item = row[itemAt] ?? '';
    const judge = row[judgeAt] ?? '';
    const score = row[scoreAt] ?? '';
    if (item === '' || judge === '') {
      throw new ScoringError(ScoringErrorCode.InvalidInput, 'item and judge must not be empty', `line ${n + 1}`);
    }
    if (!DECIMAL.test(score)) {
      throw new ScoringError(
        ScoringErrorCode.InvalidNumber,
        `score "${score}" is not a decimal number`,
        `line ${n + 1}`,
      );
    }
    ratings.push({ item, judge, score });
  }
  return ratings;
}
