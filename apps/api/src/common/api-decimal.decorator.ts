import { ApiProperty } from '@nestjs/swagger';

/** Exact decimals travel as text, so no float ever rounds a mark, a weight or a score. */
export const DECIMAL_TEXT = '^\\d+(\\.\\d+)?$';
export const SIGNED_DECIMAL_TEXT = '^-?\\d+(\\.\\d+)?$';

/** A decimal sent as a string (e.g. "87.35"); `signed` allows a leading minus. */
export function ApiDecimal(options: {
  readonly example: string | null;
  readonly description?: string;
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly signed?: boolean;
}): PropertyDecorator {
  const meaning = '十进制数字文本 / decimal as text';
  return ApiProperty({
    type: String,
    example: options.example,
    required: options.required,
    nullable: options.nullable,
    pattern: options.signed ? SIGNED_DECIMAL_TEXT : DECIMAL_TEXT,
    description: options.description ? `${options.description} (${meaning})` : meaning,
  });
}

/** An exact value that may not terminate: a decimal, or "numerator/denominator" when it repeats. */
export const EXACT_TEXT = '^\\d+(\\.\\d+|/\\d+)?$';

export function ApiExact(options: { readonly example: string; readonly description?: string }): PropertyDecorator {
  const meaning =
    '精确值：小数，或循环时的「分子/分母」 / exact: a decimal, or "numerator/denominator" when it repeats';
  return ApiProperty({
    type: String,
    example: options.example,
    pattern: EXACT_TEXT,
    description: options.description ? `${options.description} (${meaning})` : meaning,
  });
}
