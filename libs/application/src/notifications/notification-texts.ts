import { Bilingual, NotificationKind, REPORT_KIND_LABELS, ReportKind } from '@app/domain';
import { yuanFigure } from '@app/scoring';

/** What a notification says, in both languages, with the facts it needs. */
export type NotificationFacts =
  | {
      readonly kind: NotificationKind.ScreeningResult;
      readonly projectTitle: string;
      readonly passed: boolean;
      readonly reason: string | null;
    }
  | {
      readonly kind: NotificationKind.ResultPublished;
      readonly competitionTitle: string;
      readonly projectTitle: string;
      readonly endsOn: string;
    }
  | { readonly kind: NotificationKind.ObjectionAnswered; readonly projectTitle: string; readonly upheld: boolean }
  | {
      readonly kind: NotificationKind.ReportDue | NotificationKind.ReportOverdue;
      readonly projectTitle: string;
      readonly reportKind: ReportKind;
      /** The month a monthly report covers (YYYY-MM); empty for the others. */
      readonly period: string;
      readonly dueOn: string;
    }
  | { readonly kind: NotificationKind.TranchePaid; readonly projectTitle: string; readonly amountFen: number };

export interface NotificationText {
  readonly titleZh: string;
  readonly titleEn: string;
  readonly bodyZh: string;
  readonly bodyEn: string;
}

/** 「2026-11 月度报告」, 「结项报告」: which report, as the ledger's pages name it. */
function reportName(kind: ReportKind, period: string): Bilingual {
  const label = REPORT_KIND_LABELS[kind];
  return period ? { zh: `${period} ${label.zh}`, en: `${period} ${label.en.toLowerCase()}` } : label;
}

export function notificationText(facts: NotificationFacts): NotificationText {
  switch (facts.kind) {
    case NotificationKind.ScreeningResult:
      return facts.passed
        ? {
            titleZh: `「${facts.projectTitle}」通过资格审查`,
            titleEn: `"${facts.projectTitle}" passed screening`,
            bodyZh: '项目已通过资格审查，请留意路演安排。',
            bodyEn: 'The project passed screening; watch for the roadshow schedule.',
          }
        : {
            titleZh: `「${facts.projectTitle}」未通过资格审查`,
            titleEn: `"${facts.projectTitle}" did not pass screening`,
            bodyZh: `原因：${facts.reason ?? '未说明'}`,
            bodyEn: `Reason: ${facts.reason ?? 'not given'}`,
          };
    case NotificationKind.ResultPublished:
      return {
        titleZh: `「${facts.competitionTitle}」评审结果开始公示`,
        titleEn: `Results of "${facts.competitionTitle}" are published`,
        bodyZh: `「${facts.projectTitle}」的结果已公示，公示期至 ${facts.endsOn}。`,
        bodyEn: `The result of "${facts.projectTitle}" is on public notice until ${facts.endsOn}.`,
      };
    case NotificationKind.ObjectionAnswered:
      return {
        titleZh: `关于「${facts.projectTitle}」的异议已答复`,
        titleEn: `The objection about "${facts.projectTitle}" was answered`,
        bodyZh: facts.upheld ? '异议成立，评审结果将重新计算。' : '异议不成立，评审结果不变。',
        bodyEn: facts.upheld
          ? 'The objection was upheld; the results will be computed again.'
          : 'The objection was dismissed; the results stand.',
      };
    case NotificationKind.ReportDue:
      return {
        titleZh: `「${facts.projectTitle}」${reportName(facts.reportKind, facts.period).zh}即将到期`,
        titleEn: `${reportName(facts.reportKind, facts.period).en} of "${facts.projectTitle}" is due soon`,
        bodyZh: `请在 ${facts.dueOn} 前提交报告。`,
        bodyEn: `Please submit the report by ${facts.dueOn}.`,
      };
    case NotificationKind.ReportOverdue:
      return {
        titleZh: `「${facts.projectTitle}」${reportName(facts.reportKind, facts.period).zh}已逾期`,
        titleEn: `${reportName(facts.reportKind, facts.period).en} of "${facts.projectTitle}" is overdue`,
        bodyZh: `报告应于 ${facts.dueOn} 提交，请尽快提交。`,
        bodyEn: `The report was due on ${facts.dueOn}; please submit it as soon as possible.`,
      };
    case NotificationKind.TranchePaid:
      return {
        titleZh: `「${facts.projectTitle}」资金已拨付`,
        titleEn: `A tranche of "${facts.projectTitle}" was paid`,
        bodyZh: `本期拨付 ${yuanFigure(facts.amountFen)}。`,
        bodyEn: `This tranche: ${yuanFigure(facts.amountFen)}.`,
      };
  }
}
