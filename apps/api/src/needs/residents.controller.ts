import { Body, Controller, Get, Headers, Ip, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NEED_GUARDS, NEED_PHOTO_MAX_MIB, NEED_PHOTO_TYPES, NeedsErrors, Role, VoteErrors } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { ResidentActor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnswerRefusals, ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { ApiFileUpload } from '../common/api-file-upload.decorator';
import { ApiDownload } from '../common/content-disposition';
import { IdParamDto } from '../common/id-param.dto';
import { SMS_RESEND_SECONDS } from '../votes/sms-challenges';
import {
  NeedDto,
  NeedsWallDto,
  NeedsWallSummaryDto,
  PostNeedDto,
  RateNeedDto,
  ResidentSessionDto,
  ResidentSignInDto,
  ResidentSmsRequestDto,
  ResidentSmsSentDto,
  SupportNeedDto,
} from './dto/needs.dto';
import { readNeedPhotoUpload } from './need-photo-upload';
import { sendPhoto } from './need-photo-reply';
import { ResidentsService } from './residents.service';
import { ApiSmsUnavailable } from '../votes/api-sms-unavailable.decorator';

const RESIDENTS = '仅限已验证的居民 / verified residents only';

/** A verified resident's support or rating of one need on a wall, recorded with 201. */
const RESIDENT_ON_NEED: AnswerRefusals = {
  status: 201,
  forbidden: RESIDENTS,
  notFound: 'no such need on a wall',
  notFoundExample: refusalExample(NeedsErrors.needNotFound()),
};

@ApiTags('needs 居民点单')
@Controller()
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Post('resident-sessions/sms')
  @Public()
  @ApiOperation({
    summary: '发送手机验证码 / send an SMS code',
    description:
      '平台不保存手机号码，只保存其加密摘要；同一号码 60 秒内只发一次。\n\n' +
      'The number is never stored, only its keyed hash; one code per number a minute.',
  })
  @ApiResponse({ status: 201, type: ResidentSmsSentDto })
  @ApiError(400)
  @ApiError(429, 'a code was just sent', refusalExample(VoteErrors.smsTooSoon(SMS_RESEND_SECONDS)))
  @ApiSmsUnavailable(NeedsErrors.smsUnavailable())
  @ApiJsonBodyErrors()
  requestSms(@Body() dto: ResidentSmsRequestDto): Promise<ResidentSmsSentDto> {
    return this.residents.requestSms(dto);
  }

  @Post('resident-sessions')
  @Public()
  @ApiOperation({
    summary: '居民验证 / verify as a resident',
    description:
      'method=phone：手机号码与短信验证码，可提需求、附议、评价；method=code：社区需求墙上的社区码，只能在这一社区提需求。\n\n' +
      'method=phone: the number and its SMS code, to post, support and rate; method=code: the code on a ' +
      'community’s needs wall, to post on that wall only.',
  })
  @ApiResponse({ status: 201, type: ResidentSessionDto })
  @ApiError(400)
  @ApiError(401, 'the community code or the SMS code is wrong', refusalExample(NeedsErrors.communityCodeInvalid()))
  @ApiError(404, 'the community has no needs wall', refusalExample(NeedsErrors.wallNotFound()))
  @ApiError(429, 'too many wrong codes', refusalExample(VoteErrors.voterSignInPaused(new Date(0))))
  @ApiSmsUnavailable(NeedsErrors.smsUnavailable())
  @ApiJsonBodyErrors()
  signIn(@Body() dto: ResidentSignInDto, @Ip() ip: string): Promise<ResidentSessionDto> {
    return this.residents.signIn(dto, ip);
  }

  @Get('needs-walls')
  @Public()
  @ApiOperation({ summary: '开通需求墙的社区 / communities with a needs wall' })
  @ApiResponse({ status: 200, type: NeedsWallSummaryDto, isArray: true })
  walls(): Promise<NeedsWallSummaryDto[]> {
    return this.residents.walls();
  }

  @Get('needs-walls/:id')
  @Public()
  @ApiOperation({
    summary: '社区需求墙 / a community’s needs wall',
    description:
      '审核通过的需求及其状态、附议人数，已完成的附满意度。\n\nThe needs the community let through, with state, supports, and the rating once delivered.',
  })
  @ApiResponse({ status: 200, type: NeedsWallDto })
  @ApiError(400)
  @ApiError(404, 'no such wall', refusalExample(NeedsErrors.wallNotFound('id')))
  wall(@Param() params: IdParamDto): Promise<NeedsWallDto> {
    return this.residents.wall(params.id);
  }

  @Post('resident/needs')
  @Allow(Role.Resident)
  @ApiOperation({
    summary: '提出需求或微心愿 / post a need or micro-wish',
    description:
      `社区审核后才上墙。每人每分钟最多 ${NEED_GUARDS.postsPerResidentPerMinute} 条，超过则 429；` +
      '与本社区未回应的需求文字相同的，标记为疑似重复供社区审核。\n\n' +
      '同一居民再次提出自己未获回应的需求则 409。\n\n' +
      `Shown once the community lets it through. At most ${NEED_GUARDS.postsPerResidentPerMinute} a minute per ` +
      'resident (then 429); the same words as an unanswered need of the community are flagged as a possible duplicate ' +
      'of it for the review queue; a resident posting their own unanswered need again is refused (409).',
  })
  @ApiAnswerOrNotFound(NeedDto, {
    status: 201,
    forbidden: RESIDENTS,
    notFound: 'the community has no needs wall',
    notFoundExample: refusalExample(NeedsErrors.wallNotFound()),
  })
  @ApiError(409, 'the resident posted the same need before', refusalExample(NeedsErrors.duplicateOfOwn('…')))
  @ApiError(429, 'posting too fast', refusalExample(NeedsErrors.rateLimited(NEED_GUARDS.windowSeconds)))
  @ApiJsonBodyErrors()
  post(@CurrentActor() actor: ResidentActor, @Body() dto: PostNeedDto, @Ip() ip: string): Promise<NeedDto> {
    return this.residents.post(actor, dto, ip);
  }

  @Get('resident/needs')
  @Allow(Role.Resident)
  @ApiOperation({ summary: '我提出的需求（含未通过的原因） / my needs, with the reason of a refusal' })
  @ApiResponse({ status: 200, type: NeedDto, isArray: true })
  @ApiCallerErrors(RESIDENTS)
  mine(@CurrentActor() actor: ResidentActor): Promise<NeedDto[]> {
    return this.residents.mine(actor);
  }

  @Post('resident/needs/:id/supports')
  @Allow(Role.Resident)
  @ApiOperation({
    summary: '附议 / support a need',
    description:
      '每位手机验证的居民对一条需求只能附议一次。同一网络、同一部手机或同一条需求短时间内的集中附议照常计入，但标记后进入社区的审核队列，作废后不再计入。\n\n' +
      'One support per phone-verified resident and need. Bursts from one address, one phone or onto one need count, ' +
      'flagged for the community’s review queue; a voided support stops counting.',
  })
  @ApiAnswerOrNotFound(NeedDto, RESIDENT_ON_NEED)
  @ApiError(409, 'already supported, or delivered', refusalExample(NeedsErrors.alreadySupported()))
  @ApiError(429, 'too many from one address', refusalExample(NeedsErrors.rateLimited(NEED_GUARDS.windowSeconds)))
  @ApiJsonBodyErrors()
  support(
    @CurrentActor() actor: ResidentActor,
    @Param() params: IdParamDto,
    @Body() dto: SupportNeedDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<NeedDto> {
    return this.residents.support(actor, params.id, dto, { address: ip, userAgent: userAgent ?? '' });
  }

  @Post('resident/needs/:id/photo')
  @Allow(Role.Resident)
  @ApiFileUpload(`JPEG or PNG, at most ${NEED_PHOTO_MAX_MIB} MiB`)
  @ApiOperation({
    summary: '为需求附一张照片 / add a photo to a need',
    description:
      `提出者在社区审核前可附一张照片（再传则替换）：JPEG 或 PNG（按文件内容判断），不超过 ${NEED_PHOTO_MAX_MIB} MiB。` +
      '社区审核时可见，通过后才在需求墙上公开。需求墙页面在手机上重新编码照片，去掉其中的拍摄位置。审计：need.photo.add。\n\n' +
      `The poster adds one photo before the community moderates the need (again replaces it): JPEG or PNG judged by ` +
      `content, at most ${NEED_PHOTO_MAX_MIB} MiB. The community sees it when moderating; the wall shows it only once ` +
      'the need is let through. The wall page re-encodes the picture on the phone, dropping its location. Audited as need.photo.add.',
  })
  @ApiResponse({ status: 201, type: NeedDto })
  @ApiError(
    400,
    'no file, or not a JPEG/PNG (the message names the file)',
    refusalExample(NeedsErrors.photoType('IMG_0001.HEIC')),
  )
  @ApiCallerErrors(RESIDENTS)
  @ApiError(404, 'not the resident’s need', refusalExample(NeedsErrors.needNotFound()))
  @ApiError(409, 'already moderated', refusalExample(NeedsErrors.photoNotPending()))
  @ApiError(413, `larger than ${NEED_PHOTO_MAX_MIB} MiB`, refusalExample(NeedsErrors.photoTooLarge(NEED_PHOTO_MAX_MIB)))
  async addPhoto(
    @CurrentActor() actor: ResidentActor,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<NeedDto> {
    return this.residents.addPhoto(actor, params.id, await readNeedPhotoUpload(request));
  }

  @Get('needs-walls/needs/:id/photo')
  @Public()
  @ApiOperation({
    summary: '需求墙上的照片 / a photo on a needs wall',
    description: '只有审核通过、在墙上的需求的照片。\n\nOnly the photo of a need the community let through.',
  })
  @ApiDownload('the photo as stored', NEED_PHOTO_TYPES)
  @ApiError(400)
  @ApiError(404, 'no photo on a wall', refusalExample(NeedsErrors.photoNotFound()))
  async photo(@Param() params: IdParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return sendPhoto(reply, await this.residents.publicPhoto(params.id), 'public');
  }

  @Post('resident/needs/:id/rating')
  @Allow(Role.Resident)
  @ApiOperation({
    summary: '评价服务（1–5 星） / rate the delivery (1–5)',
    description:
      '需求完成后，提出或附议过它的居民可以评价；再评一次改为新的分数。\n\nOnce delivered, by those who posted or supported it; rating again replaces the rating.',
  })
  @ApiAnswerOrNotFound(NeedDto, RESIDENT_ON_NEED)
  @ApiError(409, 'not delivered yet', refusalExample(NeedsErrors.notDelivered()))
  @ApiJsonBodyErrors()
  rate(@CurrentActor() actor: ResidentActor, @Param() params: IdParamDto, @Body() dto: RateNeedDto): Promise<NeedDto> {
    return this.residents.rate(actor, params.id, dto);
  }
}
