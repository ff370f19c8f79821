import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class CompetitionIdParams {
  @ApiProperty({ format: 'uuid', example: '5f0c2a8e-3d7b-4c1e-9a57-2b1f0e6d4c3a' })
  @Label('大赛编号', 'competition ID')
  @IsUUID()
  id: string;
}

export class RoadshowIdParams {
  @ApiProperty({ format: 'uuid', example: '8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f' })
  @Label('路演编号', 'roadshow ID')
  @IsUUID()
  id: string;
}

export class RoadshowSlotParams {
  @ApiProperty({ format: 'uuid', example: '8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f' })
  @Label('路演编号', 'roadshow ID')
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid', example: 'c41a7b52-9e0d-4f3a-b8c6-7d2e1f0a9b84' })
  @Label('出场位编号', 'slot ID')
  @IsUUID()
  slotId: string;
}

export class RoadshowRecusalParams {
  @ApiProperty({ format: 'uuid', example: '8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f' })
  @Label('路演编号', 'roadshow ID')
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid', example: '3e9f0a1b-2c4d-4e6f-8a0b-1c2d3e4f5a6b' })
  @Label('回避记录编号', 'recusal ID')
  @IsUUID()
  recusalId: string;
}

export class JudgeSlotParams {
  @ApiProperty({ format: 'uuid', example: 'c41a7b52-9e0d-4f3a-b8c6-7d2e1f0a9b84' })
  @Label('出场位编号', 'slot ID')
  @IsUUID()
  slotId: string;
}

export class RoadshowJudgeParams {
  @ApiProperty({ format: 'uuid', example: '8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f' })
  @Label('路演编号', 'roadshow ID')
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid', example: '5b7f2d9e-1c3a-4e8b-9d6f-0a2c4e6b8d1f' })
  @Label('评委编号', 'judge ID')
  @IsUUID()
  judgeId: string;
}
