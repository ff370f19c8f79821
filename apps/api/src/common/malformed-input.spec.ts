import { MAX_ENTRIES, MAX_NESTING, MalformedInputScan } from './malformed-input';
import { MAX_DETAILS } from './validation-error';

function scanned(value: unknown, prefix = '', name = prefix || 'body'): MalformedInputScan {
  const scan = new MalformedInputScan();
  scan.scan(value, prefix, name);
  return scan;
}

describe('malformed input', () => {
  it('passes Chinese text, emoji (a surrogate pair) and line breaks', () => {
    expect(scanned({ title: '红色核动力 🚩', summary: '第一行\n第二行\t缩进', marks: ['25.00'] }).total).toBe(0);
  });

  it('names a NUL and an unpaired surrogate by their dotted paths, in the order they were written', () => {
    const scan = scanned({ title: 'a\u0000b', budgetLines: [{ item: 'ok' }, { item: '\ud800x' }], tail: 'x\udc00' });
    expect(scan.problems.map((p) => p.field)).toEqual(['title', 'budgetLines.1.item', 'tail']);
    expect(scan.problems[0].message).toEqual({
      zh: '此项含有空字符（U+0000）',
      en: 'this field contains a NUL character (U+0000)',
    });
    expect(scan.problems[1].message.en).toBe(
      'this field contains an unpaired UTF-16 surrogate, so it is not valid Unicode text',
    );
  });

  it('finds a bad property name and shows it escaped', () => {
    const [problem] = scanned({ criteria: { 'ne\u0000ed': '1' } }).problems;
    expect(problem).toEqual({
      field: 'criteria.ne\\u0000ed',
      message: { zh: '字段名含有空字符（U+0000）', en: 'the field name contains a NUL character (U+0000)' },
    });
  });

  it('puts the prefix before query parameters and names a text body as a whole', () => {
    expect(scanned({ category: 'x\u0000' }, 'query').problems[0].field).toBe('query.category');
    expect(scanned('\ud83d', '', 'body').problems[0].field).toBe('body');
  });

  it('counts every problem but keeps only the first few', () => {
    const scan = scanned({ targets: Array.from({ length: 500 }, () => '\u0000') });
    expect(scan.total).toBe(500);
    expect(scan.problems).toHaveLength(MAX_DETAILS);
  });

  it('refuses a list or an object with too many entries without looking inside', () => {
    const scan = scanned({ extra: Array.from({ length: 100_000 }, () => '\u0000') });
    expect(scan.total).toBe(1);
    expect(scan.problems[0]).toEqual({
      field: 'extra',
      message: {
        zh: `此项有 100000 项，最多 ${MAX_ENTRIES} 项`,
        en: `this field has 100000 entries; at most ${MAX_ENTRIES} are allowed`,
      },
    });
  });

  it('refuses nesting past the limit without recursing (a body 100,000 levels deep)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const scan = scanned({ name: deep });
    expect(scan.total).toBe(1);
    expect(scan.problems[0].field.split('.')).toHaveLength(MAX_NESTING);
  });

  it('finds percent-escapes that do not decode in a query string, and passes good ones', () => {
    const scan = new MalformedInputScan();
    scan.scanQueryString('/submissions?category=%E4%B8%AD&state=%ZZ&q=%ED%A0%80&page=1');
    expect(scan.problems.map((p) => p.field)).toEqual(['query.state', 'query.q']);
    const clean = new MalformedInputScan();
    clean.scanQueryString('/submissions?category=%E4%B8%AD+%E6%96%87&flag');
    expect(clean.total).toBe(0);
  });
});
