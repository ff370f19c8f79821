import { ExitRule, MonthlyCheckItem, SupervisionErrors } from '@app/domain';
import { nextMonth } from './calendar';

/** The points given to one item of the checklist. */
export interface CheckMark {
  readonly key: string;
  readonly points: number;
}

/**
 * 月度考核: the marks against the checklist, each item once, each from 0 to its points in steps of
 * 0.5; returned in the checklist's order with their total, added in half points so it is exact.
 */
export function scoreCheck(
  checklist: readonly MonthlyCheckItem[],
  marks: readonly CheckMark[],
): { items: CheckMark[]; score: number } {
  const keys = checklist.map((item) => item.key);
  const sent = marks.map((mark) => mark.key);
  if (sent.length !== keys.length || new Set(sent).size !== sent.length || !keys.every((k) => sent.includes(k))) {
    throw SupervisionErrors.checkItemsMismatch(keys);
  }
  const items = checklist.map((item) => {
    const index = sent.indexOf(item.key);
    const halves = marks[index].points * 2;
    if (!Number.isInteger(halves) || halves < 0 || halves > item.points * 2) {
      throw SupervisionErrors.checkPointsOutOfRange(index, item.labelZh, item.labelEn, item.points);
    }
    return { key: item.key, points: halves / 2 };
  });
  return { items, score: items.reduce((sum, item) => sum + item.points * 2, 0) / 2 };
}

export interface MonthScore {
  /** YYYY-MM. */
  readonly month: string;
  readonly score: number;
}

export interface ExitWatch {
  /** The latest run of calendar months in a row below the line, oldest first; empty when the latest month is not below. */
  readonly monthsBelow: readonly MonthScore[];
  /** The run is as long as the rule says: the grant's exit is to be proposed. */
  readonly exit: boolean;
}

/**
 * 辛店's exit rule over a grant's monthly scores (one per month): the run below the line that ends
 * at the latest month checked. A month without a check, or one at or above the line, ends a run.
 */
export function exitWatch(series: readonly MonthScore[], rule: ExitRule): ExitWatch {
  const months = [...series].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const run: MonthScore[] = [];
  for (let i = months.length - 1; i >= 0; i -= 1) {
    const month = months[i];
    if (month.score >= rule.below) break;
    if (run.length > 0 && nextMonth(month.month) !== run[0].month) break;
    run.unshift(month);
  }
  return { monthsBelow: run, exit: run.length >= rule.consecutive };
}
