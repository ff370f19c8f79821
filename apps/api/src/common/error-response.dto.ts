import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'budgetLines.0.amountFen' })
  field: string;

  @ApiProperty({ example: 'budgetLines.0.amountFen 不能小于 0' })
  message_zh: string;

  @ApiProperty({ example: 'budgetLines.0.amountFen must not be less than 0' })
  message_en: string;
}

/** The body of every refusal: a stable code for programs, a message in both languages for people. */
export class ErrorResponseDto {
  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description: '拒绝的类别，决定 HTTP 状态 / the kind of refusal; decides the HTTP status',
  })
  code: string;

  @ApiProperty({
    example: 'SLOT_LOCKED',
    description:
      '具体原因，程序据此处理 / what happened, for programs to decide by (equals code when nothing more specific applies)',
  })
  reason: string;

  @ApiProperty({ example: 'budgetLines.0.amountFen 不能小于 0' })
  message_zh: string;

  @ApiProperty({ example: 'budgetLines.0.amountFen must not be less than 0' })
  message_en: string;

  @ApiPropertyOptional({ example: 'budgetLines.0.amountFen' })
  field?: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto], description: 'every problem found, when there are several' })
  details?: ErrorDetailDto[];
}
