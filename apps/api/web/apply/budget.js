// What the competition's rules say about a budget, checked live as the applicant types, with the
// same exact arithmetic as the server (integer fen, shares as fractions): the warnings here are
// the refusals the server would give on submit.
import { formatYuan } from '../shared/dom.js';
import { parseShare, shareCapFen, shareToPercentText, sumFen } from '../shared/money.js';

/**
 * `lines`: fen per budget line (null where the amount is not a valid number yet);
 * `requestedFen` / `matchingFen`: null when not valid yet. Returns the totals and the problems,
 * each with the API field it concerns.
 */
export function checkBudget({ lines, requestedFen, matchingFen }, rules) {
  const valid = lines.filter((fen) => fen !== null);
  const linesTotal = sumFen(valid);
  const problems = [];
  if (requestedFen === null || matchingFen === null) {
    return { linesTotal, declaredTotal: null, balanced: false, problems };
  }
  const declaredTotal = sumFen([requestedFen, matchingFen]);
  const balanced = valid.length === lines.length && linesTotal === declaredTotal;
  if (valid.length === lines.length && !balanced) {
    const difference = linesTotal - declaredTotal;
    problems.push({
      field: 'budgetLines',
      pair: {
        zh: `预算明细合计 ${formatYuan(linesTotal)}，与申请资助 + 配套资金 ${formatYuan(declaredTotal)} ${difference > 0 ? '多' : '少'} ${formatYuan(Math.abs(difference))}`,
        en: `the budget lines add up to ${formatYuan(linesTotal)}, ${formatYuan(Math.abs(difference))} ${difference > 0 ? 'more' : 'less'} than request + matching funds (${formatYuan(declaredTotal)})`,
      },
    });
  }
  if (requestedFen > rules.maxRequestFen) {
    problems.push({
      field: 'requestedFen',
      pair: {
        zh: `申请资助 ${formatYuan(requestedFen)} 超过本大赛单个项目资助上限 ${formatYuan(rules.maxRequestFen)}`,
        en: `the request of ${formatYuan(requestedFen)} is above this competition's cap of ${formatYuan(rules.maxRequestFen)} per project`,
      },
    });
  }
  if (rules.minRequestFen !== undefined && rules.minRequestFen !== null && requestedFen < rules.minRequestFen) {
    problems.push({
      field: 'requestedFen',
      pair: {
        zh: `申请资助 ${formatYuan(requestedFen)} 低于本大赛单个项目最低额度 ${formatYuan(rules.minRequestFen)}`,
        en: `the request of ${formatYuan(requestedFen)} is below this competition's minimum of ${formatYuan(rules.minRequestFen)}`,
      },
    });
  }
  const share = rules.maxShareOfBudget ? parseShare(rules.maxShareOfBudget) : null;
  if (share && BigInt(requestedFen) * share.denominator > BigInt(declaredTotal) * share.numerator) {
    const percent = shareToPercentText(rules.maxShareOfBudget);
    const cap = shareCapFen(share, declaredTotal);
    problems.push({
      field: 'requestedFen',
      pair: {
        zh: `申请资助超过项目总预算 ${formatYuan(declaredTotal)} 的 ${percent}%，最多可申请 ${formatYuan(cap)}`,
        en: `the request is above ${percent}% of the project budget of ${formatYuan(declaredTotal)}; at most ${formatYuan(cap)} may be requested`,
      },
    });
  }
  return { linesTotal, declaredTotal, balanced, problems };
}
