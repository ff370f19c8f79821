import { CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum RoadshowRefusal {
  RoadshowNotFound = 'ROADSHOW_NOT_FOUND',
  SlotNotFound = 'SLOT_NOT_FOUND',
  JudgeNotFound = 'JUDGE_NOT_FOUND',
  NotRoadshowStage = 'NOT_ROADSHOW_STAGE',
  SlotLocked = 'SLOT_LOCKED',
  NotOnStage = 'NOT_ON_STAGE',
  Recused = 'RECUSED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyMissing = 'IDEMPOTENCY_KEY_MISSING',
  IdempotencyKeyMalformed = 'IDEMPOTENCY_KEY_MALFORMED',
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export const RoadshowErrors = {
  roadshowNotFound: (field?: string) =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.RoadshowNotFound,
      { zh: '路演不存在', en: 'roadshow not found' },
      field,
    ),

  slotNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.SlotNotFound,
      { zh: '该路演中没有这个出场位', en: 'no such slot in this roadshow' },
      'slotId',
    ),

  judgeNotFound: () =>
    refusal(DomainErrorCode.NotFound, RoadshowRefusal.JudgeNotFound, { zh: '评委不存在', en: 'judge not found' }),

  notRoadshowStage: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.NotRoadshowStage, {
      zh: `大赛当前为${stateZh(state)}，只有在路演阶段才能抽签、上台和评分`,
      en: `the competition is in ${stateEn(state)}; the draw, the stage and scoring need the roadshow stage`,
    }),

  slotLocked: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.SlotLocked, {
      zh: '该项目已锁定并公布分数，不能再提交评分',
      en: 'this project is locked and its score announced; no more scores are taken',
    }),

  notOnStage: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.NotOnStage, {
      zh: '该项目尚未上台，还不能评分',
      en: 'this project has not taken the stage yet',
    }),

  recused: () =>
    refusal(DomainErrorCode.Forbidden, RoadshowRefusal.Recused, {
      zh: '您已回避该项目，不能为其评分',
      en: 'you are recused from this project and cannot score it',
    }),

  idempotencyKeyReused: () =>
    refusal(
      DomainErrorCode.Conflict,
      RoadshowRefusal.IdempotencyKeyReused,
      {
        zh: '这个提交编号已用于另一份评分；新的评分请使用新的编号',
        en: 'this submission key was already used for a different score; send a new key for a new score',
      },
      IDEMPOTENCY_HEADER,
    ),

  idempotencyKeyMissing: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RoadshowRefusal.IdempotencyKeyMissing,
      {
        zh: '缺少提交编号：平板每次提交评分需带一个唯一编号，重试时沿用同一个',
        en: 'the submission key is required: one unique key per submission, reused on retry',
      },
      IDEMPOTENCY_HEADER,
    ),

  idempotencyKeyMalformed: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RoadshowRefusal.IdempotencyKeyMalformed,
      {
        zh: '提交编号须为 8 至 100 个可见 ASCII 字符',
        en: 'the submission key must be 8 to 100 visible ASCII characters',
      },
      IDEMPOTENCY_HEADER,
    ),
} as const;
