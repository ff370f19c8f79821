import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, ApiCallerErrors } from '../common/api-error.decorator';
import { ApiFileUpload } from '../common/api-file-upload.decorator';
import { UPLOAD_MAX_MIB } from '../common/file-upload';
import { ApiDownload, attachment } from '../common/content-disposition';
import { storedFile } from '../common/file-response';
import { SCAN_CONTENT_TYPES } from './scan-file-type';
import { IdParamDto } from '../common/id-param.dto';
import { pageWith } from '../common/page-query.dto';
import { AgreementsService } from './agreements.service';
import {
  AgreementListDto,
  AgreementListQueryDto,
  AgreementResponseDto,
  RegenerateResponseDto,
} from './dto/agreement.dto';
import { readSignedScanUpload } from './signed-scan-upload';

@ApiTags('agreements 资助协议书')
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get('competitions/:id/agreements')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '协议书列表与生成进度 / the competition’s agreements and rendering progress',
    description:
      '按协议编号排列：编号、项目、资助金额、状态、sha256；expected / rendered 显示生成进度。\n\n' +
      'In number order: number, project, grant, status and sha256; expected and rendered show the rendering progress.',
  })
  @ApiAnswerOrNotFound(AgreementListDto, { forbidden: 'only the grants office' })
  async list(@Param() params: IdParamDto, @Query() query: AgreementListQueryDto): Promise<AgreementListDto> {
    return pageWith(await this.agreements.list(params.id, query.includeVoid ?? false), query);
  }

  @Get('competitions/:id/agreements.zip')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '打包下载全部协议书 / download every current agreement as one ZIP',
    description:
      '流式输出，文件名为「协议编号-项目名称.pdf」；每份协议书的下载都记入审计日志。\n\n' +
      'Streamed; files are named `<number>-<project title>.pdf`. Every agreement in it is audited as downloaded.',
  })
  @ApiDownload('每份当前协议书一个 PDF / one PDF per current agreement', ['application/zip'])
  @ApiCallerErrors('only the grants office')
  @ApiError(404, 'no such competition, or no agreements yet')
  async archive(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<StreamableFile> {
    const archive = await this.agreements.archive(actor, params.id);
    return new StreamableFile(archive.stream, { type: 'application/zip', disposition: attachment(archive.filename) });
  }

  @Post('competitions/:id/agreements/regenerate')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: '重新生成协议书 / regenerate the agreements',
    description:
      '作废当前版本（已签字的保留），按原编号生成新版本（version + 1）。\n\n' +
      'Voids the current versions (signed ones are kept) and renders new versions under the same numbers.',
  })
  @ApiResponse({ status: 202, type: RegenerateResponseDto })
  @ApiCallerErrors('only the grants office')
  @ApiError(404)
  @ApiError(409, 'the competition is not awarded')
  regenerate(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<RegenerateResponseDto> {
    return this.agreements.regenerate(actor, params.id);
  }

  @Get('agreements/:id')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '协议书信息 / one agreement’s metadata',
    description: 'An applicant sees only its own organization’s current agreement; anything else is 404.',
  })
  @ApiAnswerOrNotFound(AgreementResponseDto)
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<AgreementResponseDto> {
    return this.agreements.get(actor, params.id);
  }

  @Get('agreements/:id/pdf')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '下载协议书 PDF / download one agreement',
    description:
      '资助方可下载任何协议书；获资助单位只能下载本单位的协议书，首次下载后状态变为 downloaded。每次下载都记入审计日志。' +
      '响应头 x-content-sha256 为存储的哈希值。\n\n' +
      'The office downloads any agreement; a winning applicant only its own (the first download marks it downloaded). ' +
      'Every download is audited. The x-content-sha256 header carries the stored hash.',
  })
  @ApiDownload('协议书 PDF / the agreement')
  @ApiCallerErrors()
  @ApiError(404, 'no such agreement, or not yours')
  async pdf(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return storedFile(await this.agreements.download(actor, params.id), reply);
  }

  @Post('agreements/:id/signed-scan')
  @Allow(Role.Applicant)
  @HttpCode(HttpStatus.OK)
  @ApiFileUpload(`PDF, JPEG or PNG, at most ${UPLOAD_MAX_MIB} MiB`)
  @ApiOperation({
    summary: '上传签字盖章扫描件 / upload the signed agreement',
    description:
      '获资助单位上传本单位协议书的签字盖章扫描件（PDF、JPEG 或 PNG，按文件内容校验，不超过 10 MiB），状态变为 signed。\n\n' +
      'The winning applicant uploads the signed and stamped scan of its agreement (PDF, JPEG or PNG, checked by ' +
      'content, at most 10 MiB); the agreement becomes signed.',
  })
  @ApiResponse({ status: 200, type: AgreementResponseDto })
  @ApiError(400, 'no file, or not a PDF/JPEG/PNG')
  @ApiError(401)
  @ApiError(403)
  @ApiError(404, 'no such agreement, or not yours')
  @ApiError(409, 'already signed')
  @ApiError(413, 'larger than 10 MiB')
  @ApiError(415, 'not multipart/form-data')
  async uploadSignedScan(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<AgreementResponseDto> {
    return this.agreements.uploadSignedScan(actor, params.id, await readSignedScanUpload(request));
  }

  @Get('agreements/:id/signed-scan')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({ summary: '下载签字扫描件 / download the signed scan', description: 'Audited like every download.' })
  @ApiDownload('the scan as uploaded', SCAN_CONTENT_TYPES)
  @ApiCallerErrors()
  @ApiError(404)
  async signedScan(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return storedFile(await this.agreements.signedScan(actor, params.id), reply);
  }

  @Get('submissions/:id/agreement')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '项目的当前协议书 / the current agreement of a project',
    description: 'For the winning applicant’s own project (and the office); anything else is 404.',
  })
  @ApiAnswerOrNotFound(AgreementResponseDto)
  forSubmission(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<AgreementResponseDto> {
    return this.agreements.forSubmission(actor, params.id);
  }
}
