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

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    description:
      '发现的问题，最多列出前 20 个 / the problems found, the first 20 at most (the first is also in field and the messages)',
  })
  details?: ErrorDetailDto[];

  @ApiPropertyOptional({
    example: 99980,
    description:
      '未在 details 中列出的问题数；消息中也写明共有多少个问题 / how many more problems were found than details lists; the messages say the total too',
  })
  detailsOmitted?: number;
}
