import { COMPETITION_PRESETS, CompetitionRules, DomainError } from '@app/domain';
import { SubmissionAmounts, checkSubmissionAgainstRules } from './submission-rules';

// 党建项目: cap ¥50,000, minimum ¥5,000, at most 80% of the project budget.
const RULES = COMPETITION_PRESETS['party-building'];

const PROJECT: SubmissionAmounts = {
  category: 'poverty-relief',
  requestedFen: 3_000_000,
  matchingFen: 1_000_000,
  budgetLines: [
    { item: '慰问物资', kind: '物资', amountFen: 2_500_000 },
    { item: '志愿者交通补贴', kind: '人员', amountFen: 1_500_000 },
  ],
};

function refusal(project: SubmissionAmounts, rules: CompetitionRules = RULES): DomainError {
  try {
    checkSubmissionAgainstRules(project, rules);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkSubmissionAgainstRules', () => {
  it('accepts a project within every rule', () => {
    expect(() => checkSubmissionAgainstRules(PROJECT, RULES)).not.toThrow();
  });

  it('refuses budget lines that do not add up, with both sums in yuan', () => {
    const error = refusal({ ...PROJECT, matchingFen: 999_999 });
    expect(error.field).toBe('budgetLines');
    expect(error.messageZh).toBe(
      '预算明细合计 ¥40,000.00，与申请资助 ¥30,000.00 + 配套资金 ¥9,999.99 = ¥39,999.99 不一致',
    );
  });

  it('refuses a request above the cap, stating the cap in both languages', () => {
    const error = refusal({
      ...PROJECT,
      requestedFen: 5_000_001,
      matchingFen: 5_000_000,
      budgetLines: [{ item: '全部', kind: '综合', amountFen: 10_000_001 }],
    });
    expect(error).toMatchObject({
      field: 'requestedFen',
      reason: 'REQUEST_ABOVE_CAP',
      messageZh: '申请资助 ¥50,000.01 超过本大赛单个项目资助上限 ¥50,000.00',
      messageEn: "the amount requested, ¥50,000.01, is above this competition's cap of ¥50,000.00 per project",
    });
  });

  it('accepts a request exactly at the cap', () => {
    const atCap = { ...PROJECT, requestedFen: 5_000_000, matchingFen: 1_250_000 };
    expect(() =>
      checkSubmissionAgainstRules(
        { ...atCap, budgetLines: [{ item: '全部', kind: '综合', amountFen: 6_250_000 }] },
        RULES,
      ),
    ).not.toThrow();
  });

  it('refuses a request below the minimum', () => {
    const small = { ...PROJECT, requestedFen: 499_999, matchingFen: 500_001 };
    expect(refusal({ ...small, budgetLines: [{ item: '全部', kind: '综合', amountFen: 1_000_000 }] })).toMatchObject({
      field: 'requestedFen',
      reason: 'REQUEST_BELOW_MINIMUM',
    });
  });

  it('compares the share of the budget exactly: 80% of ¥37,500.00 is allowed, one fen more is not', () => {
    const lines = (total: number) => [{ item: '全部', kind: '综合', amountFen: total }];
    const exact = { ...PROJECT, requestedFen: 3_000_000, matchingFen: 750_000, budgetLines: lines(3_750_000) };
    expect(() => checkSubmissionAgainstRules(exact, RULES)).not.toThrow();
    const over = { ...PROJECT, requestedFen: 3_000_001, matchingFen: 749_999, budgetLines: lines(3_750_000) };
    const error = refusal(over);
    expect(error.field).toBe('requestedFen');
    expect(error.messageZh).toBe('申请资助 ¥30,000.01 超过项目总预算 ¥37,500.00 的 80%，最多可申请 ¥30,000.00');
    expect(error.messageEn).toContain('above 80% of the project budget of ¥37,500.00');
  });

  it('rounds the share cap down to the fen for a share like 0.6 of an odd budget', () => {
    const rules = { ...RULES, maxShareOfBudget: '0.6', minRequestFen: undefined };
    const lines = [{ item: '全部', kind: '综合', amountFen: 100_001 }];
    const error = refusal({ ...PROJECT, requestedFen: 60_001, matchingFen: 40_000, budgetLines: lines }, rules);
    expect(error.messageEn).toContain('at most ¥600.00 may be requested');
  });

  it('refuses a category the competition does not have, listing the ones it has', () => {
    const error = refusal({ ...PROJECT, category: 'elderly' });
    expect(error).toMatchObject({ field: 'category', reason: 'UNKNOWN_CATEGORY' });
    expect(error.messageZh).toBe(
      '所选项目类别不是本大赛的类别；可选：便民利民类、宣传教育类、扶贫帮困类、卫生保健类、文体娱乐类',
    );
  });
});
