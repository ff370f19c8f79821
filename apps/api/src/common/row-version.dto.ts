import { ApiProperty } from '@nestjs/swagger';

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
