import { parseKeyRing } from './key-ring';

const a = 'a'.repeat(32);
const b = 'b'.repeat(40);

function problemOf(text: string): string {
  const parsed = parseKeyRing(text);
  if (!('problem' in parsed)) throw new Error(`expected a problem with ${text}`);
  return parsed.problem;
}

describe('parseKeyRing', () => {
  it('reads the keys in order, the first one current', () => {
    expect(parseKeyRing(`2026-12:${b},legacy:${a}`)).toEqual({
      ring: [
        { id: '2026-12', secret: b },
        { id: 'legacy', secret: a },
      ],
    });
  });

  it('accepts spaces around entries and colons inside a secret', () => {
    expect(parseKeyRing(` k2:${b}:x , k1:${a} `)).toEqual({
      ring: [
        { id: 'k2', secret: `${b}:x` },
        { id: 'k1', secret: a },
      ],
    });
  });

  it.each([
    ['an entry without an id', `${a}`, 'entry 1: expected id:secret'],
    ['an empty entry', `k1:${a},`, 'entry 2: expected id:secret'],
    ['an empty id', `:${a}`, 'entry 1: the key id must be 1–16'],
    ['an id with a dot', `k.1:${a}`, 'entry 1: the key id must be 1–16'],
    ['an id of 17 characters', `${'k'.repeat(17)}:${a}`, 'entry 1: the key id must be 1–16'],
    ['an id listed twice', `k1:${a},k1:${b}`, 'key id "k1" is listed twice'],
    ['a secret of 31 characters', `k1:${a.slice(1)}`, 'the secret of key "k1" must be at least 32 characters'],
    ['a secret with a space', `k1:${a} ${b}`, 'the secret of key "k1" must be at least 32 characters without spaces'],
    ['one secret under two ids', `k2:${a},k1:${a}`, 'keys "k2" and "k1" have the same secret'],
  ])('refuses %s, naming the key but not its secret', (_, text, problem) => {
    const found = problemOf(text);
    expect(found).toContain(problem);
    expect(found).not.toContain('aaaaaaaa');
    expect(found).not.toContain('bbbbbbbb');
  });
});
