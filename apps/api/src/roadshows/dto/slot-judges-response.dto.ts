import { ApiProperty } from '@nestjs/swagger';
import { JudgeGroup } from '@app/domain';
import { PageOf } from '../../common/page-query.dto';

export type SlotJudgeStatus = 'submitted' | 'waiting' | 'recused';

export class SlotJudgeDto {
  @ApiProperty({ format: 'uuid' })
  judgeId: string;

  @ApiProperty({ example: '陈卫东' })
  name: string;

  @ApiProperty({ enum: JudgeGroup, example: JudgeGroup.Expert })
  group: JudgeGroup;

  @ApiProperty({
    enum: ['submitted', 'waiting', 'recused'],
    example: 'submitted',
    description: '已提交 · 未提交 · 回避 / has a saved score, has not, recused from this project',
  })
  status: SlotJudgeStatus;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '最近保存时间 / last saved' })
  savedAt: string | null;
}

/**
 * Who has scored the slot, judges in the order they were added: names and status only, never a
 * value before the lock.
 */
export class SlotJudgesResponseDto extends PageOf(SlotJudgeDto) {
  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 3 })
  position: number;
}
