import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganizationErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, refusalExample } from '../common/api-error.decorator';
import { ApiCsv } from '../common/api-csv.decorator';
import { attachmentFile } from '../common/file-response';
import { IdParamDto } from '../common/id-param.dto';
import { OrganizationHistoryDto } from './dto/organization-history.dto';
import { OrganizationHistoryService } from './organization-history.service';

const NOT_FOUND = refusalExample(OrganizationErrors.notFound());

@ApiTags('organizations 社区与社会组织')
@Controller('organizations')
export class OrganizationHistoryController {
  constructor(private readonly history: OrganizationHistoryService) {}

  @Get(':id/history')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '组织档案 / an organization’s history',
    description:
      '参加过的大赛、申报项目与结果（名次、得分、资助）、资助（金额、已拨付、状态与结果）。资格审查时据此了解申报单位。\n\n' +
      'The competitions it entered, its submissions and their results (rank, score, grant), and its grants ' +
      '(amount, paid, state, outcome): what the office reads about an applicant at screening.',
  })
  @ApiAnswerOrNotFound(OrganizationHistoryDto, { forbidden: 'only the grants office', notFoundExample: NOT_FOUND })
  get(@Param() params: IdParamDto): Promise<OrganizationHistoryDto> {
    return this.history.of(params.id);
  }

  @Get(':id/history.csv')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '导出组织档案 CSV / export an organization’s history as CSV',
    description:
      'UTF-8 带 BOM，表头中文在前，金额单位为元；每个申报项目一行，获资助的附资助情况。每次导出记入审计日志。\n\n' +
      'UTF-8 with BOM, Chinese-first header, amounts in yuan; one row per submission with its grant beside it. ' +
      'Audited as organization-history.export.',
  })
  @ApiCsv({ example: '\uFEFF大赛 / Competition,项目名称 / Project,…\r\n2026年社区微创投,党群心连心·关爱母婴行,…\r\n' })
  @ApiCallerErrors('only the grants office')
  @ApiError(404, undefined, NOT_FOUND)
  async csv(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<StreamableFile> {
    return attachmentFile(await this.history.csv(actor, params.id));
  }
}
