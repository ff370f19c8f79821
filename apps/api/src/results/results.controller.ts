import { Controller, Get, Param, Query, StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, Role } from '@app/domain';
import { Allow, KeyScope } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError } from '../common/api-error.decorator';
import { ApiCsv } from '../common/api-csv.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageWith } from '../common/page-query.dto';
import { ResultBundleDto } from './dto/result-bundle.dto';
import { ResultsResponseDto, StatisticsResponseDto } from './dto/results-response.dto';
import { ResultsService } from './results.service';
import { attachmentFile } from '../common/file-response';

/** What the routes reading one run's result refuse. */
function RunRefusals(): MethodDecorator {
  return applyDecorators(
    ApiError(400),
    ApiError(401),
    ApiError(403, '仅限办公室与管理员 / office and admin only'),
    ApiError(404, '任务不存在 / no such run'),
    ApiError(409, '任务尚未成功完成 / the run has not succeeded'),
  );
}

@ApiTags('results 排名与资金分配')
@Controller()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('competitions/:id/results')
  @KeyScope(ApiKeyScope.ResultsRead)
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '排名与资助结果表 / the ranking and funding table',
    description:
      '办公室：最近一次成功的排名任务的全部项目——名次、社区、项目、得分及构成、并列处理说明、资助金额、状态和原因。' +
      '申报人：公示期间只看到本单位的项目（得分构成不含评委 id）；公示前返回 404。\n\n' +
      'Office: every project of the latest successful run — rank, community, project, score and its breakdown, ' +
      'the tie-break explanation, grant, status and reason. Applicants: only their own projects of the run under ' +
      'public notice (breakdown without judge ids); 404 before the notice starts.',
  })
  @ApiAnswerOrNotFound(ResultsResponseDto, { notFound: '没有结果或尚未公示 / no result, or not yet published' })
  async table(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Query() query: BoundedListQueryDto,
  ): Promise<ResultsResponseDto> {
    return pageWith(await this.results.table(actor, params.id), query);
  }

  @Get('runs/:id/statistics')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '评委一致性与分配统计 / judge agreement and allocation statistics of a run',
  })
  @ApiResponse({ status: 200, type: StatisticsResponseDto })
  @RunRefusals()
  statistics(@Param() params: IdParamDto): Promise<StatisticsResponseDto> {
    return this.results.statistics(params.id);
  }

  @Get('runs/:id/results.csv')
  @KeyScope(ApiKeyScope.ResultsRead)
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '下载结果表 CSV（UTF-8 带 BOM，Excel 可直接打开）/ download the table as CSV (UTF-8 with BOM for Excel)',
    description:
      '表头中文在前；金额单位为元。每次下载记入审计日志。/ Chinese-first header; amounts in yuan. Every download is audited.',
  })
  @ApiCsv({
    description: 'CSV',
    example:
      '\uFEFF名次 / Rank,排序位 / Position,项目编号 / Project ID,社区 / Community,…\r\n1,1,6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d,云秀,云秀社区居民委员会,扶贫帮困为民生·心语家园齐共建,…\r\n',
  })
  @RunRefusals()
  async csv(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<StreamableFile> {
    return attachmentFile(await this.results.csv(actor, params.id));
  }

  @Get('runs/:id/bundle.json')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '下载结果包（全部输入与结果，可复核）/ download the result bundle (every input and the result)',
    description:
      '格式 gongyi-chuangtou/result-bundle 第 1 版：inputs（规则、资金池、项目、评委、评分表、回避）与 result（输入哈希、排名、得分构成、资助、统计）。' +
      '用 `npm run --silent scoring -- verify 文件` 复算核对。每次下载记入审计日志。\n\n' +
      'Format gongyi-chuangtou/result-bundle version 1: inputs (rules, pool, projects, judges, score sheets, recusals) ' +
      'and result (input hash, ranking, breakdowns, grants, statistics). Recompute it with ' +
      '`npm run --silent scoring -- verify FILE`. Every download is audited.',
  })
  @ApiResponse({ status: 200, description: '结果包 / the bundle', type: ResultBundleDto })
  @RunRefusals()
  async bundle(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<StreamableFile> {
    return attachmentFile(await this.results.bundle(actor, params.id));
  }
}
