import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GrantState, GrantsErrors, Role, SupervisionErrors, TerminationProposalState } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnswerRefusals, ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, refusalExample, ApiCallerErrors } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import {
  DecideTerminationDto,
  ProposeTerminationDto,
  TerminationProposalDto,
  TerminationProposalPageDto,
  TerminationProposalQueryDto,
} from './dto/termination-proposal.dto';
import { TerminationProposalsService } from './termination-proposals.service';

const DECIDED = refusalExample(SupervisionErrors.proposalDecided(TerminationProposalState.Confirmed));

/** The office's decision on one proposal: the grants office only, and a proposal that is not there. */
const DECIDE_PROPOSAL: AnswerRefusals = {
  forbidden: 'only the grants office',
  notFoundExample: refusalExample(SupervisionErrors.proposalNotFound()),
};

@ApiTags('supervision 项目监管')
@Controller()
export class TerminationProposalsController {
  constructor(private readonly proposals: TerminationProposalsService) {}

  @Post('grants/:id/termination-proposals')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '提出终止建议 / propose terminating the grant',
    description:
      '依协议书违约条款（虚报冒领、挪用资金、擅自变更、整改不合格）提出；每个资助项目同一时间只有一项待决定的建议，' +
      '已有时返回已有的那一项。审计：termination-proposal.open。\n\n' +
      'On a breach clause of the agreement. A grant has one open proposal at a time: if one is open, it is the ' +
      'answer. Audited as termination-proposal.open.',
  })
  @ApiAnswerOrNotFound(TerminationProposalDto, {
    forbidden: 'only the grants office',
    notFoundExample: refusalExample(GrantsErrors.grantNotFound()),
  })
  @ApiError(
    409,
    'the grant is completed or terminated',
    refusalExample(GrantsErrors.grantClosed(GrantState.Terminated)),
  )
  propose(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: ProposeTerminationDto,
  ): Promise<TerminationProposalDto> {
    return this.proposals.proposeByOffice(actor, params.id, dto.cause, dto.detail);
  }

  @Get('termination-proposals')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '终止建议 / termination proposals',
    description: 'Newest first; state=open is the office’s queue.',
  })
  @ApiResponse({ status: 200, type: TerminationProposalPageDto })
  @ApiCallerErrors('only the grants office and the district')
  list(@Query() query: TerminationProposalQueryDto): Promise<TerminationProposalPageDto> {
    return this.proposals.list(query);
  }

  @Post('termination-proposals/:id/confirm')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '确认终止 / confirm the termination',
    description:
      '按违约终止资助：未拨付的各期取消，已拨付资金全部开立退款，并对该组织记录限制申报（年限按规则，默认 3 年）。' +
      '审计：termination-proposal.confirm、grant.terminate、tranche.cancel、refund.open、sanction.record。\n\n' +
      'Terminates the grant on a breach basis: unpaid tranches cancelled, everything paid due back, and the ' +
      'organization barred for the rules’ years (3 by default). Audited as termination-proposal.confirm, ' +
      'grant.terminate, tranche.cancel, refund.open, sanction.record.',
  })
  @ApiAnswerOrNotFound(TerminationProposalDto, DECIDE_PROPOSAL)
  @ApiError(409, 'already decided, or the grant is already closed', DECIDED)
  confirm(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: DecideTerminationDto,
  ): Promise<TerminationProposalDto> {
    return this.proposals.confirm(actor, params.id, dto.reason);
  }

  @Post('termination-proposals/:id/override')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '不予采纳 / override the proposal',
    description:
      '资助继续执行，理由随建议保存。审计：termination-proposal.override。\n\n' +
      'The grant goes on; the reason is kept with the proposal. Audited as termination-proposal.override.',
  })
  @ApiAnswerOrNotFound(TerminationProposalDto, DECIDE_PROPOSAL)
  @ApiError(409, 'already decided', DECIDED)
  override(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: DecideTerminationDto,
  ): Promise<TerminationProposalDto> {
    return this.proposals.override(actor, params.id, dto.reason);
  }
}
