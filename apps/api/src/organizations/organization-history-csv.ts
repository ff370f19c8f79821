import { yuanText } from '@app/scoring';
import { csvDocument } from '../common/csv';
import type { OrganizationHistoryDto } from './dto/organization-history.dto';

const HEADER = [
  '大赛 / Competition',
  '项目名称 / Project',
  '申报状态 / Submission',
  '资格审查 / Screening',
  '名次 / Rank',
  '得分 / Score',
  '资助结果 / Result',
  '资助金额（元）/ Grant (yuan)',
  '协议编号 / Agreement',
  '已拨付（元）/ Paid (yuan)',
  '已拨付比例 / Paid share',
  '已通过报告 / Reports accepted',
  '待退款（元）/ Refund due (yuan)',
  '资助状态 / Grant state',
  '项目结果 / Outcome',
  '最近评估 / Latest evaluation',
  '星级 / Stars',
  '说明 / Note',
  '月度考核 / Monthly checks',
  '限制申报 / Sanction',
];

const both = (label: { readonly labelZh: string; readonly labelEn: string }) => `${label.labelZh} / ${label.labelEn}`;

/**
 * An organization's history as CSV: UTF-8 with BOM, Chinese-first header, one row per submission it
 * entered with its grant beside it when it was funded, and the sanction that grant's breach brought,
 * newest competition first.
 */
export function organizationHistoryCsv(history: OrganizationHistoryDto): string {
  const grants = new Map(history.grants.map((grant) => [grant.submissionId, grant]));
  const sanctions = new Map(history.sanctions.map((sanction) => [sanction.grantId, sanction]));
  return csvDocument([
    HEADER,
    ...history.submissions.map((submission) => {
      const result = submission.result;
      const grant = grants.get(submission.submissionId);
      const sanction = grant && sanctions.get(grant.grantId);
      return [
        submission.competitionTitle,
        submission.title,
        both(submission.state),
        both(submission.screening),
        result ? String(result.displayRank) : '',
        result?.score ?? '',
        result ? both(result.status) : '',
        result ? yuanText(result.grantFen, { grouped: false }) : '',
        grant?.agreementNumber ?? '',
        grant ? yuanText(grant.progress.paidFen, { grouped: false }) : '',
        grant ? `${grant.progress.paidPercent}%` : '',
        grant ? String(grant.progress.reportsAccepted) : '',
        grant ? yuanText(grant.refundDueFen, { grouped: false }) : '',
        grant ? both(grant.state) : '',
        grant ? both(grant.outcome) : '',
        grant?.evaluation
          ? `${both(grant.evaluation.stage)}: ${both(grant.evaluation.band)}${grant.evaluation.remediated ? '（经整改 / after remediation）' : ''}`
          : '',
        grant?.evaluation?.stars ? String(grant.evaluation.stars) : '',
        grant?.stateReason ?? '',
        grant
          ? grant.monthlyChecks.map((m) => `${m.month}: ${m.score}${m.below ? '（低于线 / below）' : ''}`).join('; ')
          : '',
        sanction ? `${sanction.startsOn} — ${sanction.endsOn}` : '',
      ];
    }),
  ]);
}
