import { ApiProperty } from '@nestjs/swagger';

export class DrawnSlotDto {
  @ApiProperty({ format: 'uuid' })
  slotId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  position: number;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;
}

export class DrawAlgorithmDto {
  @ApiProperty({ example: 'sha256-fisher-yates-v1' })
  name: string;

  @ApiProperty({ description: '算法说明（中文） / the algorithm in Chinese' })
  descriptionZh: string;

  @ApiProperty({ description: 'the algorithm in English' })
  descriptionEn: string;
}

export class DrawResponseDto {
  @ApiProperty({ format: 'uuid' })
  roadshowId: string;

  @ApiProperty({ example: '3f9a0c7e5b2d4e1f8a6c9b0d7e3f1a25' })
  seed: string;

  @ApiProperty({ type: DrawAlgorithmDto })
  algorithm: DrawAlgorithmDto;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: '算法的输入：入围项目 id 升序 / the algorithm’s input: screened-in submission ids, ascending',
  })
  sortedSubmissionIds: string[];

  @ApiProperty({ type: [DrawnSlotDto] })
  slots: DrawnSlotDto[];

  @ApiProperty({ format: 'date-time' })
  drawnAt: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: '本次抽签新增的自动回避数 / automatic recusals added by this draw',
  })
  automaticRecusalsAdded: number;
}
