import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SlotState } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import { AnnouncedBreakdownDto } from './announced-breakdown.dto';
import { SlotView } from '../roadshow.repository';

export class SlotResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 3,
    description: '出场顺序（从 1 开始） / presentation order, 1-based',
  })
  position: number;

  @ApiProperty({ enum: SlotState, example: SlotState.Scoring })
  state: SlotState;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '分享阅读书香·共享洲边文明' })
  title: string;

  @ApiProperty({ example: 'education' })
  category: string;

  @ApiProperty({ example: '洲边社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '洲边' })
  community: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  pitchStartedAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 420 })
  pitchSeconds: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lockedAt: string | null;

  @ApiDecimal({ nullable: true, example: '87.35', description: '锁定后公布的分数 / announced once locked' })
  announcedScore: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    example: 3,
    description: '计算时使用的规则版本 / rules version used',
  })
  rulesVersion: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 6,
    description: '已提交评分的评委数 / judges who have submitted',
  })
  submittedCount: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 7,
    description: '应评分的评委数（不含回避） / judges due to score (recused excluded)',
  })
  judgeCount: number;

  @ApiPropertyOptional({
    type: AnnouncedBreakdownDto,
    description:
      '锁定后的计算明细：每位评委总分、去掉的最高/最低分、各组均值 / ' +
      'once locked: each judge’s total, the dropped ones, per-group means',
  })
  announcedBreakdown?: unknown;
}

export function toSlotResponse(view: SlotView): SlotResponseDto {
  const { slot } = view;
  return {
    id: slot.id,
    position: slot.position,
    state: slot.state,
    submissionId: slot.submissionId,
    title: view.title,
    category: view.category,
    organizationName: view.organizationName,
    community: view.community,
    pitchStartedAt: slot.pitchStartedAt?.toISOString() ?? null,
    pitchSeconds: slot.pitchSeconds,
    lockedAt: slot.lockedAt?.toISOString() ?? null,
    announcedScore: slot.announcedScore,
    rulesVersion: slot.rulesVersion,
    submittedCount: view.submittedCount,
    judgeCount: view.judgeCount,
    ...(slot.announcedBreakdown ? { announcedBreakdown: slot.announcedBreakdown } : {}),
  };
}
