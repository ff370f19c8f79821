import { COMPETITION_PRESETS } from '@app/domain';
import { loadAgreementFonts, notoSansScDirectory, renderAgreementPdf } from '@app/reports';
import { AgreementSource, agreementNumber, buildAgreementView } from './agreement-view.builder';

const SOURCE: AgreementSource = {
  locale: 'zh',
  number: 'GYCT-2026-0001',
  competition: {
    title: '2026年"红色核动力"党建项目创投大赛',
    grantor: {
      name: '中共佛山市三水区西南街道工作委员会',
      address: '佛山市三水区西南街道广海大道西',
      representative: '王建国',
    },
    rules: COMPETITION_PRESETS['party-building'],
  },
  organization: {
    name: '五顶岗社区居民委员会',
    community: '五顶岗',
    creditCode: null,
    contactName: '李敏',
    contactPhone: '0757-87712345',
  },
  submission: {
    title: '发挥先锋作用·真情服务群众',
    category: 'convenience',
    summary: '组织党员志愿者为辖区老人提供上门维修、代购和陪诊服务。',
    matchingFen: 500_000,
    budgetLines: [
      { item: '维修工具与耗材', kind: '物资', amountFen: 1_500_000 },
      { item: '志愿者培训', kind: '培训', amountFen: 1_000_000 },
      { item: '宣传物料', kind: '宣传', amountFen: 1_000_000 },
    ],
    milestones: [{ due: '2026-03-31' }, { due: '2027-06-30' }],
  },
  grantFen: 2_000_001,
  generatedAt: new Date('2026-11-22T02:00:00.000Z'),
};

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

describe('agreement view builder', () => {
  it('numbers agreements by the competition’s year in Beijing time and a 4-digit sequence', () => {
    expect(agreementNumber(new Date('2026-03-01T00:00:00Z'), 1)).toBe('GYCT-2026-0001');
    // 2025-12-31 17:00 UTC is already 2026 in Beijing.
    expect(agreementNumber(new Date('2025-12-31T17:00:00Z'), 42)).toBe('GYCT-2026-0042');
  });

  it('prints the full budget: each line split between the grant and the matching funds, adding up to both', () => {
    const view = buildAgreementView(SOURCE);
    expect(view.budgetLines.map((l) => l.item)).toEqual(['维修工具与耗材', '志愿者培训', '宣传物料']);
    expect(sum(view.budgetLines.map((l) => BigInt(l.amountFen)))).toBe(2_000_001n);
    expect(sum(view.budgetLines.map((l) => BigInt(l.matchingFen ?? 0)))).toBe(500_000n);
  });

  it('runs the project from the agreement to the last planned milestone', () => {
    expect(buildAgreementView(SOURCE).project).toMatchObject({ periodStart: '2026-11-22', periodEnd: '2027-06-30' });
  });

  it('takes the tranches from the competition’s rules and the category label in the agreement’s language', () => {
    const view = buildAgreementView(SOURCE);
    expect(view.project.category).toBe('便民利民类');
    expect(view.tranches.map((t) => [t.label, t.condition, t.percent])).toEqual([
      ['第一期', '签约后拨付', 50],
      ['第二期', '中期评估合格后拨付', 30],
      ['第三期', '结项评估合格后拨付', 20],
    ]);
    expect(view.tranches.map((t) => t.amountFen)).toEqual([1_000_000, 600_000, 400_001]);
    expect(buildAgreementView({ ...SOURCE, locale: 'en' }).project.category).toBe('Convenience services');
  });

  it('builds a view the renderer accepts', async () => {
    const pdf = await renderAgreementPdf(buildAgreementView(SOURCE), loadAgreementFonts(notoSansScDirectory()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
