import { GrantsRefusal } from '@app/domain';
import { refusalOf } from '../test/ledger.factory';
import { BudgetLineFunding, agreedBudget, checkBudgetChange, spentByLine } from './budget';

const SUBMITTED = [
  { item: '维修工具与耗材', kind: '物资', amountFen: 1_500_000 },
  { item: '志愿者培训', kind: '培训', amountFen: 1_000_000 },
  { item: '宣传物料', kind: '宣传', amountFen: 1_000_000 },
];

describe('agreedBudget', () => {
  it('keeps a fully funded project’s lines exactly, split between the grant and the matching funds', () => {
    const lines = agreedBudget(SUBMITTED, 3_000_000, 500_000);
    expect(lines.map((l) => l.grantFen + l.matchingFen)).toEqual([1_500_000, 1_000_000, 1_000_000]);
    expect(lines.reduce((s, l) => s + l.grantFen, 0)).toBe(3_000_000);
    expect(lines.reduce((s, l) => s + l.matchingFen, 0)).toBe(500_000);
    expect(lines.map((l) => l.grantFen)).toEqual([1_285_714, 857_143, 857_143]);
  });

  it('shrinks a partly funded project by the missing grant and keeps the matching funds promised', () => {
    const lines = agreedBudget(SUBMITTED, 2_000_001, 500_000);
    expect(lines.reduce((s, l) => s + l.grantFen, 0)).toBe(2_000_001);
    expect(lines.reduce((s, l) => s + l.matchingFen, 0)).toBe(500_000);
    expect(lines.every((l) => l.matchingFen >= 0)).toBe(true);
  });

  it('puts everything on one line when nothing was itemized', () => {
    expect(agreedBudget([], 100_000, 0)).toEqual([
      { item: '项目实施费用', kind: '综合', grantFen: 100_000, matchingFen: 0 },
    ]);
  });
});

describe('checkBudgetChange', () => {
  const current: BudgetLineFunding[] = agreedBudget(SUBMITTED, 3_000_000, 500_000);
  const nothingSpent = spentByLine(3, []);
  const moved = (grantDelta: number): BudgetLineFunding[] =>
    current.map((l, i) =>
      i === 0 ? { ...l, grantFen: l.grantFen - grantDelta } : i === 1 ? { ...l, grantFen: l.grantFen + grantDelta } : l,
    );

  it('accepts money moved between existing lines with the totals unchanged', () => {
    expect(() => checkBudgetChange(current, moved(200_000), nothingSpent)).not.toThrow();
  });

  it('refuses a change that alters the grant’s total, a line’s name, the number of lines, or nothing', () => {
    const raised = current.map((l, i) => (i === 0 ? { ...l, grantFen: l.grantFen + 1 } : l));
    expect(refusalOf(() => checkBudgetChange(current, raised, nothingSpent))).toMatchObject({
      reason: GrantsRefusal.BudgetChangeInvalid,
      field: 'lines',
    });
    const renamed = current.map((l, i) => (i === 2 ? { ...l, item: '聚餐' } : l));
    expect(refusalOf(() => checkBudgetChange(current, renamed, nothingSpent)).field).toBe('lines.2.item');
    expect(refusalOf(() => checkBudgetChange(current, current.slice(1), nothingSpent)).field).toBe('lines');
    expect(refusalOf(() => checkBudgetChange(current, current, nothingSpent)).messageZh).toBe(
      '调整后的预算与现行预算相同',
    );
  });

  it('refuses to take a line’s grant below what accepted reports already spent on it', () => {
    const spent = spentByLine(3, [
      [
        { grantFen: 1_200_000, matchingFen: 0 },
        { grantFen: 0, matchingFen: 0 },
        { grantFen: 0, matchingFen: 0 },
      ],
    ]);
    const error = refusalOf(() => checkBudgetChange(current, moved(200_000), spent));
    expect(error.field).toBe('lines.0.grantFen');
    expect(error.messageZh).toBe('「维修工具与耗材」已从资助资金中支出 ¥12,000.00，调整后不能低于已支出金额');
  });
});
