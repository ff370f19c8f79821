import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IntField, Optional } from './input.decorators';

export const DEFAULT_PAGE_SIZE = 20;

/** `?page=2&pageSize=50`: 1-based pages, at most 100 rows each. */
export class PageQueryDto {
  @ApiPropertyOptional({ example: 1, minimum: 1, default: 1 })
  @Optional()
  @Type(() => Number)
  @IntField(1, 100_000)
  page?: number;

  @ApiPropertyOptional({ example: DEFAULT_PAGE_SIZE, minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE })
  @Optional()
  @Type(() => Number)
  @IntField(1, 100)
  pageSize?: number;
}

export interface Page {
  readonly page: number;
  readonly pageSize: number;
  readonly skip: number;
}

export function pageOf(query: PageQueryDto): Page {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize };
}
