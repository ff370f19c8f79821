import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainErrorCode, REFUSAL_REASONS } from '@app/domain';
import { ScoringErrorCode } from '@app/scoring';

/**
 * Every reason the API can give: each feature's (libs/domain/src/errors, gathered in
 * REFUSAL_REASONS) and the scoring engine's codes, which are reasons of their own.
 */
export const ERROR_REASONS: readonly string[] = [...new Set([...REFUSAL_REASONS, ...Object.values(ScoringErrorCode)])];

/** One problem request validation found. */
export class ErrorDetailDto {
  @ApiProperty({
    example: 'budgetLines.2.amountFen',
    description: '出错的字段（点分路径） / the field, as a dotted path',
  })
  field: string;

  @ApiProperty({ example: '预算明细第 3 项的金额（分）不能小于 1' })
  message_zh: string;

  @ApiProperty({ example: 'amount in fen of budget line 3 must not be less than 1' })
  message_en: string;
}

/** The body of every refusal: a stable code for programs, a message in both languages for people. */
export class ErrorResponseDto {
  @ApiProperty({
    enum: [...Object.values(DomainErrorCode), ...Object.values(ScoringErrorCode)],
    example: 'VALIDATION_FAILED',
    description:
      '拒绝的类别，决定 HTTP 状态；422 时为评分引擎的代码 / the kind of refusal, which decides the HTTP status; ' +
      'for 422 the scoring engine’s code',
  })
  code: string;

  @ApiProperty({
    enum: ERROR_REASONS,
    example: 'SLOT_LOCKED',
    description:
      '具体原因，程序据此处理；没有更具体的原因时等于 code / what happened, for programs to decide by; ' +
      'equals code when nothing more specific applies',
  })
  reason: string;

  @ApiProperty({
    example: '预算明细第 3 项的金额（分）不能小于 1',
    description: '给人看的说明（中文），用人们熟悉的名称指称字段 / for people, Chinese; names fields as people do',
  })
  message_zh: string;

  @ApiProperty({
    example: 'amount in fen of budget line 3 must not be less than 1',
    description: '给人看的说明（英文） / for people, English',
  })
  message_en: string;

  @ApiPropertyOptional({
    example: 'budgetLines.2.amountFen',
    description:
      '出错的字段（点分路径），或请求头、路径参数的名称 / the field at fault as a dotted path, or the header or path ' +
      'parameter at fault',
  })
  field?: string;

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    minItems: 1,
    description:
      '请求校验失败时发现的问题，按字段声明顺序，最多列出前 20 个；第一项与 field、message 相同。 / ' +
      'When request validation failed: the problems found, in the order the fields are declared, the first 20 at ' +
      'most; the first is the one in field and the messages, so a form can mark every bad field at once.',
  })
  details?: ErrorDetailDto[];

  @ApiPropertyOptional({
    example: 99980,
    description:
      '未在 details 中列出的问题数；消息中也写明共有多少个问题 / how many more problems were found than details lists; the messages say the total too',
  })
  detailsOmitted?: number;
}
