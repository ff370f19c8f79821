import { GrantsErrors } from '@app/domain';
import { yuanFigure } from '@app/scoring';
import { splitInProportion, sumFen } from './fen';

/** A budget line as the agreement prints it and the ledger tracks it: the whole line and who pays it. */
export interface BudgetLineFunding {
  readonly item: string;
  readonly kind: string;
  /** What the grant pays of this line. */
  readonly grantFen: number;
  /** What the organization's matching funds (配套资金) pay of this line. */
  readonly matchingFen: number;
}

/** What the applicant submitted: whole lines adding up to the request plus the matching funds. */
export interface SubmittedBudgetLine {
  readonly item: string;
  readonly kind: string;
  readonly amountFen: number;
}

/** Spending reported against one line of the budget, by source. */
export interface LineSpending {
  readonly grantFen: number;
  readonly matchingFen: number;
}

/**
 * The budget a grant is tracked against: the full project budget, each line with its funding
 * source, which is what auditors compare actual spending with. The organization keeps the matching
 * funds it promised; when the grant is below the request the project shrinks by the difference, so
 * the lines are first scaled to grant + matching, then each line's grant share is the grant split in
 * proportion to the lines and the rest of the line is matching funds. Both splits are by largest
 * remainder: the grant shares add up to the grant, the matching shares to the matching funds, and
 * no line's grant share exceeds the line. A fully funded project keeps its submitted lines exactly.
 */
export function agreedBudget(
  lines: readonly SubmittedBudgetLine[],
  grantFen: number,
  matchingFen: number,
): BudgetLineFunding[] {
  const source = lines.length > 0 ? lines : [{ item: '项目实施费用', kind: '综合', amountFen: 0 }];
  const scaled = splitInProportion(
    sumFen([grantFen, matchingFen]),
    source.map((line) => line.amountFen),
  );
  const grantShares = splitInProportion(grantFen, scaled);
  return source.map((line, i) => ({
    item: line.item,
    kind: line.kind,
    grantFen: grantShares[i],
    matchingFen: scaled[i] - grantShares[i],
  }));
}

/** Spending of accepted reports added up per line; reports list every line of the budget in order. */
export function spentByLine(lineCount: number, reports: readonly (readonly LineSpending[])[]): LineSpending[] {
  return Array.from({ length: lineCount }, (_, i) => ({
    grantFen: sumFen(reports.map((spending) => spending[i]?.grantFen ?? 0)),
    matchingFen: sumFen(reports.map((spending) => spending[i]?.matchingFen ?? 0)),
  }));
}

/**
 * A budget change (预算调整) moves money between the existing lines: the same lines in the same
 * order, the grant's and the matching funds' totals unchanged, something actually moved, and no
 * line's grant share below what accepted reports already spent from the grant on it.
 */
export function checkBudgetChange(
  current: readonly BudgetLineFunding[],
  proposed: readonly BudgetLineFunding[],
  spent: readonly LineSpending[],
): void {
  if (proposed.length !== current.length) {
    throw GrantsErrors.budgetChangeInvalid(
      `预算调整只在现有的 ${current.length} 个科目之间调整金额，不增删科目`,
      `a budget change moves money between the existing ${current.length} lines; it adds or removes none`,
    );
  }
  proposed.forEach((line, i) => {
    if (line.item !== current[i].item || line.kind !== current[i].kind) {
      throw GrantsErrors.budgetChangeInvalid(
        `第 ${i + 1} 个科目应为「${current[i].item}」，科目名称和类别不能修改`,
        `line ${i + 1} must stay "${current[i].item}"; names and kinds do not change`,
        `lines.${i}.item`,
      );
    }
    if (line.grantFen < spent[i].grantFen) {
      throw GrantsErrors.budgetChangeInvalid(
        `「${line.item}」已从资助资金中支出 ${yuanFigure(spent[i].grantFen)}，调整后不能低于已支出金额`,
        `"${line.item}" has already spent ${yuanFigure(spent[i].grantFen)} of the grant; it cannot go below that`,
        `lines.${i}.grantFen`,
      );
    }
  });
  const total = (lines: readonly BudgetLineFunding[], key: keyof LineSpending) => sumFen(lines.map((l) => l[key]));
  if (total(proposed, 'grantFen') !== total(current, 'grantFen')) {
    throw GrantsErrors.budgetChangeInvalid(
      '调整后资助资金合计须与资助金额相等',
      'the grant shares must still add up to the grant',
    );
  }
  if (total(proposed, 'matchingFen') !== total(current, 'matchingFen')) {
    throw GrantsErrors.budgetChangeInvalid(
      '调整后配套资金合计须保持不变',
      'the matching funds must still add up to the same total',
    );
  }
  if (
    proposed.every((line, i) => line.grantFen === current[i].grantFen && line.matchingFen === current[i].matchingFen)
  ) {
    throw GrantsErrors.budgetChangeInvalid(
      '调整后的预算与现行预算相同',
      'the proposed budget is the same as the current one',
    );
  }
}
