import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { EVALUATION_STAGE_LABELS, EvaluationStage } from '../evaluation-vocabulary';
import { beijingTime } from '../time';
import { refusal } from './refusal';
import type { SignInPauseScope } from './roadshow.errors';
import type { RulesField } from './rules.errors';

const PAUSE_SCOPE: Readonly<Record<SignInPauseScope, { zh: string; en: string }>> = {
  code: { zh: '这个评估签到码输错次数过多，请核对签到单', en: 'this code has been tried too often; check the slip' },
  address: { zh: '本网络输错评估签到码的次数过多', en: 'too many wrong codes came from this network' },
  roadshow: { zh: '本轮评估输错签到码的次数过多', en: 'too many wrong codes were tried for this evaluation round' },
};

export enum EvaluationRefusal {
  BandsWithoutFloor = 'EVALUATION_BANDS_WITHOUT_FLOOR',
  BandsNonePasses = 'EVALUATION_BANDS_NONE_PASSES',
  BandScoreRepeated = 'EVALUATION_BAND_SCORE_REPEATED',
  ScoreAbove100 = 'EVALUATION_SCORE_ABOVE_100',
  StarsRepeated = 'EVALUATION_STARS_REPEATED',
  StarGateCriterion = 'EVALUATION_STAR_GATE_CRITERION',
  RoundNotFound = 'EVALUATION_ROUND_NOT_FOUND',
  RoundAlreadyOpen = 'EVALUATION_ROUND_ALREADY_OPEN',
  RoundClosed = 'EVALUATION_ROUND_CLOSED',
  RoundStillOpen = 'EVALUATION_ROUND_STILL_OPEN',
  NothingToEvaluate = 'EVALUATION_NOTHING_TO_EVALUATE',
  EvaluatorNotFound = 'EVALUATOR_NOT_FOUND',
  EvaluatorGroupNotWeighted = 'EVALUATOR_GROUP_NOT_WEIGHTED',
  ProjectNotInRound = 'EVALUATION_PROJECT_NOT_IN_ROUND',
  EvaluatorRecused = 'EVALUATOR_RECUSED',
  SheetsMissing = 'EVALUATION_SHEETS_MISSING',
  EvaluatorSignInPaused = 'EVALUATOR_SIGN_IN_PAUSED',
  EvaluatorSessionEnded = 'EVALUATOR_SESSION_ENDED',
  SatisfactionCriterion = 'EVALUATION_SATISFACTION_CRITERION',
}

function invalid(reason: EvaluationRefusal, at: RulesField, message: BilingualMessage) {
  return refusal(DomainErrorCode.ValidationFailed, reason, message, at.path);
}

const stage = (value: EvaluationStage) => EVALUATION_STAGE_LABELS[value];

export const EvaluationErrors = {
  bandsWithoutFloor: (at: RulesField) =>
    invalid(EvaluationRefusal.BandsWithoutFloor, at, {
      zh: '评估等次须有一档从 0 分起，每个分数才都有等次',
      en: 'one band must start at 0, so that every score has a band',
    }),

  bandsNonePasses: (at: RulesField) =>
    invalid(EvaluationRefusal.BandsNonePasses, at, {
      zh: '评估等次中至少要有一档算作合格',
      en: 'at least one band must count as passing',
    }),

  bandScoreRepeated: (at: RulesField, score: string) =>
    invalid(EvaluationRefusal.BandScoreRepeated, at, {
      zh: `${at.name.zh}重复：已有一档从 ${score} 分起`,
      en: `${at.name.en} repeats: a band already starts at ${score}`,
    }),

  scoreAbove100: (at: RulesField) =>
    invalid(EvaluationRefusal.ScoreAbove100, at, {
      zh: `${at.name.zh}不能超过 100 分（评估结果按百分制）`,
      en: `${at.name.en} must not exceed 100 (evaluations score out of 100)`,
    }),

  starsRepeated: (at: RulesField, stars: number) =>
    invalid(EvaluationRefusal.StarsRepeated, at, {
      zh: `${at.name.zh}重复：${stars} 星已有分数线`,
      en: `${at.name.en} repeats: ${stars} stars already have a threshold`,
    }),

  starGateCriterion: (at: RulesField, criterion: string) =>
    invalid(EvaluationRefusal.StarGateCriterion, at, {
      zh: `${at.name.zh}「${criterion}」不是评估细则中的计分项`,
      en: `${at.name.en} "${criterion}" is not a scored criterion of the evaluation rubric`,
    }),

  satisfactionCriterion: (criterion: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      EvaluationRefusal.SatisfactionCriterion,
      {
        zh: `「${criterion}」不是评估细则中的计分项，不能折算居民满意度`,
        en: `"${criterion}" is not a scored criterion of the evaluation rubric; residents’ ratings cannot be read onto it`,
      },
      'residentSatisfactionCriterion',
    ),

  roundNotFound: () =>
    refusal(DomainErrorCode.NotFound, EvaluationRefusal.RoundNotFound, {
      zh: '没有这一评估轮次',
      en: 'no such evaluation round',
    }),

  roundAlreadyOpen: (value: EvaluationStage) =>
    refusal(
      DomainErrorCode.Conflict,
      EvaluationRefusal.RoundAlreadyOpen,
      {
        zh: `本大赛已有一轮进行中的${stage(value).zh}，请先结束它`,
        en: `this competition already has an open round of ${stage(value).en.toLowerCase()}; close it first`,
      },
      'stage',
    ),

  roundClosed: () =>
    refusal(DomainErrorCode.Conflict, EvaluationRefusal.RoundClosed, {
      zh: '该评估轮次已结束，结果不能再改动',
      en: 'the evaluation round is closed; its results can no longer change',
    }),

  roundStillOpen: () =>
    refusal(DomainErrorCode.Conflict, EvaluationRefusal.RoundStillOpen, {
      zh: '该评估轮次尚未结束，结束后才有评估结果包',
      en: 'the evaluation round is still open; its bundle exists once it is closed',
    }),

  nothingToEvaluate: (value: EvaluationStage) =>
    refusal(
      DomainErrorCode.Conflict,
      EvaluationRefusal.NothingToEvaluate,
      value === EvaluationStage.Reevaluation
        ? { zh: '本大赛没有处于整改期的项目，无需复评', en: 'no project of this competition is in remediation' }
        : {
            zh: `本大赛没有执行中的资助项目，无法开展${stage(value).zh}`,
            en: `this competition has no active grant to hold a ${stage(value).en.toLowerCase()} on`,
          },
      'stage',
    ),

  evaluatorNotFound: (field?: string) =>
    refusal(
      DomainErrorCode.NotFound,
      EvaluationRefusal.EvaluatorNotFound,
      { zh: '没有这位评估人', en: 'no such evaluator' },
      field,
    ),

  evaluatorGroupNotWeighted: (group: BilingualMessage) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      EvaluationRefusal.EvaluatorGroupNotWeighted,
      {
        zh: `评估规则没有给“${group.zh}”组权重，该组评估人的评分不会计入`,
        en: `the evaluation rules give the ${group.en.toLowerCase()} group no weight, so its marks would never count`,
      },
      'group',
    ),

  projectNotInRound: () =>
    refusal(
      DomainErrorCode.NotFound,
      EvaluationRefusal.ProjectNotInRound,
      { zh: '该项目不在本轮评估之列', en: 'the project is not evaluated in this round' },
      'grantId',
    ),

  evaluatorRecused: (reason: string) =>
    refusal(
      DomainErrorCode.Conflict,
      EvaluationRefusal.EvaluatorRecused,
      {
        zh: `该评估人已回避此项目（${reason}），不能为其评分`,
        en: `the evaluator is recused from this project (${reason}) and cannot score it`,
      },
      'grantId',
    ),

  sheetsMissing: (missing: number, expected: number) =>
    refusal(DomainErrorCode.Conflict, EvaluationRefusal.SheetsMissing, {
      zh: `还有 ${missing} 份评分表未提交（共 ${expected} 份），全部提交后才能结束评估`,
      en: `${missing} of ${expected} score sheets are still missing; every sheet is needed to close the round`,
    }),

  evaluatorSignInPaused: (scope: SignInPauseScope, until: Date) =>
    refusal(DomainErrorCode.RateLimited, EvaluationRefusal.EvaluatorSignInPaused, {
      zh: `${PAUSE_SCOPE[scope].zh}，签到暂停至 ${beijingTime(until)}（北京时间）`,
      en: `${PAUSE_SCOPE[scope].en}; sign-in is paused until ${until.toISOString()}`,
    }),

  evaluatorSessionEnded: () =>
    refusal(DomainErrorCode.Unauthenticated, EvaluationRefusal.EvaluatorSessionEnded, {
      zh: '本平板的评估人登录已结束（签到码已重新生成），请用新的签到码登录',
      en: 'this tablet’s evaluator session has ended (the code was reissued); sign in with the new code',
    }),
} as const;
