import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsUUID } from 'class-validator';
import { TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';
import { ObjectionRow } from '../objections.repository';

export const OBJECTION_TEXT_MAX = 2000;

export class CreateObjectionDto {
  @ApiProperty({ format: 'uuid', description: 'a project of your organization in this competition' })
  @Label('申报项目编号', 'project ID')
  @IsDefined()
  @IsUUID()
  submissionId: string;

  @ApiProperty({
    example: '我单位项目路演得分 86.5 分，公示名单为 84.5 分，请核对第 3 号评委的评分记录。',
    maxLength: OBJECTION_TEXT_MAX,
  })
  @Label('异议理由', 'grounds of the objection')
  @TextField({ max: OBJECTION_TEXT_MAX, multiline: true })
  reason: string;
}

export class AnswerObjectionDto {
  @ApiProperty({
    enum: ['upheld', 'rejected'],
    description: 'upheld: the notice is withdrawn and a new ranking run starts; rejected: the result stands',
  })
  @Label('答复结论', 'decision')
  @IsDefined()
  @IsIn(['upheld', 'rejected'])
  decision: 'upheld' | 'rejected';

  @ApiProperty({
    example: '经核查，第 3 号评委评分录入无误，去掉最高分和最低分后平均分为 84.50 分，维持原结果。',
    maxLength: OBJECTION_TEXT_MAX,
  })
  @Label('答复内容', 'answer')
  @TextField({ max: OBJECTION_TEXT_MAX, multiline: true })
  answer: string;
}

export class ObjectionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  publicationId: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: '请核对第 3 号评委的评分记录。' })
  reason: string;

  @ApiProperty({ enum: ['open', 'upheld', 'rejected'], example: 'open' })
  status: 'open' | 'upheld' | 'rejected';

  @ApiProperty({ nullable: true, type: String, example: '经核查评分录入无误，维持原结果。' })
  answer: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-04-03T02:00:00.000Z' })
  answeredAt: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the ranking run started because it was upheld',
  })
  newRunId: string | null;

  @ApiProperty({ example: '2026-04-02T08:30:00.000Z', format: 'date-time' })
  createdAt: string;
}

/** Oldest first. */
export class ObjectionPageDto extends PageOf(ObjectionResponseDto) {}

export function toObjectionResponse(row: ObjectionRow): ObjectionResponseDto {
  const { objection } = row;
  return {
    id: objection.id,
    publicationId: objection.publicationId,
    submissionId: objection.submissionId,
    projectTitle: row.projectTitle,
    reason: objection.reason,
    status: objection.status,
    answer: objection.answer,
    answeredAt: objection.answeredAt?.toISOString() ?? null,
    newRunId: objection.newRunId,
    createdAt: objection.createdAt.toISOString(),
  };
}
