import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompetitionRules, CompetitionState } from '@app/domain';
import { Competition, NoticeTexts, Publication, RankingRun } from '@app/persistence';
import { BundleReason } from '@app/scoring';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { componentsOfRun, rowComponentsOf } from '../../results/component-values';
import {
  ALLOCATION_STATUSES,
  BUNDLE_REASONS,
  ResultComponentDto,
  ResultComponentValueDto,
} from '../../results/dto/results-response.dto';
import { REASON_LABELS } from '../../results/result-labels';
import { NoticeRow } from '@app/persistence';

export type PublicationPhase = 'in-period' | 'ended' | 'superseded';

export class NoticeRowDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'position in the total order (1..n, no ties)' })
  position: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'rank as announced: 1, 2, 2, 4' })
  displayRank: number;

  @ApiDecimal({ example: '88.50', description: 'the published score' })
  score: string;

  @ApiProperty({ example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d', format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: 'convenience' })
  category: string;

  @ApiProperty({ example: '便民利民类' })
  categoryZh: string;

  @ApiProperty({ example: 'Convenience services' })
  categoryEn: string;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ enum: ALLOCATION_STATUSES, example: 'funded' })
  status: 'funded' | 'partly-funded' | 'not-funded';

  @ApiProperty({ type: 'integer', minimum: 0, example: 3_000_000, description: 'integer fen (¥30,000.00)' })
  grantFen: number;

  @ApiProperty({ enum: BUNDLE_REASONS, example: 'funded-in-full', description: 'libs/scoring reason code' })
  reason: string;

  @ApiProperty({ example: '全额资助' })
  reasonZh: string;

  @ApiProperty({ example: 'funded in full' })
  reasonEn: string;

  @ApiPropertyOptional({
    type: [ResultComponentValueDto],
    description:
      '规则有评分构成时：各构成的分数及计入总分的分数，顺序同 components / with score components: each part’s value ' +
      'and what it adds, in the order of components',
  })
  components?: ResultComponentValueDto[];
}

/** 公示: the published result of one ranking run, open to everyone. */
export class PublicationNoticeDto {
  @ApiProperty({ example: '0b7c4d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e', format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ format: 'uuid', description: 'the ranking run whose result is published' })
  runId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, nullable: true })
  rulesVersion: number | null;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    nullable: true,
    type: String,
    pattern: '^[0-9a-f]{64}$',
  })
  inputHash: string | null;

  @ApiProperty({ example: '2026-04-01T01:00:00.000Z', format: 'date-time' })
  startsAt: string;

  @ApiProperty({ example: '2026-04-08T01:00:00.000Z', format: 'date-time' })
  endsAt: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'set when an upheld objection replaced this result',
  })
  supersededAt: string | null;

  @ApiProperty({
    enum: ['in-period', 'ended', 'superseded'],
    description: 'in-period: objections may be filed; ended: the period is over; superseded: replaced by a new run',
  })
  phase: PublicationPhase;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'objections waiting for the office’s answer' })
  openObjections: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 10 })
  fundedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 30_000_000, description: 'sum of the grants, integer fen' })
  totalGrantFen: number;

  @ApiPropertyOptional({
    type: [ResultComponentDto],
    description:
      '规则有评分构成时：总分由哪几部分组成（名称、权重或加分上限），与结果表相同 / with score components: the parts of ' +
      'the final score (labels, weight or cap), as in the results table',
  })
  components?: ResultComponentDto[];

  @ApiProperty({ type: [NoticeRowDto] })
  results: NoticeRowDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    example: '根据《西南街道公益创投项目管理办法》，现将本届大赛评审结果公示如下：',
    description: '主办单位设置的公示开头语 / the running office’s header for its notices, when it set one',
  })
  noticeHeader: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '公示期内如有异议，请通过申报页面提出。联系电话：0757-87654321',
    description: '主办单位设置的公示结束语 / the running office’s closing lines, when it set them',
  })
  noticeClosing: string | null;
}

export class AwardResponseDto {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ enum: [CompetitionState.Awarded], example: CompetitionState.Awarded })
  state: string;

  @ApiProperty({ format: 'uuid' })
  publicationId: string;

  @ApiProperty({ format: 'uuid' })
  runId: string;

  @ApiProperty({
    example: 'agreements-0b7c4d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e-1',
    description: 'the agreement rendering job',
  })
  agreementsJobId: string;
}

export function phaseOf(publication: Publication, now: Date): PublicationPhase {
  if (publication.supersededAt) return 'superseded';
  return now.getTime() < publication.endsAt.getTime() ? 'in-period' : 'ended';
}

export function toPublicationNotice(
  publication: Publication,
  competition: Pick<Competition, 'title'> & { rules: Pick<CompetitionRules, 'categories'> },
  run: Pick<RankingRun, 'rulesVersion' | 'inputHash' | 'inputs'> | null,
  rows: readonly NoticeRow[],
  openObjections: number,
  now: Date,
  texts: NoticeTexts | undefined,
): PublicationNoticeDto {
  const categories = new Map(competition.rules.categories.map((c) => [c.key, c]));
  const funded = rows.filter((r) => r.grantFen > 0);
  return {
    id: publication.id,
    competitionId: publication.competitionId,
    competitionTitle: competition.title,
    runId: publication.runId,
    rulesVersion: run?.rulesVersion ?? null,
    inputHash: run?.inputHash ?? null,
    startsAt: publication.startsAt.toISOString(),
    endsAt: publication.endsAt.toISOString(),
    supersededAt: publication.supersededAt?.toISOString() ?? null,
    phase: phaseOf(publication, now),
    openObjections,
    fundedCount: funded.length,
    totalGrantFen: funded.reduce((sum, r) => sum + r.grantFen, 0),
    noticeHeader: texts?.header ?? null,
    noticeClosing: texts?.closing ?? null,
    ...componentsOfRun(run?.inputs),
    results: rows.map((r) => ({
      position: r.position,
      displayRank: r.displayRank,
      score: r.score,
      submissionId: r.submissionId,
      projectTitle: r.projectTitle,
      category: r.category,
      categoryZh: categories.get(r.category)?.labelZh ?? r.category,
      categoryEn: categories.get(r.category)?.labelEn ?? r.category,
      organizationName: r.organizationName,
      community: r.community,
      status: r.status,
      grantFen: r.grantFen,
      reason: r.reason,
      reasonZh: REASON_LABELS[r.reason as BundleReason]?.zh ?? r.reason,
      reasonEn: REASON_LABELS[r.reason as BundleReason]?.en ?? r.reason,
      ...rowComponentsOf(r.breakdown),
    })),
  };
}
