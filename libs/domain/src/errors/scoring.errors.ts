import type { ScoringErrorCode } from '@app/scoring';
import { BilingualMessage } from '../domain-error';
import { rulesFieldName } from '../rules-labels';

/**
 * What each of the scoring engine's refusals means, in people's words. The engine's own message
 * is a technical English sentence for its command line and the logs; a person is told this,
 * with the field at fault named apart. The engine's code is the refusal's reason.
 */
export const SCORING_PROBLEMS: Readonly<Record<`${ScoringErrorCode}`, BilingualMessage>> = {
  SCORING_INVALID_NUMBER: { zh: '有数值无法读取', en: 'a number cannot be read' },
  SCORING_DIVISION_BY_ZERO: { zh: '计算中出现了除以零', en: 'a calculation divides by zero' },
  SCORING_INVALID_RUBRIC: { zh: '评分细则不成立', en: 'the rubric does not hold together' },
  SCORING_MISSING_CRITERION: { zh: '有评分表缺少评分项', en: 'a score sheet lacks a criterion' },
  SCORING_UNKNOWN_CRITERION: {
    zh: '有评分表含有评分细则中没有的评分项',
    en: 'a score sheet has a criterion the rubric does not have',
  },
  SCORING_CRITERION_OUT_OF_RANGE: { zh: '有分数超出该评分项的分值范围', en: 'a mark is outside its criterion’s range' },
  SCORING_INVALID_AGGREGATION: {
    zh: '计分方法不适用于这些评分（例如去掉最高分和最低分后剩下的评委太少）',
    en: 'the aggregation does not apply to these scores (for example, too few judges remain after dropping)',
  },
  SCORING_NOT_ENOUGH_JUDGES: { zh: '评分的评委人数不足', en: 'too few judges scored' },
  SCORING_INVALID_WEIGHTS: {
    zh: '权重不成立（例如全部为零）',
    en: 'the weights do not hold together (all zero, for example)',
  },
  SCORING_INVALID_RANKING: { zh: '排名规则不成立', en: 'the ranking rules do not hold together' },
  SCORING_DUPLICATE_ID: { zh: '有条目重复出现', en: 'an entry appears twice' },
  SCORING_INVALID_POLICY: {
    zh: '与其他分配设置相矛盾，或不适用于所选的分配方式',
    en: 'it contradicts another allocation setting, or does not apply to the chosen rule',
  },
  SCORING_INVALID_AMOUNT: {
    zh: '金额须为不小于 0 的整数（分）',
    en: 'an amount must be a whole number of fen, not negative',
  },
  SCORING_INVALID_INPUT: { zh: '数据不完整或形式不对', en: 'the data is incomplete or not in the expected form' },
  SCORING_UNKNOWN_REFERENCE: { zh: '引用了不存在的条目', en: 'it refers to an entry that does not exist' },
  SCORING_MISSING_COMPONENT: { zh: '有项目缺少计分组成部分', en: 'a project lacks a score component' },
  SCORING_MISSING_RATING: { zh: '有评分缺失', en: 'a rating is missing' },
};

const RULES_PREFIX = 'rules.';

/**
 * Why the rules or the data cannot be computed, for the person who asked: the problem, and the
 * field of the rules at fault when the engine's `field` is one (`rules.aggregation.drop`).
 */
export function scoringProblem(code: `${ScoringErrorCode}`, field?: string): BilingualMessage {
  const problem = SCORING_PROBLEMS[code];
  const name = field?.startsWith(RULES_PREFIX) ? rulesFieldName(field.slice(RULES_PREFIX.length)) : undefined;
  return name
    ? {
        zh: `评分规则或数据无法计算：${name.zh}有误，${problem.zh}`,
        en: `the rules or data cannot be computed: ${name.en} is wrong; ${problem.en}`,
      }
    : { zh: `评分规则或数据无法计算：${problem.zh}`, en: `the rules or data cannot be computed: ${problem.en}` };
}
