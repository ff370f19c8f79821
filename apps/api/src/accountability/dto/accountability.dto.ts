import { ApiProperty } from '@nestjs/swagger';
import {
  CompetitionRules,
  CompetitionState,
  EVALUATION_STAGE_LABELS,
  EvaluationStage,
  PROJECT_OUTCOME_LABELS,
  ProjectOutcome,
} from '@app/domain';
import { GrantProgress } from '@app/grants';
import type { GrantProgressRow } from '../accountability.repository';
import { BilingualTextDto } from '../../results/dto/bilingual-text.dto';

/** A value with the words people read it by. */
export class LabelledValueDto {
  @ApiProperty({ example: 'in-progress' })
  code: string;

  @ApiProperty({ example: '实施中' })
  labelZh: string;

  @ApiProperty({ example: 'In progress' })
  labelEn: string;
}

/** How far the grant has come in the ledger. */
export class GrantProgressDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 3_000_000, description: 'the grant, integer fen' })
  amountFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1_500_000, description: 'paid so far, integer fen' })
  paidFen: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 50,
    description: '已拨付占资助金额的百分比（向下取整）/ whole percent of the grant paid, rounded down',
  })
  paidPercent: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  tranchesPaid: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 3,
    description: 'tranches owed or paid; those cancelled by a termination are not counted',
  })
  tranchesPlanned: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 4, description: '已通过的报告数 / reports the office accepted' })
  reportsAccepted: number;
}

/** The latest evaluation of a funded project (评估): its stage, band and stars, and whether it went through remediation. */
export class ProjectEvaluationDto {
  @ApiProperty({ type: LabelledValueDto, description: 'mid | final: the stage the latest result counts for' })
  stage: LabelledValueDto;

  @ApiProperty({ type: LabelledValueDto, description: 'the band by the rules (A 优秀, B 合格, C 不合格 by default)' })
  band: LabelledValueDto;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, nullable: true, example: 4 })
  stars: number | null;

  @ApiProperty({ example: true, description: 'whether the band passes' })
  passed: boolean;

  @ApiProperty({ example: false, description: '整改: whether an evaluation ever sent the project into remediation' })
  remediated: boolean;
}

export class AccountabilityProjectDto {
  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ type: BilingualTextDto, description: '项目类别 / the category' })
  category: BilingualTextDto;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ type: GrantProgressDto })
  grant: GrantProgressDto;

  @ApiProperty({ type: LabelledValueDto, description: `code: ${Object.values(ProjectOutcome).join(' | ')}` })
  outcome: LabelledValueDto;

  @ApiProperty({ type: ProjectEvaluationDto, nullable: true, description: 'null before the first evaluation' })
  evaluation: ProjectEvaluationDto | null;
}

/** 项目进展公开: every funded project of a competition and how its year went, open to everyone. */
export class AccountabilityDto {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ enum: CompetitionState, example: CompetitionState.InProgress })
  competitionState: CompetitionState;

  @ApiProperty({ type: 'integer', minimum: 0, example: 10 })
  fundedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 30_000_000, description: 'sum of the grants, integer fen' })
  totalGrantFen: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 15_000_000, description: 'sum paid, integer fen' })
  totalPaidFen: number;

  @ApiProperty({ type: [AccountabilityProjectDto], description: 'in agreement-number order' })
  projects: AccountabilityProjectDto[];
}

export class PublicCompetitionDto {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ enum: CompetitionState, example: CompetitionState.Publicity })
  competitionState: CompetitionState;

  @ApiProperty({ example: '2026-04-08T01:00:00.000Z', format: 'date-time', description: 'the latest notice’s end' })
  noticeEndsAt: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 10, description: 'grants in the ledger (0 before the award)' })
  grantCount: number;
}

export class PublicCompetitionListDto {
  @ApiProperty({ type: [PublicCompetitionDto], description: 'newest notice first' })
  items: PublicCompetitionDto[];
}

export type AccountabilityProjectSource = Pick<
  GrantProgressRow,
  | 'submissionId'
  | 'projectTitle'
  | 'category'
  | 'organizationName'
  | 'community'
  | 'reportsAccepted'
  | 'latestEvaluation'
  | 'remediated'
>;

export function toProjectEvaluation(
  source: Pick<GrantProgressRow, 'latestEvaluation' | 'remediated'>,
): ProjectEvaluationDto | null {
  const latest = source.latestEvaluation;
  if (!latest) return null;
  const stage = EVALUATION_STAGE_LABELS[latest.stage as EvaluationStage];
  return {
    stage: { code: latest.stage, labelZh: stage.zh, labelEn: stage.en },
    band: { code: latest.band, labelZh: latest.bandZh ?? latest.band, labelEn: latest.bandEn ?? latest.band },
    stars: latest.stars,
    passed: latest.passed,
    remediated: source.remediated,
  };
}

export function toOutcome(outcome: ProjectOutcome): LabelledValueDto {
  const label = PROJECT_OUTCOME_LABELS[outcome];
  return { code: outcome, labelZh: label.zh, labelEn: label.en };
}

export function toGrantProgress(progress: GrantProgress, reportsAccepted: number): GrantProgressDto {
  return {
    amountFen: progress.amountFen,
    paidFen: progress.paidFen,
    paidPercent: progress.paidPercent,
    tranchesPaid: progress.tranchesPaid,
    tranchesPlanned: progress.tranchesPlanned,
    reportsAccepted,
  };
}

export function toAccountabilityProject(
  rules: Pick<CompetitionRules, 'categories'>,
  source: AccountabilityProjectSource,
  progress: GrantProgress,
): AccountabilityProjectDto {
  const category = rules.categories.find((c) => c.key === source.category);
  return {
    submissionId: source.submissionId,
    projectTitle: source.projectTitle,
    category: { zh: category?.labelZh ?? source.category, en: category?.labelEn ?? source.category },
    organizationName: source.organizationName,
    community: source.community,
    grant: toGrantProgress(progress, source.reportsAccepted),
    outcome: toOutcome(progress.outcome),
    evaluation: toProjectEvaluation(source),
  };
}
