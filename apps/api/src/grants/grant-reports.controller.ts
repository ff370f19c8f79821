import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GrantsErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, refusalExample } from '../common/api-error.decorator';
import { ApiFileUpload } from '../common/api-file-upload.decorator';
import { UPLOAD_MAX_MIB } from '../common/file-upload';
import { ApiDownload } from '../common/content-disposition';
import { storedFile } from '../common/file-response';
import { SCAN_CONTENT_TYPES } from '../agreements/scan-file-type';
import { IdParamDto } from '../common/id-param.dto';
import { readAttachmentUpload } from './attachment-upload';
import {
  AcceptReportDto,
  AttachmentDto,
  CreateReportDto,
  ReportDto,
  ReportPageDto,
  ReportQueryDto,
  ReturnReportDto,
  UpdateReportDto,
} from './dto/report.dto';
import { GrantReportsService } from './grant-reports.service';

const REPORT_NOT_FOUND = refusalExample(GrantsErrors.reportNotFound());

@ApiTags('grants 资助管理')
@Controller()
export class GrantReportsController {
  constructor(private readonly reports: GrantReportsService) {}

  @Post('grants/:id/reports')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '开始写报告 / start a report',
    description:
      '月度报告写明月份（自该月 1 日起可写）；中期和结项报告不写月份。建立草稿，支出按现行预算逐项列出。审计：report.create。\n\n' +
      'A monthly report names its month (open from the 1st of it); mid-term and final reports name none. Starts a ' +
      'draft with one spending entry per line of the current budget. Audited as report.create.',
  })
  @ApiResponse({ status: 201, type: ReportDto })
  @ApiError(400, 'a kind the rules do not call for, or a month outside the period')
  @ApiError(401)
  @ApiError(403, 'only the grantee')
  @ApiError(404, 'no such grant, or not yours')
  @ApiError(409, 'not open yet, already started, or the grant is closed')
  create(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: CreateReportDto): Promise<ReportDto> {
    return this.reports.create(actor, params.id, dto);
  }

  @Get('reports')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '报告列表 / reports',
    description:
      'state=submitted 为资助方待审核队列（先交先审）；获资助单位只看到本单位的报告。\n\n' +
      'state=submitted is the office’s review queue, first come first served; a grantee sees its own only.',
  })
  @ApiResponse({ status: 200, type: ReportPageDto })
  @ApiCallerErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ReportPageDto> {
    return this.reports.list(actor, query);
  }

  @Get('reports/:id')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({ summary: '查看报告 / one report', description: 'With its attachments and its review.' })
  @ApiAnswerOrNotFound(ReportDto, { notFound: 'no such report, or not yours', notFoundExample: REPORT_NOT_FOUND })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<ReportDto> {
    return this.reports.get(actor, params.id);
  }

  @Patch('reports/:id')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '保存报告草稿 / save the draft',
    description: 'Drafts and returned reports only; each field sent replaces the stored one. Audited as report.update.',
  })
  @ApiAnswerOrNotFound(ReportDto, { forbidden: 'only the grantee', notFoundExample: REPORT_NOT_FOUND })
  @ApiError(409, 'submitted or accepted, or changed since read')
  update(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: UpdateReportDto): Promise<ReportDto> {
    return this.reports.update(actor, params.id, dto);
  }

  @Post('reports/:id/submit')
  @Allow(Role.Applicant)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '提交报告 / submit the report',
    description:
      '进展情况须填写，活动日期在执行期内，支出覆盖预算各科目。逾期天数按首次提交计。审计：report.submit。\n\n' +
      'Needs the narrative, activities dated within the period and spending for every budget line. Days late count ' +
      'from the first submission. Audited as report.submit.',
  })
  @ApiResponse({ status: 200, type: ReportDto })
  @ApiError(400, 'incomplete')
  @ApiError(401)
  @ApiError(403, 'only the grantee')
  @ApiError(404, undefined, REPORT_NOT_FOUND)
  @ApiError(409, 'already submitted or accepted, or the grant is closed')
  submit(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<ReportDto> {
    return this.reports.submit(actor, params.id);
  }

  @Post('reports/:id/return')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '退回修改 / return for changes',
    description:
      'With the office’s comments, which the grantee answers by changing and resubmitting. Audited as report.return.',
  })
  @ApiAnswerOrNotFound(ReportDto, { forbidden: 'only the grants office', notFoundExample: REPORT_NOT_FOUND })
  @ApiError(409, 'not submitted')
  returnForChanges(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: ReturnReportDto,
  ): Promise<ReportDto> {
    return this.reports.returnForChanges(actor, params.id, dto.comments);
  }

  @Post('reports/:id/accept')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '审核通过 / accept the report',
    description:
      '支出计入台账；以该报告通过为条件的一期变为可拨付。审计：report.accept、tranche.eligible。\n\n' +
      'Its spending counts in the ledger; a tranche waiting for this kind of report becomes eligible. Audited as ' +
      'report.accept and tranche.eligible.',
  })
  @ApiAnswerOrNotFound(ReportDto, { forbidden: 'only the grants office', notFoundExample: REPORT_NOT_FOUND })
  @ApiError(409, 'not submitted')
  accept(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: AcceptReportDto): Promise<ReportDto> {
    return this.reports.accept(actor, params.id, dto.comments);
  }

  @Post('reports/:id/attachments')
  @Allow(Role.Applicant)
  @ApiFileUpload(`PDF, JPEG or PNG, at most ${UPLOAD_MAX_MIB} MiB`)
  @ApiOperation({
    summary: '上传附件 / attach a file',
    description:
      '照片、签到表、票据：PDF、JPEG 或 PNG（按文件内容判断），不超过 10 MiB，连同 sha256 保存；每份报告最多 20 个。审计：report.attachment.add。\n\n' +
      'Photos, sign-in sheets, receipts: PDF, JPEG or PNG judged by content, at most 10 MiB, kept with their sha256; ' +
      'at most 20 per report. Audited as report.attachment.add.',
  })
  @ApiResponse({ status: 201, type: AttachmentDto })
  @ApiError(
    400,
    'no file, or not a PDF/JPEG/PNG (the message names the file)',
    refusalExample(GrantsErrors.attachmentType('签到表.docx')),
  )
  @ApiError(401)
  @ApiError(403, 'only the grantee')
  @ApiError(404, undefined, REPORT_NOT_FOUND)
  @ApiError(409, 'submitted or accepted, or 20 attachments already')
  @ApiError(413, 'larger than 10 MiB')
  async attach(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentDto> {
    return this.reports.attach(actor, params.id, await readAttachmentUpload(request));
  }

  @Get('attachments/:id')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '下载附件 / download an attachment',
    description: 'Audited; x-content-sha256 carries its hash.',
  })
  @ApiDownload('the file as uploaded', SCAN_CONTENT_TYPES)
  @ApiCallerErrors()
  @ApiError(404)
  async download(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return storedFile(await this.reports.attachment(actor, params.id), reply);
  }

  @Delete('attachments/:id')
  @Allow(Role.Applicant)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '删除附件 / remove an attachment',
    description: 'While the report is a draft or returned. Audited as report.attachment.remove.',
  })
  @ApiResponse({ status: 204 })
  @ApiCallerErrors('only the grantee')
  @ApiError(404)
  @ApiError(409, 'the report is submitted or accepted')
  detach(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    return this.reports.detach(actor, params.id);
  }
}
