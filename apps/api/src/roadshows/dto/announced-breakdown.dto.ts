import { ApiProperty } from '@nestjs/swagger';
import { JudgeGroup } from '@app/domain';
import { ApiDecimal } from '../../common/api-decimal.decorator';
import {
  AggregateBreakdownDto,
  ApiGroupDisplay,
  BreakdownGroupDto,
  BreakdownJudgeDto,
} from '../../results/dto/score-breakdown.dto';

export class AnnouncedJudgeDto extends BreakdownJudgeDto {
  @ApiProperty({ example: '陈卫东' })
  name: string;

  @ApiProperty({ enum: JudgeGroup, example: JudgeGroup.Expert })
  group: JudgeGroup;

  @ApiProperty({ example: false, description: '已回避，不计入 / recused, left out' })
  recused: boolean;
}

export class AnnouncedGroupDto extends BreakdownGroupDto {
  @ApiGroupDisplay()
  display: string;
}

/** Stored with a locked slot: everything needed to explain, and recompute, the announced score. */
export class AnnouncedBreakdownDto extends AggregateBreakdownDto {
  @ApiDecimal({ example: '87.35' })
  announcedScore: string;

  @ApiProperty({ type: [AnnouncedJudgeDto], description: '按席位，含回避者 / in seat order, the recused included' })
  judges: AnnouncedJudgeDto[];

  @ApiProperty({ type: [AnnouncedGroupDto] })
  declare groups: AnnouncedGroupDto[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: [],
    description: '锁定时未提交的评委 / judges who had not submitted at the lock',
  })
  notSubmittedJudgeIds: string[];
}
