import { BilingualMessage, CompetitionRules, DomainError, DomainErrorCode } from '@app/domain';
import { BudgetLine } from '@app/persistence';
import { Rational, yuanFigure } from '@app/scoring';

/** What the competition's rules constrain in a submission. */
export interface SubmissionAmounts {
  readonly category: string;
  readonly requestedFen: number;
  readonly matchingFen: number;
  readonly budgetLines: readonly BudgetLine[];
}

function refuse(field: string, message: BilingualMessage): never {
  throw new DomainError(DomainErrorCode.ValidationFailed, message, field);
}

/**
 * Checks a submission against its competition's rules; the first problem is refused with the
 * field to fix and, for money, the cap in yuan. Run on every save and again on submit, because the
 * office may change the rules while a draft waits.
 */
export function checkSubmissionAgainstRules(submission: SubmissionAmounts, rules: CompetitionRules): void {
  const category = rules.categories.find((c) => c.key === submission.category);
  if (!category) {
    const zh = rules.categories.map((c) => `${c.key}（${c.labelZh}）`).join('、');
    const en = rules.categories.map((c) => `${c.key} (${c.labelEn})`).join(', ');
    refuse('category', {
      zh: `category「${submission.category}」不是本大赛的项目类别；可选：${zh}`,
      en: `category "${submission.category}" is not a category of this competition; choose one of: ${en}`,
    });
  }

  const total = submission.requestedFen + submission.matchingFen;
  const linesTotal = submission.budgetLines.reduce((sum, line) => sum + line.amountFen, 0);
  if (linesTotal !== total) {
    refuse('budgetLines', {
      zh:
        `预算明细合计 ${yuanFigure(linesTotal)}，与申请资助 ${yuanFigure(submission.requestedFen)} + ` +
        `配套资金 ${yuanFigure(submission.matchingFen)} = ${yuanFigure(total)} 不一致`,
      en:
        `budgetLines add up to ${yuanFigure(linesTotal)}, but requestedFen ${yuanFigure(submission.requestedFen)} + ` +
        `matchingFen ${yuanFigure(submission.matchingFen)} = ${yuanFigure(total)}`,
    });
  }

  if (submission.requestedFen > rules.maxRequestFen) {
    refuse('requestedFen', {
      zh: `申请资助 ${yuanFigure(submission.requestedFen)} 超过本大赛单个项目资助上限 ${yuanFigure(rules.maxRequestFen)}`,
      en: `requestedFen ${yuanFigure(submission.requestedFen)} is above this competition's cap of ${yuanFigure(rules.maxRequestFen)} per project`,
    });
  }
  if (rules.minRequestFen !== undefined && submission.requestedFen < rules.minRequestFen) {
    refuse('requestedFen', {
      zh: `申请资助 ${yuanFigure(submission.requestedFen)} 低于本大赛单个项目最低额度 ${yuanFigure(rules.minRequestFen)}`,
      en: `requestedFen ${yuanFigure(submission.requestedFen)} is below this competition's minimum of ${yuanFigure(rules.minRequestFen)} per project`,
    });
  }
  if (rules.maxShareOfBudget !== undefined) {
    // Exact: "0.6" × budget is compared as a fraction, never as a float.
    const share = Rational.parse(rules.maxShareOfBudget);
    const limit = share.mul(Rational.of(total));
    if (Rational.of(submission.requestedFen).gt(limit)) {
      const percent = share.mul(Rational.of(100)).toDecimalString();
      const cap = Number(limit.floor());
      refuse('requestedFen', {
        zh:
          `申请资助 ${yuanFigure(submission.requestedFen)} 超过项目总预算 ${yuanFigure(total)} 的 ${percent}%，` +
          `最多可申请 ${yuanFigure(cap)}`,
        en:
          `requestedFen ${yuanFigure(submission.requestedFen)} is above ${percent}% of the project budget of ` +
          `${yuanFigure(total)}; at most ${yuanFigure(cap)} may be requested`,
      });
    }
  }
}
