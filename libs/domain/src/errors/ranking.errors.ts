import { CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum RankingRefusal {
  RunNotFound = 'RUN_NOT_FOUND',
  NotRankable = 'NOT_RANKABLE_NOW',
  NoSlots = 'NO_SLOTS_TO_RANK',
  SlotsNotLocked = 'SLOTS_NOT_LOCKED',
  RunActive = 'RUN_ALREADY_ACTIVE',
  RunFailed = 'RUN_FAILED',
  RunHasNoResult = 'RUN_HAS_NO_RESULT',
  NoResult = 'NO_RESULT_YET',
  ResultNotPublished = 'RESULT_NOT_PUBLISHED',
  RetriesExhausted = 'RETRIES_EXHAUSTED',
  ComponentValuesMissing = 'COMPONENT_VALUES_MISSING',
  ComponentValuesUnlocked = 'COMPONENT_VALUES_UNLOCKED',
}

export const RankingErrors = {
  runNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      RankingRefusal.RunNotFound,
      { zh: '未找到该排名任务', en: 'ranking run not found' },
      'id',
    ),

  notRankable: (state: CompetitionState, trigger: 'office' | 'objection', allowed: readonly CompetitionState[]) =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.NotRankable, {
      zh: `大赛当前为${stateZh(state)}，不能排名和分配资金；只有${allowed.map(stateZh).join('、')}时可以`,
      en:
        `a competition in ${stateEn(state)} cannot be ranked; ` +
        `${trigger === 'office' ? 'the office ranks' : 'an upheld objection re-ranks'} only in ${allowed.map(stateEn).join(', ')}`,
    }),

  noSlots: () =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.NoSlots, {
      zh: '该大赛还没有路演出场顺序，没有可排名的项目',
      en: 'the competition has no roadshow slots to rank',
    }),

  slotsNotLocked: (open: number, total: number) =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.SlotsNotLocked, {
      zh: `路演还有 ${open} 个出场位未锁定（共 ${total} 个），全部锁定后才能排名`,
      en: `${open} of ${total} roadshow slots are not locked; lock every slot before ranking`,
    }),

  runActive: (runId: string, status: string) =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.RunActive, {
      zh: `已有排名任务正在${status === 'queued' ? '排队' : '进行'}（${runId}），请等它完成`,
      en: `run ${runId} is already ${status}; wait for it to finish`,
    }),

  runFailed: () =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.RunFailed, {
      zh: '该排名任务已失败，不能再写入结果',
      en: 'the run has already failed; no result is written',
    }),

  runHasNoResult: (status: string) =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.RunHasNoResult, {
      zh: `该排名任务${status === 'failed' ? '已失败' : '尚未完成'}，没有结果`,
      en: `the run is ${status}; it has no result`,
    }),

  noResult: () =>
    refusal(DomainErrorCode.NotFound, RankingRefusal.NoResult, {
      zh: '该大赛还没有成功完成的排名结果',
      en: 'the competition has no successful ranking run yet',
    }),

  resultNotPublished: () =>
    refusal(DomainErrorCode.NotFound, RankingRefusal.ResultNotPublished, {
      zh: '结果尚未公示',
      en: 'the results have not been published yet',
    }),

  componentValuesMissing: (component: { labelZh: string; labelEn: string }, missing: number) =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.ComponentValuesMissing, {
      zh: `评分构成「${component.labelZh}」还有 ${missing} 个项目没有分数，补齐并锁定后才能排名`,
      en: `${missing} projects have no value of the score component "${component.labelEn}"; enter and lock them before ranking`,
    }),

  componentValuesUnlocked: (component: { labelZh: string; labelEn: string }) =>
    refusal(DomainErrorCode.Conflict, RankingRefusal.ComponentValuesUnlocked, {
      zh: `评分构成「${component.labelZh}」的分数尚未锁定，锁定后才能排名`,
      en: `the values of the score component "${component.labelEn}" are not locked; lock them before ranking`,
    }),

  /** The worker gave up after every retry (the database or the queue kept failing). */
  retriesExhausted: () =>
    refusal(DomainErrorCode.ServiceUnavailable, RankingRefusal.RetriesExhausted, {
      zh: '排名多次重试后仍未完成，请稍后重新发起排名',
      en: 'the run still failed after every retry; request a new run later',
    }),
} as const;

/**
 * A run needs every slot of the roadshow locked: an unlocked slot's scores may still change. The
 * office's request and the worker's snapshot check the same rule here.
 */
export function assertEverySlotLocked(total: number, locked: number): void {
  if (total === 0) throw RankingErrors.noSlots();
  if (locked < total) throw RankingErrors.slotsNotLocked(total - locked, total);
}

/**
 * A run needs every input and vote component locked and a value of each for every project it
 * ranks: a value could still change, or the engine would find a project without it. The office's
 * request and the worker's snapshot check the same rule here.
 */
export function assertComponentValuesReady(
  components: readonly { readonly key: string; readonly labelZh: string; readonly labelEn: string }[],
  lockedKeys: ReadonlySet<string>,
  valuedProjects: (key: string) => ReadonlySet<string>,
  projectIds: readonly string[],
): void {
  for (const component of components) {
    const valued = valuedProjects(component.key);
    const missing = projectIds.filter((id) => !valued.has(id)).length;
    if (missing > 0) throw RankingErrors.componentValuesMissing(component, missing);
    if (!lockedKeys.has(component.key)) throw RankingErrors.componentValuesUnlocked(component);
  }
}
