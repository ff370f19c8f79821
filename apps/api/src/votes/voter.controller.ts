import { Body, Controller, Get, Headers, Ip, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role, VOTE_GUARDS, VoteErrors } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { VoterActor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { VoteRoundParams } from './dto/vote-round.dto';
import {
  CastVoteDto,
  CastVoteResponseDto,
  VoterSessionDto,
  VoterSignInDto,
  VoterSmsRequestDto,
  VoterSmsSentDto,
  VoterViewDto,
} from './dto/voter.dto';
import { SMS_CODE_SECONDS, SMS_RESEND_SECONDS } from './sms-challenges';
import { VOTER_SIGN_IN_LIMITS } from './voter-sign-in-limiter';
import { VotingService } from './voting.service';
import { ApiSmsUnavailable } from './api-sms-unavailable.decorator';

const ROUND_NOT_FOUND = refusalExample(VoteErrors.roundNotFound('id'));

const NOT_A_VOTER = '仅限本场投票的投票人 / voters of this round only';

@ApiTags('voter 居民投票')
@Controller()
export class VoterController {
  constructor(private readonly voting: VotingService) {}

  @Post('voter-sessions/sms')
  @Public()
  @ApiOperation({
    summary: '发送手机验证码 / send an SMS code to a mobile number',
    description:
      `6 位验证码，${SMS_CODE_SECONDS / 60} 分钟内有效；同一号码 ${SMS_RESEND_SECONDS} 秒内只发一次。平台不保存手机号码，` +
      '只保存其加密摘要。\n\n' +
      `A 6-digit code valid for ${SMS_CODE_SECONDS / 60} minutes; one per number per ${SMS_RESEND_SECONDS} seconds. ` +
      'The number is never stored, only its keyed hash.',
  })
  @ApiResponse({ status: 201, type: VoterSmsSentDto })
  @ApiError(400)
  @ApiError(404, 'no such vote round', refusalExample(VoteErrors.roundNotFound('roundId')))
  @ApiError(409, 'the vote does not verify phones, or has closed', refusalExample(VoteErrors.methodNotAccepted()))
  @ApiError(429, 'a code was just sent', refusalExample(VoteErrors.smsTooSoon(SMS_RESEND_SECONDS)))
  @ApiSmsUnavailable(VoteErrors.smsUnavailable())
  @ApiJsonBodyErrors()
  requestSms(@Body() dto: VoterSmsRequestDto): Promise<VoterSmsSentDto> {
    return this.voting.requestSms(dto);
  }

  @Post('voter-sessions')
  @Public()
  @ApiOperation({
    summary: '投票人验证 / verify as a voter',
    description:
      'method=code：社区发放的投票码；method=phone：手机号码、短信验证码与所在社区（须在本次投票之列）。' +
      '返回只对本场投票有效的令牌。输错次数按本场投票、同一地址、同一投票码或号码计算（10 分钟内分别 ' +
      `${VOTER_SIGN_IN_LIMITS.roadshow}、${VOTER_SIGN_IN_LIMITS.address}、${VOTER_SIGN_IN_LIMITS.code} 次），超过则暂停（429）。\n\n` +
      'method=code: the printed voter code; method=phone: the number, the SMS code and the voter’s community (one ' +
      'of the round’s). Returns a token bound to this round. Wrong codes are counted per round, address and code ' +
      `or number (${VOTER_SIGN_IN_LIMITS.roadshow}, ${VOTER_SIGN_IN_LIMITS.address}, ${VOTER_SIGN_IN_LIMITS.code} ` +
      'per 10 minutes); beyond that, that scope is paused (429).',
  })
  @ApiResponse({ status: 201, type: VoterSessionDto })
  @ApiError(400)
  @ApiError(401, 'the code is not valid', refusalExample(VoteErrors.voterCodeInvalid()))
  @ApiError(404, 'no such vote round', refusalExample(VoteErrors.roundNotFound('roundId')))
  @ApiError(409, 'the vote does not accept the method, or has closed', refusalExample(VoteErrors.methodNotAccepted()))
  @ApiError(429, 'too many wrong codes', refusalExample(VoteErrors.voterSignInPaused(new Date(0))))
  @ApiSmsUnavailable(VoteErrors.smsUnavailable())
  @ApiJsonBodyErrors()
  signIn(@Body() dto: VoterSignInDto, @Ip() ip: string): Promise<VoterSessionDto> {
    return this.voting.signIn(dto, ip);
  }

  @Get('voter/rounds/:id')
  @Allow(Role.Voter)
  @ApiOperation({
    summary: '本人还可投的票与已投的项目 / your remaining votes and the projects you voted for',
  })
  @ApiResponse({ status: 200, type: VoterViewDto })
  @ApiError(400)
  @ApiError(401)
  @ApiError(403, NOT_A_VOTER)
  @ApiError(404, 'not your vote round', ROUND_NOT_FOUND)
  view(@CurrentActor() actor: VoterActor, @Param() params: VoteRoundParams): Promise<VoterViewDto> {
    return this.voting.view(actor, params.id);
  }

  @Post('voter/rounds/:id/votes')
  @Allow(Role.Voter)
  @ApiOperation({
    summary: '投票 / cast a vote',
    description:
      '在一个事务中按本场投票的时间与限额检查并记录：同一时刻的重复投票只计一次；时间之外、未通过资格审查的项目、' +
      '超出任何限额都拒绝且不记录。每张票记录时间、投票人化名、地址与设备的加密摘要、验证方式。' +
      `同一投票人每分钟最多 ${VOTE_GUARDS.perVoterPerMinute} 次、同一地址 ${VOTE_GUARDS.perAddressPerMinute} 次、` +
      `同一网段 ${VOTE_GUARDS.perBlockPerMinute} 次，超过则 429；短时间内大量投票的会被标记，待资助方审核，审核前照常计入。\n\n` +
      'Checked against the window and limits and written in one transaction: simultaneous double votes count ' +
      'once; outside the window, a project that did not pass screening, or beyond any limit is refused and ' +
      'nothing is written. Each vote keeps its time, the voter’s pseudonym, keyed hashes of address and device, ' +
      `and the method. Per minute at most ${VOTE_GUARDS.perVoterPerMinute} per voter, ` +
      `${VOTE_GUARDS.perAddressPerMinute} per address, ${VOTE_GUARDS.perBlockPerMinute} per network block (then ` +
      '429); bursts are flagged for the office’s review and count until it decides.',
  })
  @ApiResponse({ status: 201, type: CastVoteResponseDto })
  @ApiError(400)
  @ApiError(401)
  @ApiError(403, NOT_A_VOTER)
  @ApiError(404, 'not your vote round, or no such project in it', refusalExample(VoteErrors.projectNotFound()))
  @ApiError(
    409,
    'outside the window, a screened-out project, or beyond a limit',
    refusalExample(VoteErrors.projectLimitReached(1)),
  )
  @ApiError(429, 'voting too fast', refusalExample(VoteErrors.voterRateLimited('voter', VOTE_GUARDS.windowSeconds)))
  @ApiJsonBodyErrors()
  cast(
    @CurrentActor() actor: VoterActor,
    @Param() params: VoteRoundParams,
    @Body() dto: CastVoteDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<CastVoteResponseDto> {
    return this.voting.cast(actor, params.id, dto, { address: ip, userAgent: userAgent ?? '' });
  }
}
