import { readDelimitedRows } from './delimited-text';

describe('readDelimitedRows', () => {
  it('keeps the line each row starts on, across blank lines and quoted line breaks', () => {
    const { rows } = readDelimitedRows('\uFEFF项目编号,分数\r\n\r\na,"第一行\n第二行"\nb,"8,5"\r\n"c ""x""",9\n', ',');
    expect(rows).toEqual([
      { line: 1, cells: ['项目编号', '分数'] },
      { line: 3, cells: ['a', '第一行\n第二行'] },
      { line: 5, cells: ['b', '8,5'] },
      { line: 6, cells: ['c "x"', '9'] },
    ]);
  });

  it('reports a quote never closed by the line its row starts on', () => {
    expect(readDelimitedRows('a;b\n"c;d\ne;f\n', ';')).toEqual({
      rows: [{ line: 1, cells: ['a', 'b'] }],
      unclosedAt: 2,
    });
  });
});
