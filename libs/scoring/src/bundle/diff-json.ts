/** One field whose published value differs from the recomputed one; `undefined` means absent. */
export interface FieldDifference {
  readonly path: string;
  readonly expected: unknown;
  readonly found: unknown;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(expected: unknown, found: unknown, path: string, out: FieldDifference[]): void {
  if (Array.isArray(expected) && Array.isArray(found)) {
    if (expected.length !== found.length)
      out.push({ path: `${path}.length`, expected: expected.length, found: found.length });
    const shared = Math.min(expected.length, found.length);
    for (let i = 0; i < shared; i += 1) walk(expected[i], found[i], `${path}.${i}`, out);
    return;
  }
  if (isObject(expected) && isObject(found)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
    for (const key of keys) {
      if (expected[key] === undefined && found[key] === undefined) continue;
      walk(expected[key], found[key], `${path}.${key}`, out);
    }
    return;
  }
  if (expected !== found) out.push({ path, expected, found });
}

/**
 * Every leaf where two JSON values differ, as dotted paths from `root` (`result.projects.3.grantFen`),
 * in a stable order: object keys sorted, array items by index, a length difference before the items.
 * Key order never counts as a difference.
 */
export function diffJson(expected: unknown, found: unknown, root: string): FieldDifference[] {
  const out: FieldDifference[] = [];
  walk(expected, found, root, out);
  return out;
}
