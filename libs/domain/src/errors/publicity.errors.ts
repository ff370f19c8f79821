import { CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { beijingTime } from '../time';
import { refusal } from './refusal';

export enum PublicityRefusal {
  NotAllocated = 'NOT_ALLOCATED',
  RunNotSucceeded = 'LATEST_RUN_NOT_SUCCEEDED',
  AlreadyPublished = 'ALREADY_PUBLISHED',
  NotPublished = 'NOT_PUBLISHED',
  NotInNoticePeriod = 'NOT_IN_NOTICE_PERIOD',
  NoticePeriodRunning = 'NOTICE_PERIOD_RUNNING',
  ObjectionsOpen = 'OBJECTIONS_OPEN',
  PublicationNotFound = 'PUBLICATION_NOT_FOUND',
  ObjectionNotFound = 'OBJECTION_NOT_FOUND',
  ObjectionByApplicantOnly = 'OBJECTION_BY_APPLICANT_ONLY',
  ProjectNotFound = 'PROJECT_NOT_FOUND',
  OutsideNoticePeriod = 'OUTSIDE_NOTICE_PERIOD',
  ObjectionAlreadyOpen = 'OBJECTION_ALREADY_OPEN',
  ObjectionAlreadyAnswered = 'OBJECTION_ALREADY_ANSWERED',
}

/**
 * Refusals an award may meet when it is not yet time: the worker's tick decides by these that a
 * competition simply is not due, while the office sees them as the reason it must wait.
 */
export const AWARD_NOT_DUE: readonly string[] = [
  PublicityRefusal.NotInNoticePeriod,
  PublicityRefusal.NoticePeriodRunning,
  PublicityRefusal.ObjectionsOpen,
];

export const PublicityErrors = {
  notAllocated: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.NotAllocated, {
      zh: `只有「资金已分配」的大赛可以公示结果，大赛当前为${stateZh(state)}`,
      en: `only an allocated competition can publish its result; it is in ${stateEn(state)}`,
    }),

  latestRunNotSucceeded: (status: string | undefined) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.RunNotSucceeded, {
      zh: `最近一次排名与分配${status ? '尚未成功完成' : '不存在'}，成功完成后才能公示`,
      en: `the latest ranking run ${status ? `is ${status}` : 'does not exist'}; publish once it has succeeded`,
    }),

  alreadyPublished: () =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.AlreadyPublished, {
      zh: '该大赛已有正在公示的结果',
      en: 'the competition already has a result in its notice period',
    }),

  notPublished: () =>
    refusal(
      DomainErrorCode.NotFound,
      PublicityRefusal.NotPublished,
      { zh: '该大赛尚未公示结果', en: 'the competition has not published a result' },
      'id',
    ),

  notInNoticePeriod: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.NotInNoticePeriod, {
      zh: `只有公示中的大赛可以立项，大赛当前为${stateZh(state)}`,
      en: `only a competition in its notice period can be awarded; it is in ${stateEn(state)}`,
    }),

  noticePeriodRunning: (endsAt: Date) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.NoticePeriodRunning, {
      zh: `公示期至 ${beijingTime(endsAt)}（北京时间）结束，结束后才能立项`,
      en: `the notice period ends at ${endsAt.toISOString()}; award after it`,
    }),

  objectionsOpen: (count: number) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.ObjectionsOpen, {
      zh: `还有 ${count} 条异议未答复，答复后才能立项`,
      en: `${count} objection(s) are still open; answer them before awarding`,
    }),

  publicationNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      PublicityRefusal.PublicationNotFound,
      { zh: '未找到该公示', en: 'publication not found' },
      'id',
    ),

  objectionNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      PublicityRefusal.ObjectionNotFound,
      { zh: '未找到该异议', en: 'objection not found' },
      'id',
    ),

  objectionByApplicantOnly: () =>
    refusal(DomainErrorCode.Forbidden, PublicityRefusal.ObjectionByApplicantOnly, {
      zh: '只有申报单位可以对自己的项目提出异议',
      en: 'only an applicant organization may object, for its own project',
    }),

  projectNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      PublicityRefusal.ProjectNotFound,
      { zh: '未找到贵单位在该大赛中的这个申报项目', en: 'your organization has no such project in this competition' },
      'submissionId',
    ),

  outsideNoticePeriod: (startsAt: Date, endsAt: Date, withdrawn: boolean, state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.OutsideNoticePeriod, {
      zh:
        `只能在公示期内（${beijingTime(startsAt)} 至 ${beijingTime(endsAt)}，北京时间）提出异议` +
        (withdrawn ? '；该公示已撤回' : `；大赛当前为${stateZh(state)}`),
      en:
        `objections are accepted only during the notice period (${startsAt.toISOString()} to ${endsAt.toISOString()})` +
        (withdrawn ? '; this notice was withdrawn' : `; the competition is in ${stateEn(state)}`),
    }),

  objectionAlreadyOpen: () =>
    refusal(
      DomainErrorCode.Conflict,
      PublicityRefusal.ObjectionAlreadyOpen,
      {
        zh: '该项目已有一条异议等待答复，请等待答复后再提出',
        en: 'this project already has an objection waiting for an answer',
      },
      'submissionId',
    ),

  objectionAlreadyAnswered: (answeredAt: Date | null, upheld: boolean) =>
    refusal(DomainErrorCode.Conflict, PublicityRefusal.ObjectionAlreadyAnswered, {
      zh: `该异议已于 ${answeredAt ? beijingTime(answeredAt) : ''} 答复（${upheld ? '成立' : '不成立'}）`,
      en: `the objection was already answered (${upheld ? 'upheld' : 'rejected'})`,
    }),
} as const;
