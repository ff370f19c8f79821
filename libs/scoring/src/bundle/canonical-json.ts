import { ScoringError, ScoringErrorCode } from '../scoring.error';

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Writes `value` into `out`. `path` holds the keys down to `value` and is joined only for an error
 * message: building a path string per value costs more than the serialization itself.
 */
function write(value: unknown, path: (string | number)[], out: string[]): void {
  if (value === null || typeof value === 'boolean') {
    out.push(String(value));
    return;
  }
  if (typeof value === 'string') {
    out.push(JSON.stringify(value));
    return;
  }
  if (typeof value === 'number') {
    // A non-integer number has no single canonical text across languages; decimals travel as strings.
    if (!Number.isSafeInteger(value)) {
      throw new ScoringError(
        ScoringErrorCode.InvalidNumber,
        `${value} is not a safe integer; decimals must be strings in canonical JSON`,
        path.join('.'),
      );
    }
    out.push(Object.is(value, -0) ? '0' : String(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      path.push(i);
      if (item === undefined) {
        throw new ScoringError(ScoringErrorCode.InvalidInput, 'undefined in an array', path.join('.'));
      }
      write(item, path, out);
      path.pop();
    }
    out.push(']');
    return;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(codeUnitOrder);
    out.push('{');
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      path.push(key);
      write(item, path, out);
      path.pop();
    }
    out.push('}');
    return;
  }
  throw new ScoringError(ScoringErrorCode.InvalidInput, `a ${typeof value} has no JSON form`, path.join('.'));
}

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, undefined members left
 * out, numbers only as safe integers (decimals must already be strings), strings escaped as
 * JSON.stringify does. Invariant: two values that are equal as JSON data give the same text,
 * whatever their key order, so a hash of the text identifies the data.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, [], out);
  return out.join('');
}
