import { COMPETITION_TRANSITIONS, CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { beijingTime } from '../time';
import { refusal } from './refusal';

export enum CompetitionRefusal {
  NotFound = 'COMPETITION_NOT_FOUND',
  TransitionNotAllowed = 'TRANSITION_NOT_ALLOWED',
  TransitionHasOwnAction = 'TRANSITION_HAS_OWN_ACTION',
  DeadlinePassed = 'SUBMISSION_DEADLINE_PASSED',
  SubmissionsNotScreened = 'SUBMISSIONS_NOT_SCREENED',
  RulesFrozen = 'RULES_FROZEN',
  ChangedSinceRead = 'CHANGED_SINCE_READ',
  PresetOrRulesRequired = 'PRESET_OR_RULES_REQUIRED',
  DeadlineInPast = 'DEADLINE_IN_PAST',
  PoolBelowCap = 'POOL_BELOW_CAP',
  PresetOnlyInDraft = 'PRESET_ONLY_IN_DRAFT',
}

/** The action that moves a competition into a state the generic transition refuses. */
const OWN_ACTIONS: Partial<Record<CompetitionState, BilingualMessage>> = {
  [CompetitionState.Ranked]: { zh: '“排名与分配”', en: 'a ranking run' },
  [CompetitionState.Allocated]: { zh: '“排名与分配”', en: 'a ranking run' },
  [CompetitionState.Publicity]: { zh: '“发布公示”', en: 'publication of the result' },
  [CompetitionState.Awarded]: { zh: '“确定资助”', en: 'the award' },
};

export const CompetitionErrors = {
  notFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      CompetitionRefusal.NotFound,
      { zh: '未找到该大赛', en: 'competition not found' },
      'id',
    ),

  transitionNotAllowed: (from: CompetitionState, to: CompetitionState, field?: string) => {
    const allowed = COMPETITION_TRANSITIONS[from];
    return refusal(
      DomainErrorCode.Conflict,
      CompetitionRefusal.TransitionNotAllowed,
      {
        zh:
          `大赛当前为${stateZh(from)}，不能变为${stateZh(to)}；` +
          (allowed.length ? `可变为：${allowed.map(stateZh).join('、')}` : '该状态已是终点'),
        en:
          `a competition in ${stateEn(from)} cannot move to ${stateEn(to)}; ` +
          (allowed.length ? `it can move to: ${allowed.map(stateEn).join(', ')}` : 'that is its final state'),
      },
      field,
    );
  },

  transitionHasOwnAction: (to: CompetitionState, field?: string) => {
    const action = OWN_ACTIONS[to] ?? { zh: '专门的操作', en: 'its own action' };
    return refusal(
      DomainErrorCode.Conflict,
      CompetitionRefusal.TransitionHasOwnAction,
      {
        zh: `大赛不能直接变为${stateZh(to)}：请使用${action.zh}`,
        en: `a competition does not move to ${stateEn(to)} by itself: use ${action.en}`,
      },
      field,
    );
  },

  deadlinePassedBeforeOpening: (deadline: Date) =>
    refusal(
      DomainErrorCode.Conflict,
      CompetitionRefusal.DeadlinePassed,
      {
        zh: `申报截止时间 ${beijingTime(deadline)} 已过，请先修改截止时间再开始征集`,
        en: `the submission deadline ${deadline.toISOString()} has passed; move it before opening`,
      },
      'submissionDeadline',
    ),

  submissionsNotScreened: (count: number) =>
    refusal(DomainErrorCode.Conflict, CompetitionRefusal.SubmissionsNotScreened, {
      zh: `还有 ${count} 个已提交项目未完成资格审查，审查完毕才能进入路演`,
      en: `${count} submitted project(s) are not screened yet; finish screening before the roadshow`,
    }),

  rulesFrozen: (state: CompetitionState, frozenAt: Date | null, what: BilingualMessage) =>
    refusal(DomainErrorCode.Conflict, CompetitionRefusal.RulesFrozen, {
      zh: `路演已开始，${frozenAt ? `规则已于 ${beijingTime(frozenAt)} 冻结` : '规则已冻结'}，不能再修改${what.zh}（大赛当前为${stateZh(state)}）`,
      en: `the rules were frozen when the roadshow started; ${what.en} can no longer change (the competition is in ${stateEn(state)})`,
    }),

  changedSinceRead: (what: 'competition' | 'rules', now: number, sent: number, field: string) =>
    refusal(
      DomainErrorCode.Conflict,
      CompetitionRefusal.ChangedSinceRead,
      what === 'rules'
        ? {
            zh: `规则已被他人修改（当前第 ${now} 版，你读取的是第 ${sent} 版），请刷新后再改`,
            en: `the rules changed since you read them (now version ${now}, you sent ${sent}); reload and retry`,
          }
        : {
            zh: `大赛已被他人修改（当前版本 ${now}，你读取的是 ${sent}），请刷新后再改`,
            en: `the competition changed since you read it (now version ${now}, you sent ${sent}); reload and retry`,
          },
      field,
    ),

  presetOnlyInDraft: (state: CompetitionState) =>
    refusal(
      DomainErrorCode.Conflict,
      CompetitionRefusal.PresetOnlyInDraft,
      {
        zh: `只有草稿状态的大赛可以套用预设评分构成（大赛当前为${stateZh(state)}），请逐项修改规则`,
        en: `a preset's score composition applies to a draft competition only (this one is in ${stateEn(state)}); change the rules field by field`,
      },
      'preset',
    ),

  presetOrRulesRequired: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      CompetitionRefusal.PresetOrRulesRequired,
      { zh: '请选择预设规则，或给出完整规则', en: 'choose a preset, or give the complete rules' },
      'preset',
    ),

  deadlineInPast: (deadline: Date) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      CompetitionRefusal.DeadlineInPast,
      {
        zh: `申报截止时间必须晚于当前时间（${beijingTime(deadline)} 北京时间已过）`,
        en: `the submission deadline must be in the future (${deadline.toISOString()} has passed)`,
      },
      'submissionDeadline',
    ),

  poolBelowCap: (poolText: string, capText: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      CompetitionRefusal.PoolBelowCap,
      {
        zh: `资金池 ${poolText} 不能小于单个项目申请上限 ${capText}`,
        en: `the pool of ${poolText} must not be below the per-project cap of ${capText}`,
      },
      'poolFen',
    ),
} as const;
