import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RankingRun, RankingRunStatus } from '@app/persistence';
import { ERROR_REASONS } from '../../common/error-response.dto';
import { PageOf } from '../../common/page-query.dto';

const STATUSES: RankingRunStatus[] = ['queued', 'running', 'succeeded', 'failed'];

/** Why a run failed, in the shape of a refusal. */
export class RunErrorDto {
  @ApiProperty({ example: 'SCORING_INVALID_RANKING', description: '失败的类别 / the kind of failure' })
  code: string;

  @ApiProperty({
    enum: ERROR_REASONS,
    example: 'SCORING_INVALID_RANKING',
    description: '具体原因，程序据此处理 / what happened, for programs to decide by',
  })
  reason: string;

  @ApiProperty({ example: '评分规则或数据无法计算：同分排序规则第 1 项有误，排名规则不成立' })
  message_zh: string;

  @ApiProperty({
    example: 'the rules or data cannot be computed: tie-break 1 is wrong; the ranking rules do not hold together',
  })
  message_en: string;

  @ApiPropertyOptional({ example: 'rules.tieBreaks.0' })
  field?: string;
}

/** One press of "rank and allocate" and where it stands. */
export class RunResponseDto {
  @ApiProperty({ format: 'uuid', example: '3b0f5a8e-2d7c-4e1b-9a6f-8c5d4e3b2a10' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a' })
  competitionId: string;

  @ApiProperty({ enum: STATUSES, example: 'running' })
  status: RankingRunStatus;

  @ApiProperty({
    enum: ['office', 'objection'],
    example: 'office',
    description: '办公室发起或异议成立后重排 / why the run exists',
  })
  trigger: 'office' | 'objection';

  @ApiProperty({
    type: 'integer',
    example: 55,
    minimum: 0,
    maximum: 100,
    description: '进度（百分比）/ progress in percent',
  })
  progress: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    nullable: true,
    description: '使用的规则版本 / the rules version used',
  })
  rulesVersion: number | null;

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    pattern: '^[0-9a-f]{64}$',
    description: '输入的规范 JSON 的 sha256 / sha256 of the canonical JSON of the inputs',
  })
  inputHash: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: null,
    nullable: true,
    description: '资助总额（分）/ total granted, in fen',
  })
  totalFen: number | null;

  @ApiProperty({ type: RunErrorDto, nullable: true, example: null, description: '失败原因 / why it failed' })
  error: RunErrorDto | null;

  @ApiProperty({ example: '2026-05-20T08:00:00.000Z', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: '2026-05-20T08:00:00.120Z', nullable: true, type: String, format: 'date-time' })
  startedAt: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  finishedAt: string | null;
}

/** Newest first. */
export class RunPageDto extends PageOf(RunResponseDto) {}

/**
 * The worker stores the failure as JSON { reason, zh, en, field }; a row written before runs kept
 * their reason gives its code as the reason, and a message that is not JSON is shown as it is.
 */
function errorOf(run: RankingRun): RunErrorDto | null {
  if (run.errorCode === null) return null;
  const text = run.errorMessage ?? '';
  try {
    const parsed = JSON.parse(text) as { reason?: unknown; zh?: unknown; en?: unknown; field?: unknown };
    if (typeof parsed.zh === 'string' && typeof parsed.en === 'string') {
      return {
        code: run.errorCode,
        reason: typeof parsed.reason === 'string' ? parsed.reason : run.errorCode,
        message_zh: parsed.zh,
        message_en: parsed.en,
        ...(typeof parsed.field === 'string' ? { field: parsed.field } : {}),
      };
    }
  } catch {
    // not JSON: fall through
  }
  return { code: run.errorCode, reason: run.errorCode, message_zh: text, message_en: text };
}

export function toRunResponse(run: RankingRun): RunResponseDto {
  return {
    id: run.id,
    competitionId: run.competitionId,
    status: run.status,
    trigger: run.trigger,
    progress: run.progress,
    rulesVersion: run.rulesVersion,
    inputHash: run.inputHash,
    totalFen: run.totalFen,
    error: errorOf(run),
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
