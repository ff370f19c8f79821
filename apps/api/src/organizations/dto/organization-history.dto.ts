import { ApiProperty } from '@nestjs/swagger';
import {
  COMPETITION_STATE_LABELS,
  CompetitionState,
  GRANT_STATE_LABELS,
  GrantState,
  SCREENING_STATUS_LABELS,
  SUBMISSION_STATE_LABELS,
  ScreeningStatus,
  SubmissionState,
} from '@app/domain';
import { GrantProgress } from '@app/grants';
import {
  GrantProgressDto,
  LabelledValueDto,
  ProjectEvaluationDto,
  toGrantProgress,
  toOutcome,
  toProjectEvaluation,
} from '../../accountability/dto/accountability.dto';
import { GrantProgressRow } from '../../accountability/accountability.repository';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { BilingualTextDto } from '../../results/dto/bilingual-text.dto';
import { REASON_LABELS, STATUS_LABELS } from '../../results/result-labels';
import { EnteredSubmissionRow } from '../organization-history.repository';
import { SanctionDto } from '../../sanctions/dto/sanction.dto';
import { OrganizationResponseDto } from './organization.dto';

export class EnteredResultDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 3, description: 'rank as announced: 1, 2, 2, 4' })
  displayRank: number;

  @ApiDecimal({ example: '86.40' })
  score: string;

  @ApiProperty({ type: LabelledValueDto, description: 'funded | partly-funded | not-funded' })
  status: LabelledValueDto;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2_000_000, description: 'integer fen' })
  grantFen: number;

  @ApiProperty({ type: BilingualTextDto })
  reason: BilingualTextDto;
}

export class EnteredSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ type: LabelledValueDto, description: 'the competition’s state' })
  competitionState: LabelledValueDto;

  @ApiProperty({ example: '党群心连心·关爱母婴行' })
  title: string;

  @ApiProperty({ type: LabelledValueDto, description: 'submitted | withdrawn' })
  state: LabelledValueDto;

  @ApiProperty({ type: LabelledValueDto, description: 'pending | passed | rejected' })
  screening: LabelledValueDto;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  submittedAt: string | null;

  @ApiProperty({
    type: EnteredResultDto,
    nullable: true,
    description: 'its row in the competition’s latest successful ranking run; null before one',
  })
  result: EnteredResultDto | null;
}

export class MonthScoreDto {
  @ApiProperty({ example: '2027-03' })
  month: string;

  @ApiProperty({ example: 5.5, minimum: 0, maximum: 10, description: 'the month’s latest revision' })
  score: number;

  @ApiProperty({ example: true, description: 'below the exit line of the competition’s rules' })
  below: boolean;
}

export class OrganizationGrantDto {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: 'XN-2026-004' })
  agreementNumber: string;

  @ApiProperty({ example: '党群心连心·关爱母婴行' })
  projectTitle: string;

  @ApiProperty({ type: GrantProgressDto })
  progress: GrantProgressDto;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'refunds still due, integer fen' })
  refundDueFen: number;

  @ApiProperty({ type: LabelledValueDto, description: 'the grant’s state in the ledger' })
  state: LabelledValueDto;

  @ApiProperty({ nullable: true, type: String, example: '连续三个月考核低于 6 分，退出' })
  stateReason: string | null;

  @ApiProperty({ type: LabelledValueDto, description: 'in-progress | finished | terminated | exited' })
  outcome: LabelledValueDto;

  @ApiProperty({ type: ProjectEvaluationDto, nullable: true, description: 'the latest evaluation; null before one' })
  evaluation: ProjectEvaluationDto | null;

  @ApiProperty({
    type: [MonthScoreDto],
    description: '月度考核，按月份先后 / monthly check scores, oldest month first',
  })
  monthlyChecks: MonthScoreDto[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: 'months in a row below the line, ending at the latest month checked',
  })
  monthsBelowInRow: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class OrganizationHistorySummaryDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  competitionsEntered: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  submissions: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  grants: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'grants terminated or exited' })
  grantsTerminated: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 5_000_000, description: 'sum of the grants, integer fen' })
  grantedFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3_500_000, description: 'sum paid, integer fen' })
  paidFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'sanctions barring submissions today' })
  activeSanctions: number;
}

/** 组织档案: what the office needs to know about an organization before it takes another project. */
export class OrganizationHistoryDto {
  @ApiProperty({ type: OrganizationResponseDto })
  organization: OrganizationResponseDto;

  @ApiProperty({ type: OrganizationHistorySummaryDto })
  summary: OrganizationHistorySummaryDto;

  @ApiProperty({ type: [EnteredSubmissionDto], description: 'newest competition first; drafts are not listed' })
  submissions: EnteredSubmissionDto[];

  @ApiProperty({ type: [OrganizationGrantDto], description: 'newest first' })
  grants: OrganizationGrantDto[];

  @ApiProperty({
    type: [SanctionDto],
    description: '限制申报，含已到期的 / every sanction, ended ones too; newest first',
  })
  sanctions: SanctionDto[];
}

function labelled<T extends string>(table: Readonly<Record<T, { zh: string; en: string }>>, code: T): LabelledValueDto {
  return { code, labelZh: table[code].zh, labelEn: table[code].en };
}

export function toEnteredSubmission(row: EnteredSubmissionRow): EnteredSubmissionDto {
  return {
    submissionId: row.submissionId,
    competitionId: row.competitionId,
    competitionTitle: row.competitionTitle,
    competitionState: labelled<CompetitionState>(COMPETITION_STATE_LABELS, row.competitionState),
    title: row.title,
    state: labelled<SubmissionState>(SUBMISSION_STATE_LABELS, row.state),
    screening: labelled<ScreeningStatus>(SCREENING_STATUS_LABELS, row.screening),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    result: row.result && {
      displayRank: row.result.displayRank,
      score: row.result.score,
      status: labelled(STATUS_LABELS, row.result.status),
      grantFen: row.result.grantFen,
      reason: { ...REASON_LABELS[row.result.reason] },
    },
  };
}

export interface MonthlyRecord {
  readonly months: readonly MonthScoreDto[];
  readonly monthsBelowInRow: number;
}

export function toOrganizationGrant(
  row: GrantProgressRow,
  progress: GrantProgress,
  monthly: MonthlyRecord,
): OrganizationGrantDto {
  return {
    grantId: row.grantId,
    competitionId: row.competitionId,
    competitionTitle: row.competitionTitle,
    submissionId: row.submissionId,
    agreementNumber: row.agreementNumber,
    projectTitle: row.projectTitle,
    progress: toGrantProgress(progress, row.reportsAccepted),
    refundDueFen: row.refundDueFen,
    state: labelled<GrantState>(GRANT_STATE_LABELS, row.state),
    stateReason: row.stateReason,
    outcome: toOutcome(progress.outcome),
    evaluation: toProjectEvaluation(row),
    monthlyChecks: [...monthly.months],
    monthsBelowInRow: monthly.monthsBelowInRow,
    createdAt: row.createdAt.toISOString(),
  };
}
