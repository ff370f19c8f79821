import { ApiProperty } from '@nestjs/swagger';
import { ApiDecimal, DECIMAL_TEXT } from '../../common/api-decimal.decorator';
import { CompetitionRules } from '@app/domain';
import { ScoreRevision } from '@app/persistence';
import { inRubricOrder } from '../score-sheet';

/** What was saved; a retry with the same Idempotency-Key gets exactly this again. */
export class ScoreResponseDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 2,
    description: '第几次保存（修改会递增） / revision, +1 on every change',
  })
  revision: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: DECIMAL_TEXT },
    example: { need: '22.5', design: '21', feasibility: '17.25', participation: '13', sustainability: '12.5' },
    description: '评分项 key → 分数（十进制文本），按细则顺序 / criterion key → mark as decimal text, in rubric order',
  })
  criteria: Record<string, string>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    example: { 'party-leadership': true },
    description: '门槛项 key → 是否通过 / gate key → passed',
  })
  gates: Record<string, boolean>;

  @ApiDecimal({ example: '86.25', description: '本评委的加权总分（精确） / this judge’s weighted total, exact' })
  total: string;

  @ApiProperty({ nullable: true, type: String })
  comment: string | null;

  @ApiProperty({ format: 'date-time' })
  savedAt: string;
}

export function toScoreResponse(
  rules: CompetitionRules,
  stored: { revision: ScoreRevision; slotId: string; submissionId: string },
): ScoreResponseDto {
  const { revision } = stored;
  return {
    slotId: stored.slotId,
    submissionId: stored.submissionId,
    revision: revision.revision,
    criteria: inRubricOrder(rules, revision.criteria),
    gates: inRubricOrder(rules, revision.gates),
    total: revision.total,
    comment: revision.comment,
    savedAt: revision.createdAt.toISOString(),
  };
}
