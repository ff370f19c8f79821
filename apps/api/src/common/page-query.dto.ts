import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IntField, Optional } from './input.decorators';
import { Label } from './label.decorator';

interface PageSizes {
  readonly default: number;
  readonly max: number;
}

/** Catalogues that grow without bound (organizations, competitions, submissions): read page by page. */
const CATALOGUE_PAGE_SIZES: PageSizes = { default: 20, max: 100 };

/**
 * Lists that belong to one competition, roadshow or account (runs, results, objections, agreements,
 * slots, judges, API keys): the default page holds a whole city-level competition, so a client that
 * reads one page reads everything.
 */
const BOUNDED_LIST_PAGE_SIZES: PageSizes = { default: 500, max: 1000 };

export interface PageQuery {
  readonly page: number;
  readonly pageSize: number;
}

/** `?page=2&pageSize=50`: 1-based pages; the defaults fill in what the client leaves out. */
function PageQueryOf(sizes: PageSizes): ClassType<PageQuery> {
  class PageQueryBase implements PageQuery {
    @ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      default: 1,
      example: 1,
      description: '页码，从 1 开始 / page number, from 1',
    })
    @Label('页码', 'page number')
    @Optional()
    @Type(() => Number)
    @IntField(1, 100_000)
    page: number = 1;

    @ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      maximum: sizes.max,
      default: sizes.default,
      example: sizes.default,
      description: `每页条数，默认 ${sizes.default}，最多 ${sizes.max} / rows per page, ${sizes.default} unless given, at most ${sizes.max}`,
    })
    @Label('每页条数', 'rows per page')
    @Optional()
    @Type(() => Number)
    @IntField(1, sizes.max)
    pageSize: number = sizes.default;
  }
  return PageQueryBase;
}

export class PageQueryDto extends PageQueryOf(CATALOGUE_PAGE_SIZES) {}

export class BoundedListQueryDto extends PageQueryOf(BOUNDED_LIST_PAGE_SIZES) {}

export interface Page {
  readonly page: number;
  readonly pageSize: number;
  readonly skip: number;
}

export function pageOf(query: PageQuery): Page {
  return { page: query.page, pageSize: query.pageSize, skip: (query.page - 1) * query.pageSize };
}

/** Every list answers this envelope. */
export interface PageResponse<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The envelope of `page`: its items, and `total`, the rows of the whole list. */
export function pageResponse<T>(page: Page, items: T[], total: number): PageResponse<T> {
  return { items, total, page: page.page, pageSize: page.pageSize };
}

/** One page of a list that is already in memory (its length bounded by a competition or roadshow). */
export function pageItems<T>(all: readonly T[], query: PageQuery): PageResponse<T> {
  const page = pageOf(query);
  return pageResponse(page, all.slice(page.skip, page.skip + page.pageSize), all.length);
}

/** A list with fields about the whole of it (e.g. rendering progress), before it is cut into pages. */
export type Unpaged<P extends PageResponse<unknown>> = Omit<P, 'total' | 'page' | 'pageSize'>;

/** One page of such a list: its own fields, and the page of its items. */
export function pageWith<T, P extends PageResponse<T>>(whole: Unpaged<P>, query: PageQuery): P {
  return { ...whole, ...pageItems(whole.items, query) } as P;
}

/**
 * The documented envelope of a list of `item`: name the subclass (`class XPageDto extends
 * PageOf(XResponseDto) {}`), which may add fields about the whole list.
 */
export function PageOf<T>(item: ClassType<T>): ClassType<PageResponse<T>> {
  class PageBase implements PageResponse<T> {
    @ApiProperty({ type: [item], description: '本页的条目 / the rows of this page' })
    items: T[];

    @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: '全部条目数 / rows in the whole list' })
    total: number;

    @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: '页码 / this page’s number' })
    page: number;

    @ApiProperty({ type: 'integer', minimum: 1, example: 20, description: '每页条数 / rows per page' })
    pageSize: number;
  }
  return PageBase;
}
