import { errorOf } from '../../test/error-of';
import { ReportsErrorCode } from '../reports.error';
import { parseLayoutMarkup } from './layout-blocks';

describe('parseLayoutMarkup', () => {
  it('reads one block per tagged line and skips blank lines', () => {
    const blocks = parseLayoutMarkup('<title>项目资助协议书\n\n  <field>甲方：<|>西南街道办事处\n<space>6\n');
    expect(blocks).toEqual([
      { kind: 'title', text: '项目资助协议书' },
      { kind: 'field', label: '甲方：', value: '西南街道办事处' },
      { kind: 'space', points: 6 },
    ]);
  });

  it('collects a table with its header, rows and total row', () => {
    const blocks = parseLayoutMarkup(
      [
        '<table>10c<|>60l<|>30r',
        '<th>序号<|>支出项目<|>金额',
        '<tr>1<|>活动物资<|>100.00',
        '<tf>合计<|><|>100.00',
        '<endtable>',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        columns: [
          { width: 10, align: 'center' },
          { width: 60, align: 'left' },
          { width: 30, align: 'right' },
        ],
        header: ['序号', '支出项目', '金额'],
        rows: [['1', '活动物资', '100.00']],
        footer: ['合计', '', '100.00'],
      },
    ]);
  });

  it('groups consecutive signature lines into one block', () => {
    const blocks = parseLayoutMarkup('<sign>甲方（盖章）：<|>乙方（盖章）：\n<sign>日期：<|>日期：\n<p>完');
    expect(blocks.map((b) => b.kind)).toEqual(['signatures', 'paragraph']);
  });

  it('decodes the entities Handlebars escaped, after splitting cells', () => {
    const blocks = parseLayoutMarkup('<field>名称：<|>&lt;|&gt; &amp; &quot;红色&quot; &#x27;a&#x27; &#x3D; &#x60;');
    expect(blocks).toEqual([{ kind: 'field', label: '名称：', value: `<|> & "红色" 'a' = \`` }]);
  });

  it('rejects markup the renderer cannot draw, naming the line', () => {
    const invalid = (markup: string, message: RegExp): void => {
      const error = errorOf(() => parseLayoutMarkup(markup));
      expect(error).toMatchObject({ code: ReportsErrorCode.InvalidTemplateOutput });
      expect((error as Error).message).toMatch(message);
    };
    invalid('<p>ok\nuntagged text', /line 2/);
    invalid('<blink>no', /unknown tag/);
    invalid('<table>50l<|>50r\n<th>a<|>b\n<tr>only one', /1 cells for 2 columns/);
    invalid('<table>50l<|>50r\n<th>a<|>b', /not closed/);
    invalid('<tr>a', /outside a table/);
    invalid('<field>just a label', /two cells/);
  });
});
