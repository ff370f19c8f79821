import type { ResultRowDto } from './dto/results-response.dto';
import { REASON_LABELS, STATUS_LABELS, decisionLabel } from './result-labels';
import { resultsCsv } from './results-csv';

function row(overrides: Partial<ResultRowDto> = {}): ResultRowDto {
  return {
    position: 1,
    rank: 1,
    submissionId: 'p1',
    projectTitle: '发挥先锋作用·真情服务群众',
    community: '五顶岗',
    organizationName: '五顶岗社区居民委员会',
    category: { key: 'convenience', labelZh: '便民利民类', labelEn: 'Convenience services' },
    score: '87.35',
    breakdown: {} as ResultRowDto['breakdown'],
    tieBreak: { kind: 'score', ...decisionLabel({ kind: 'score' }) },
    requestedFen: 3_000_000,
    grantFen: 2_800_050,
    status: 'partly-funded',
    statusLabel: { ...STATUS_LABELS['partly-funded'] },
    reason: { code: 'cap-applied', ...REASON_LABELS['cap-applied'] },
    ...overrides,
  };
}

describe('resultsCsv', () => {
  it('starts with a BOM and a Chinese-first header, and ends every line with CRLF', () => {
    const csv = resultsCsv([row()], []);
    expect(
      csv.startsWith(
        '\uFEFF名次 / Rank,排序位 / Position,项目编号 / Project ID,社区 / Community,申报单位 / Organization,项目名称 / Project',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('writes amounts in yuan with two decimals and the words in both languages', () => {
    const line = resultsCsv([row()], []).split('\r\n')[1];
    expect(line).toBe(
      '1,1,p1,五顶岗,五顶岗社区居民委员会,发挥先锋作用·真情服务群众,便民利民类,87.35,得分高于下一名 / higher published score than the next,' +
        '30000.00,28000.50,部分资助 / partly funded,' +
        '"按资助上限核减（申请额、单项上限或预算比例上限） / reduced to its cap (the request, the per-project maximum or the share of budget)"',
    );
  });

  it('quotes commas and quotes, and defuses text that a spreadsheet would run as a formula', () => {
    const line = resultsCsv([row({ projectTitle: '=HYPERLINK("http://x","点我")', community: '南,北' })], []).split(
      '\r\n',
    )[1];
    expect(line).toContain(`,"'=HYPERLINK(""http://x"",""点我"")",`);
    expect(line).toContain(',"南,北",');
  });
});

describe('resultsCsv with score components', () => {
  it('puts a column per component, Chinese label first, before the final score, rounded as the score is', () => {
    const csv = resultsCsv(
      [
        row({
          score: '81.20',
          components: [
            { key: 'roadshow', value: '84', display: '84.00', points: '50.4' },
            { key: 'donations', value: '70', display: '70.00', points: '14' },
            { key: 'vote', value: '200/3', display: '66.67', points: '40/3' },
          ],
        }),
      ],
      [
        { key: 'roadshow', labelZh: '现场评审', labelEn: 'On-site panel', source: 'roadshow', weight: '0.6' },
        { key: 'donations', labelZh: '定向捐赠', labelEn: 'Directed donations', source: 'input', weight: '0.2' },
        { key: 'vote', labelZh: '网络投票', labelEn: 'Online vote', source: 'vote', weight: '0.2' },
      ],
    );
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toContain(
      '类别 / Category,现场评审 / On-site panel,定向捐赠 / Directed donations,网络投票 / Online vote,得分 / Score',
    );
    expect(line).toContain(',便民利民类,84.00,70.00,66.67,81.20,');
  });
});

describe('labels', () => {
  it('explain a tie-break in both languages, naming the rule', () => {
    expect(
      decisionLabel({
        kind: 'tie-break',
        step: 2,
        key: 'criterion:need',
        labelZh: '“需求精准”项平均分高者优先',
        labelEn: 'higher mean mark on "Need addressed"',
      }),
    ).toEqual({
      zh: '与下一名得分相同，按第 2 项并列规则（“需求精准”项平均分高者优先）排在其前',
      en: 'same score as the next; placed above it by tie-break 2: higher mean mark on "Need addressed"',
    });
  });
});
