import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GrantsErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, refusalExample } from '../common/api-error.decorator';
import { ApiCsv } from '../common/api-csv.decorator';
import { attachmentFile } from '../common/file-response';
import { IdParamDto } from '../common/id-param.dto';
import {
  CompleteGrantDto,
  GrantDetailDto,
  GrantPageDto,
  GrantQueryDto,
  GrantReasonDto,
  RecordRefundReturnDto,
  RefundDto,
  TerminateGrantDto,
} from './dto/grant.dto';
import { PayeeDto } from './dto/ledger-fields.dto';
import { GrantsService } from './grants.service';
import { PaymentDocumentsService } from './payment-documents.service';

const GRANT_NOT_FOUND = refusalExample(GrantsErrors.grantNotFound());

@ApiTags('grants 资助管理')
@Controller()
export class GrantsController {
  constructor(
    private readonly grants: GrantsService,
    private readonly documents: PaymentDocumentsService,
  ) {}

  @Post('agreements/:id/grant')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '确认签约并建立资助 / accept the signed agreement and start the grant',
    description:
      '资助方确认获资助单位上传的中文协议书签字扫描件：按规则建立各期拨付（末期含尾差）、协议预算（含配套资金），' +
      '签约即拨付的一期变为可拨付；首个资助使大赛进入「项目执行中」。审计：agreement.accept、grant.create、tranche.eligible。\n\n' +
      'The office accepts the signed scan of the Chinese agreement: the tranches of the rules (the remainder fen on the ' +
      'last), the agreement’s budget with matching funds, the on-signing tranche eligible. The first grant moves the ' +
      'competition to in-progress. Audited as agreement.accept, grant.create, tranche.eligible.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, {
    status: 201,
    forbidden: 'only the grants office',
    notFound: 'no such agreement, or void',
  })
  @ApiError(
    409,
    'not signed yet, not the Chinese text, or already accepted',
    refusalExample(GrantsErrors.agreementNotSigned()),
  )
  create(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<GrantDetailDto> {
    return this.grants.createFromAgreement(actor, params.id);
  }

  @Get('grants')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '资助台账 / the grants ledger',
    description:
      '按协议编号排列：资助金额、已拨付、待退款、下一期及其条件。获资助单位只看到本单位的资助。\n\n' +
      'In agreement-number order: grant, paid, refund due, the next tranche and its condition. A grantee sees its own only.',
  })
  @ApiResponse({ status: 200, type: GrantPageDto })
  @ApiCallerErrors()
  list(@CurrentActor() actor: Actor, @Query() query: GrantQueryDto): Promise<GrantPageDto> {
    return this.grants.list(actor, query);
  }

  @Get('grants/:id')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '资助详情 / one grant',
    description:
      '各期拨付及条件、现行预算与实际支出、预算版本、应交报告及逾期天数、退款。\n\n' +
      'Tranches with their conditions, the current budget with actual spending, its versions, the reports due with ' +
      'days late, refunds. Another organization’s grant answers 404.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, { notFound: 'no such grant, or not yours', notFoundExample: GRANT_NOT_FOUND })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<GrantDetailDto> {
    return this.grants.get(actor, params.id);
  }

  @Put('grants/:id/payee')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '填写收款账户 / enter the bank account',
    description:
      '获资助单位填写（或资助方代填）收款账户；每次审批拨付时锁定当时的账户。审计：grant.payee。\n\n' +
      'The grantee (or the office for it) enters the account; each approval fixes the account it pays. Audited as grant.payee.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, { notFound: 'no such grant, or not yours', notFoundExample: GRANT_NOT_FOUND })
  @ApiError(409, 'the grant is closed')
  setPayee(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: PayeeDto): Promise<GrantDetailDto> {
    return this.grants.setPayee(actor, params.id, dto);
  }

  @Post('grants/:id/suspend')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '暂停拨付 / suspend payments',
    description: 'No tranche is approved or paid until resumed. Audited as grant.suspend.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, { forbidden: 'only the grants office', notFoundExample: GRANT_NOT_FOUND })
  @ApiError(409, 'not active')
  suspend(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: GrantReasonDto,
  ): Promise<GrantDetailDto> {
    return this.grants.suspend(actor, params.id, dto.reason);
  }

  @Post('grants/:id/resume')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '恢复拨付 / resume payments', description: 'Audited as grant.resume.' })
  @ApiAnswerOrNotFound(GrantDetailDto, { forbidden: 'only the grants office', notFoundExample: GRANT_NOT_FOUND })
  @ApiError(409, 'not suspended')
  resume(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: GrantReasonDto,
  ): Promise<GrantDetailDto> {
    return this.grants.resume(actor, params.id, dto.reason);
  }

  @Post('grants/:id/complete')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '结项 / complete the grant',
    description: 'Every tranche paid, withheld or cancelled and every refund returned. Audited as grant.complete.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, { forbidden: 'only the grants office', notFoundExample: GRANT_NOT_FOUND })
  @ApiError(409, 'tranches or refunds not settled', refusalExample(GrantsErrors.grantNotSettled(1, 0)))
  complete(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: CompleteGrantDto,
  ): Promise<GrantDetailDto> {
    return this.grants.complete(actor, params.id, dto);
  }

  @Post('grants/:id/terminate')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '终止资助 / terminate the grant',
    description:
      '未拨付的各期取消；已拨付超出已通过报告支出的部分（违约时为全部已拨付资金）开立退款，按规则天数内退回。' +
      '审计：grant.terminate、tranche.cancel、refund.open。\n\n' +
      'Unpaid tranches are cancelled; what was paid beyond the grant spending of accepted reports (on a breach, ' +
      'everything paid) becomes a refund due within the rules’ days. Audited as grant.terminate, tranche.cancel, refund.open.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, { forbidden: 'only the grants office', notFoundExample: GRANT_NOT_FOUND })
  @ApiError(409, 'already completed or terminated')
  terminate(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: TerminateGrantDto,
  ): Promise<GrantDetailDto> {
    return this.grants.terminate(actor, params.id, dto);
  }

  @Post('refunds/:id/return')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '登记退款已退回 / record a refund as returned',
    description: 'With the receipt’s number and the day the money came back. Audited as refund.return.',
  })
  @ApiResponse({ status: 200, type: RefundDto })
  @ApiError(400, 'a date before the refund notice or in the future')
  @ApiError(401)
  @ApiError(403, 'only the grants office')
  @ApiError(404)
  @ApiError(409, 'already returned')
  recordReturn(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: RecordRefundReturnDto,
  ): Promise<RefundDto> {
    return this.grants.recordRefundReturn(actor, params.id, dto);
  }

  @Get('direct-purchases/payments.csv')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '小额直接购买拨付台账导出 / the finance export of direct purchases',
    description:
      '与大赛的拨付台账同样的列，列出本街道全部小额直接购买的资助项目的各期拨付。\n\n' +
      'The same columns as a competition’s export, for every direct purchase of the office. Audited as payments.export.',
  })
  @ApiCsv()
  @ApiCallerErrors('only the grants office')
  async directPayments(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    return attachmentFile(await this.documents.directPaymentsExport(actor));
  }

  @Get('competitions/:id/payments.csv')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '拨付台账导出 / the finance export',
    description:
      'UTF-8 带 BOM：协议编号、收款单位、银行账户（按填写）、期次、金额（小写和大写）、凭证号、日期。\n\n' +
      'UTF-8 with BOM, one row per tranche: agreement number, payee, bank details as entered, tranche, amount in ' +
      'figures and 大写, voucher, dates. Audited as payments.export.',
  })
  @ApiCsv()
  @ApiCallerErrors('only the grants office')
  @ApiError(404)
  async payments(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<StreamableFile> {
    return attachmentFile(await this.documents.paymentsExport(actor, params.id));
  }
}
