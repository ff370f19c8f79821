import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator';
import { matchesEtag } from '../common/etag';
import { PAGE_VOCABULARY, VocabularySource, renderVocabulary } from './vocabulary-source';

@ApiTags('pages 页面')
@Public()
@Controller()
export class VocabularyController {
  /** Rendered once at startup: the tables are constants of this build. */
  private readonly vocabulary: VocabularySource = renderVocabulary(PAGE_VOCABULARY);

  @Get('vocabulary.js')
  @ApiProduces('text/javascript')
  @ApiOperation({
    summary: '页面共用的词汇（ES 模块）/ the vocabulary the pages share (an ES module)',
    description:
      '由 libs/domain 生成：各状态的中英文名称、路演实时事件类型、评分小数位数。页面以 `import … from "/vocabulary.js"` 引用；' +
      '带 ETag，可缓存，每次使用前重新验证。\n\n' +
      'Generated from libs/domain: the Chinese and English names of every state, the live event types and the ' +
      'decimals of a mark. The pages `import … from "/vocabulary.js"`; cacheable with an ETag, revalidated before use.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: '上次收到的 ETag / the ETag received before' })
  @ApiOkResponse({
    description: 'ES 模块 / the ES module',
    content: {
      'text/javascript': {
        schema: { type: 'string' },
        example:
          'export const SLOT_STATE_LABELS = {"waiting":{"zh":"等待上台","en":"Waiting"},…};\n' +
          'export const LiveEventType = {"OrderDrawn":"order.drawn",…};\nexport const MARK_DECIMALS = 2;\n',
      },
    },
  })
  @ApiResponse({ status: 304, description: '未变化 / unchanged since the ETag sent in If-None-Match' })
  module(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .header('ETag', this.vocabulary.etag);
    if (matchesEtag(ifNoneMatch, this.vocabulary.etag)) {
      reply.status(HttpStatus.NOT_MODIFIED);
      return '';
    }
    return this.vocabulary.text;
  }
}
