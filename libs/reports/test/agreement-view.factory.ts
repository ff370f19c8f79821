import {
  AgreementBudgetLine,
  AgreementLocale,
  AgreementView,
  defaultGranteeObligations,
  defaultTrancheSchedule,
  distributeByLargestRemainder,
  planTranches,
} from '../src';

/** The ten winners of 佛山三水西南街道's 2017 "红色核动力" competition (docs/product.md). */
export const XINAN_2017_WINNERS = [
  { community: '五顶岗', category: '便民利民类', title: '发挥先锋作用·真情服务群众' },
  { community: '洲边', category: '宣传教育类', title: '分享阅读书香·共享洲边文明' },
  { community: '江根', category: '扶贫帮困类', title: '扶贫帮困献爱心·村企共建送关怀' },
  { community: '云秀', category: '扶贫帮困类', title: '扶贫帮困为民生·心语家园齐共建' },
  { community: '文锋西', category: '卫生保健类', title: '养生保健真切为民·党群共建和谐家园' },
  { community: '月桂', category: '扶贫帮困类', title: '亲和社群·红动家园' },
  { community: '康华', category: '文体娱乐类', title: '红色文化凝心聚力·党群共促和谐发展' },
  { community: '桥头', category: '文体娱乐类', title: '党群先锋齐发力·你我携手创文明' },
  { community: '沙头', category: '卫生保健类', title: '党群心连心·关爱母婴行' },
  { community: '布心', category: '扶贫帮困类', title: '圆梦布心·幸福家园' },
] as const;

const BUDGET_KINDS: readonly { item: string; kind: string; weight: bigint }[] = [
  { item: '党员志愿者便民服务活动物资', kind: '活动物资费', weight: 35n },
  { item: '长者义诊及健康讲座专家劳务', kind: '专家劳务费', weight: 20n },
  { item: '社区宣传栏、横幅及服务手册印制', kind: '宣传印刷费', weight: 15n },
  { item: '项目社工及志愿者交通、保险', kind: '人员保障费', weight: 18n },
  { item: '项目评估、审计及档案整理', kind: '管理费', weight: 12n },
];

/** Budget lines that add up to the grant exactly, shares from BUDGET_KINDS cycled `count` times. */
export function budgetLinesFor(grantFen: bigint, count = BUDGET_KINDS.length): AgreementBudgetLine[] {
  const kinds = Array.from({ length: count }, (_, i) => BUDGET_KINDS[i % BUDGET_KINDS.length]);
  const amounts = distributeByLargestRemainder(
    grantFen,
    kinds.map((k) => k.weight),
  );
  return kinds.map((k, i) => ({
    item: count > BUDGET_KINDS.length ? `${k.item}（第${Math.floor(i / BUDGET_KINDS.length) + 1}批）` : k.item,
    kind: k.kind,
    amountFen: amounts[i],
  }));
}

export interface AgreementViewOverrides extends Partial<Omit<AgreementView, 'project'>> {
  readonly project?: Partial<AgreementView['project']>;
}

/** 五顶岗's agreement with the 西南街道 office: ¥128,500.50, three tranches, default duties. */
export function buildAgreementView(overrides: AgreementViewOverrides = {}, winner = 0): AgreementView {
  const locale: AgreementLocale = overrides.locale ?? 'zh';
  const entry = XINAN_2017_WINNERS[winner % XINAN_2017_WINNERS.length];
  const grantFen = BigInt(overrides.grantFen ?? 12_850_050n);
  const base: AgreementView = {
    locale,
    agreementNumber: `GYCT-2026-${String(winner + 1).padStart(4, '0')}`,
    competitionName: '佛山市三水区西南街道2017年“红色核动力”党建项目创投大赛',
    funder: {
      name: '佛山市三水区人民政府西南街道办事处',
      address: '佛山市三水区西南街道广海大道中',
      representative: '李建华',
    },
    grantee: {
      name: `佛山市三水区西南街道${entry.community}社区居民委员会`,
      unifiedSocialCreditCode: '554406075701234567',
      community: `${entry.community}社区`,
      representative: '陈志强',
      contactPerson: '黄丽娟',
      contactPhone: '0757-87712345',
    },
    bankAccount: {
      accountName: `佛山市三水区西南街道${entry.community}社区居民委员会`,
      bankName: '中国农业银行佛山三水西南支行',
      accountNumber: '4452 0101 0400 1234 5',
    },
    grantFen,
    budgetLines: budgetLinesFor(grantFen),
    tranches: planTranches(grantFen, defaultTrancheSchedule(locale)),
    obligations: defaultGranteeObligations(locale),
    copiesPerParty: 2,
    signingDate: null,
    generatedAt: '2026-03-18T09:30:00.000Z',
    ...overrides,
    project: {
      title: entry.title,
      category: entry.category,
      summary:
        '组织社区党员志愿者每月开展便民服务日，提供义剪、家电维修、健康咨询和政策宣讲，建立困难群众结对帮扶台账，全年服务居民不少于2000人次。',
      periodStart: '2017-07-01',
      periodEnd: '2017-12-31',
      ...overrides.project,
    },
  };
  return base;
}
