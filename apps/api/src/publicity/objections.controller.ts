import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompetitionState, PublicityErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import { AnswerObjectionDto, CreateObjectionDto, ObjectionPageDto, ObjectionResponseDto } from './dto/objection.dto';
import { ObjectionsService } from './objections.service';

@ApiTags('publicity 公示与异议')
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post('publications/:id/objections')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '提出异议 / object to the published result',
    description:
      '申报单位在公示期内可对本单位在该大赛中的项目提出异议（理由必填，最多 2000 字）；同一项目同时只能有一条待答复的异议。\n\n' +
      'During the notice period an applicant may object for its own project in the competition (reason required, ' +
      'at most 2000 characters); one open objection per project at a time.',
  })
  @ApiAnswerOrNotFound(ObjectionResponseDto, {
    status: 201,
    forbidden: 'applicants only',
    notFound: 'no such notice, or not your project',
  })
  @ApiError(
    409,
    'outside the notice period, or an objection is already open',
    refusalExample(
      PublicityErrors.outsideNoticePeriod(
        new Date('2026-04-01T01:00:00Z'),
        new Date('2026-04-08T01:00:00Z'),
        false,
        CompetitionState.Awarded,
      ),
    ),
  )
  @ApiJsonBodyErrors()
  file(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: CreateObjectionDto,
  ): Promise<ObjectionResponseDto> {
    return this.objections.file(actor, params.id, dto);
  }

  @Get('publications/:id/objections')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '异议列表 / objections to a notice',
    description: 'The office sees all of them; an applicant sees its own organization’s, with the answers.',
  })
  @ApiAnswerOrNotFound(ObjectionPageDto)
  async list(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Query() query: BoundedListQueryDto,
  ): Promise<ObjectionPageDto> {
    return pageItems(await this.objections.list(actor, params.id), query);
  }

  @Get('objections/:id')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '查看异议及答复 / one objection and its answer',
    description: 'Another organization’s objection answers 404, exactly like a missing one.',
  })
  @ApiAnswerOrNotFound(ObjectionResponseDto)
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<ObjectionResponseDto> {
    return this.objections.get(actor, params.id);
  }

  @Post('objections/:id/answer')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '答复异议 / answer an objection',
    description:
      '不成立（rejected）：记录答复，结果维持。成立（upheld）：撤回公示，大赛退回「已排名」并重新排名与分配，新排名任务记录在异议上（newRunId）。\n\n' +
      'rejected: the answer is recorded and the result stands. upheld: the notice is withdrawn, the competition goes ' +
      'back to ranked and a new ranking run is queued; the objection records it as newRunId.',
  })
  @ApiAnswerOrNotFound(ObjectionResponseDto, { forbidden: 'only the grants office' })
  @ApiError(
    409,
    'already answered',
    refusalExample(PublicityErrors.objectionAlreadyAnswered(new Date('2026-04-03T02:00:00Z'), false)),
  )
  @ApiJsonBodyErrors()
  answer(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: AnswerObjectionDto,
  ): Promise<ObjectionResponseDto> {
    return this.objections.answer(actor, params.id, dto);
  }
}
