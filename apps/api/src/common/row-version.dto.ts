import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntField, Optional } from './input.decorators';
import { Label } from './label.decorator';

/**
 * A row's optimistic-lock version as a response shows it: a writer sends it back, and a write made
 * since is refused rather than overwritten.
 */
export function ApiRowVersion(example: number): PropertyDecorator {
  return ApiProperty({
    type: 'integer',
    minimum: 1,
    example,
    description: 'changes with every write; send it back as expectedVersion',
  });
}

/** The row version a writer read, sent back with an update (see ApiRowVersion). */
export function ExpectedVersion(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, example: 1, description }),
    Label('读取时的版本', 'version read'),
    Optional(),
    IntField(1),
  );
}
