import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class EvaluationRoundParams {
  @ApiProperty({ format: 'uuid', example: '4c2e8a1f-7b3d-4e9a-8f6c-2d1b0a9e8c7f' })
  @Label('评估轮次编号', 'evaluation round ID')
  @IsUUID()
  id: string;
}

export class EvaluatorParams extends EvaluationRoundParams {
  @ApiProperty({ format: 'uuid', example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  @Label('评估人编号', 'evaluator ID')
  @IsUUID()
  evaluatorId: string;
}

export class EvaluationSheetParams extends EvaluatorParams {
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' })
  @Label('资助项目编号', 'grant ID')
  @IsUUID()
  grantId: string;
}

export class EvaluatorGrantParams extends EvaluationRoundParams {
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' })
  @Label('资助项目编号', 'grant ID')
  @IsUUID()
  grantId: string;
}
