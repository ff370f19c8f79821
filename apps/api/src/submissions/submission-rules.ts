import { CompetitionRules, SubmissionErrors } from '@app/domain';
import { BudgetLine } from '@app/persistence';
import { Rational, yuanFigure } from '@app/scoring';

/** What the competition's rules constrain in a submission. */
export interface SubmissionAmounts {
  readonly category: string;
  readonly requestedFen: number;
  readonly matchingFen: number;
  readonly budgetLines: readonly BudgetLine[];
}

/**
 * Checks a submission against its competition's rules; the first problem is refused with the
 * field to fix and, for money, the cap in yuan. Run on every save and again on submit, because the
 * office may change the rules while a draft waits.
 */
export function checkSubmissionAgainstRules(submission: SubmissionAmounts, rules: CompetitionRules): void {
  if (!rules.categories.some((c) => c.key === submission.category)) {
    throw SubmissionErrors.unknownCategory(rules.categories.map((c) => ({ zh: c.labelZh, en: c.labelEn })));
  }

  const total = submission.requestedFen + submission.matchingFen;
  const linesTotal = submission.budgetLines.reduce((sum, line) => sum + line.amountFen, 0);
  if (linesTotal !== total) {
    throw SubmissionErrors.budgetMismatch(
      yuanFigure(linesTotal),
      yuanFigure(submission.requestedFen),
      yuanFigure(submission.matchingFen),
      yuanFigure(total),
    );
  }

  if (submission.requestedFen > rules.maxRequestFen) {
    throw SubmissionErrors.aboveCap(yuanFigure(submission.requestedFen), yuanFigure(rules.maxRequestFen));
  }
  if (rules.minRequestFen !== undefined && submission.requestedFen < rules.minRequestFen) {
    throw SubmissionErrors.belowMinimum(yuanFigure(submission.requestedFen), yuanFigure(rules.minRequestFen));
  }
  if (rules.maxShareOfBudget !== undefined) {
    // Exact: "0.6" × budget is compared as a fraction, never as a float.
    const share = Rational.parse(rules.maxShareOfBudget);
    const limit = share.mul(Rational.of(total));
    if (Rational.of(submission.requestedFen).gt(limit)) {
      throw SubmissionErrors.aboveShareOfBudget(
        yuanFigure(submission.requestedFen),
        share.mul(Rational.of(100)).toDecimalString(),
        yuanFigure(total),
        yuanFigure(Number(limit.floor())),
      );
    }
  }
}
