import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GrantsErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, refusalExample } from '../common/api-error.decorator';
import { ApiDownload } from '../common/content-disposition';
import { attachmentFile } from '../common/file-response';
import { IdParamDto } from '../common/id-param.dto';
import {
  ConditionDecisionDto,
  PayTrancheDto,
  TrancheDto,
  TranchePageDto,
  TrancheQueueQueryDto,
  WithholdTrancheDto,
} from './dto/tranche.dto';
import { PaymentDocumentsService } from './payment-documents.service';
import { TranchesService } from './tranches.service';

const TRANCHE_NOT_FOUND = refusalExample(GrantsErrors.trancheNotFound());

@ApiTags('grants 资助管理')
@Controller('tranches')
export class TranchesController {
  constructor(
    private readonly tranches: TranchesService,
    private readonly documents: PaymentDocumentsService,
  ) {}

  @Get()
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '待拨付队列 / the payment queue',
    description:
      'state=eligible（默认）：条件已满足待审批；state=approved：已审批待付款。\n\n' +
      'eligible (the default): conditions hold, waiting for approval; approved: waiting for the payment.',
  })
  @ApiResponse({ status: 200, type: TranchePageDto })
  @ApiCallerErrors('only the office')
  queue(@Query() query: TrancheQueueQueryDto): Promise<TranchePageDto> {
    return this.tranches.queue(query);
  }

  @Post(':id/condition')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '确认拨付条件已满足 / record that the condition holds',
    description:
      '评估合格、里程碑验收等由资助方判定的条件，写明依据后本期变为可拨付（评估功能上线后由评估结果记录同一事实）。审计：tranche.eligible。\n\n' +
      'For conditions the office decides (a passed evaluation, an accepted milestone), with its reason; the tranche ' +
      'becomes eligible. Audited as tranche.eligible.',
  })
  @ApiAnswerOrNotFound(TrancheDto, { forbidden: 'only the grants office', notFoundExample: TRANCHE_NOT_FOUND })
  @ApiError(409, 'already met, decided by facts, or closed')
  decide(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: ConditionDecisionDto,
  ): Promise<TrancheDto> {
    return this.tranches.decideCondition(actor, params.id, dto.reason);
  }

  @Post(':id/approve')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '审批拨付 / approve the tranche (first signature)',
    description:
      '条件已满足、前期已了结、资助未暂停、已填收款账户；审批锁定收款账户。同一期只能审批一次：并发时一人成功，另一人得到 409。审计：tranche.approve。\n\n' +
      'The condition holds, earlier tranches are settled, the grant is active and the account entered, which the ' +
      'approval fixes. Of two concurrent approvals one succeeds and the other gets 409. Audited as tranche.approve.',
  })
  @ApiAnswerOrNotFound(TrancheDto, { forbidden: 'only the grants office', notFoundExample: TRANCHE_NOT_FOUND })
  @ApiError(
    409,
    'not eligible, out of order, suspended, no account, or already approved',
    refusalExample(GrantsErrors.trancheNotEligible('中期评估合格后', 'after passing the mid-term evaluation')),
  )
  approve(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<TrancheDto> {
    return this.tranches.approve(actor, params.id);
  }

  @Post(':id/pay')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '登记付款 / record the payment (second signature)',
    description:
      '须由审批人以外的账号登记凭证号和付款日期；同一凭证号只能使用一次；同一期只能付款一次。审计：tranche.pay。\n\n' +
      'Recorded by an account other than the approver’s, with the voucher and the payment date; a voucher is used ' +
      'once and a tranche is paid once. Audited as tranche.pay.',
  })
  @ApiResponse({ status: 200, type: TrancheDto })
  @ApiError(400, 'a payment date before the approval or in the future')
  @ApiError(401)
  @ApiError(403, 'the approver may not record the payment', refusalExample(GrantsErrors.sameAccountApproved()))
  @ApiError(404, undefined, TRANCHE_NOT_FOUND)
  @ApiError(
    409,
    'not approved, already paid, or the voucher is used',
    refusalExample(GrantsErrors.voucherAlreadyUsed('记-2027-0712')),
  )
  pay(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: PayTrancheDto): Promise<TrancheDto> {
    return this.tranches.pay(actor, params.id, dto);
  }

  @Post(':id/withhold')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '停止拨付 / withhold the tranche',
    description: 'The tranche will not be paid (a failed evaluation), with the reason. Audited as tranche.withhold.',
  })
  @ApiAnswerOrNotFound(TrancheDto, { forbidden: 'only the grants office', notFoundExample: TRANCHE_NOT_FOUND })
  @ApiError(409, 'already paid or closed')
  withhold(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: WithholdTrancheDto,
  ): Promise<TrancheDto> {
    return this.tranches.withhold(actor, params.id, dto.reason);
  }

  @Get(':id/notice.pdf')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '拨付通知 PDF / the payment notice',
    description:
      '已审批或已付款的一期：金额小写和大写、收款账户、凭证号；与协议书相同的字体。每次下载记入审计日志。\n\n' +
      'For an approved or paid tranche: the amount in figures and 大写, the account, the voucher; the agreements’ ' +
      'fonts. Every download is audited.',
  })
  @ApiDownload('拨付通知 / the payment notice')
  @ApiCallerErrors()
  @ApiError(404, 'no such tranche, or not yours', TRANCHE_NOT_FOUND)
  @ApiError(409, 'not approved yet')
  async notice(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<StreamableFile> {
    return attachmentFile(await this.documents.notice(actor, params.id));
  }
}
