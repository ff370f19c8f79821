import { BilingualMessage, RequestProblems, TextPart } from '@app/domain';
import { FieldProblem, MAX_DETAILS } from './validation-error';

/**
 * Deeper than any request the API reads (rules nest about five levels). Past it, the libraries that
 * copy and store a value recurse until the stack runs out, which would answer 500.
 */
export const MAX_NESTING = 32;

/**
 * No list or object the API reads comes near this (the longest, a project's budget lines, allows
 * 100). Past it a request is refused before validation, which would otherwise spend seconds of CPU
 * on a body of a hundred thousand items.
 */
export const MAX_ENTRIES = 1000;

// A surrogate is only text as half of a pair; alone it cannot be encoded as UTF-8, so Postgres
// refuses it in jsonb (a 500) and the driver silently turns it into U+FFFD in text columns.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex -- NUL is one of the characters to show escaped
const UNPRINTABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

/** A property name as the refusal's `field` can show it, even when the name itself is the problem. */
function printable(key: string): string {
  return key.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function textProblem(text: string, where: TextPart): BilingualMessage | undefined {
  if (text.includes('\u0000')) return RequestProblems.nulCharacter(where);
  if (LONE_SURROGATE.test(text)) return RequestProblems.loneSurrogate(where);
  return undefined;
}

/**
 * Collects the texts of a request that no column can store: NUL characters and unpaired
 * surrogates, in values and in property names, and values nested deeper than MAX_NESTING. Keeps
 * the first MAX_DETAILS problems and counts the rest, so a huge body never makes a huge answer.
 * Walks with its own stack: the depth of a body is the client's choice, not ours.
 */
export class MalformedInputScan {
  readonly problems: FieldProblem[] = [];
  total = 0;

  private add(field: string, message: BilingualMessage): void {
    this.total += 1;
    if (this.problems.length < MAX_DETAILS) this.problems.push({ field, message });
  }

  /**
   * A query string's parser keeps a parameter whose percent-escapes do not decode (`%ZZ`, bytes
   * that are not UTF-8) as the raw text, so they are looked for in the query string itself.
   */
  scanQueryString(url: string): void {
    const start = url.indexOf('?');
    if (start < 0) return;
    for (const pair of url.slice(start + 1).split('&')) {
      const equals = pair.indexOf('=');
      const key = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      const decodedKey = decode(key);
      if (decodedKey === undefined || decode(value) === undefined) {
        this.add(`query.${printable(decodedKey ?? key)}`, RequestProblems.badPercentEscape());
      }
    }
  }

  /** `prefix` is put before every field path; `name` is the field when `value` itself is a text. */
  scan(value: unknown, prefix: string, name = prefix): void {
    const stack: { value: unknown; path: string; depth: number; key?: string }[] = [{ value, path: name, depth: 0 }];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const { path, depth } = item;
      const keyProblem = item.key === undefined ? undefined : textProblem(item.key, 'name');
      if (keyProblem) this.add(path, keyProblem);
      if (typeof item.value === 'string') {
        const valueProblem = textProblem(item.value, 'value');
        if (valueProblem) this.add(path, valueProblem);
        continue;
      }
      if (item.value === null || typeof item.value !== 'object') continue;
      if (depth >= MAX_NESTING) {
        this.add(path, RequestProblems.nestedTooDeep(MAX_NESTING));
        continue;
      }
      const base = depth === 0 ? prefix : path;
      const entries = Object.entries(item.value as Record<string, unknown>);
      if (entries.length > MAX_ENTRIES) {
        this.add(path, RequestProblems.tooManyEntries(entries.length, MAX_ENTRIES));
        continue;
      }
      // Pushed in reverse so that problems come out in the order the request wrote them.
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i];
        stack.push({ value: child, path: join(base, printable(key)), depth: depth + 1, key });
      }
    }
  }
}
