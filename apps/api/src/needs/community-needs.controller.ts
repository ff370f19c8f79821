import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NeedsErrors, NeedState, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { CommunityNeedsService } from './community-needs.service';
import {
  CreateNeedsListDto,
  ModerateNeedDto,
  ModeratedNeedDto,
  NeedsListDto,
  NeedsQueryDto,
  OpenWallDto,
  OpenedWallDto,
  StreetOfficeDto,
} from './dto/needs.dto';
import { COMMUNITIES } from './needs-callers';

@ApiTags('needs 社区制单')
@Controller()
export class CommunityNeedsController {
  constructor(private readonly communities: CommunityNeedsService) {}

  @Post('community/needs-wall')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '开通需求墙并生成社区码 / open the needs wall and print its code',
    description:
      '社区选择所属街道办（其需求、清单和订单都属于该街道），并得到张贴在需求墙上的社区码（只显示这一次，再次调用则换新码）。' +
      '居民提出需求后所属街道不能再改。\n\n' +
      'The community names its street office (which owns its needs, lists and orders) and gets the code to post on ' +
      'the wall (shown once; calling again prints a new one). The office is fixed once residents have posted.',
  })
  @ApiResponse({ status: 201, type: OpenedWallDto })
  @ApiCallerErrors(COMMUNITIES)
  @ApiError(409, 'the office is fixed', refusalExample(NeedsErrors.wallOfficeFixed()))
  @ApiJsonBodyErrors()
  openWall(@CurrentActor() actor: Actor, @Body() dto: OpenWallDto): Promise<OpenedWallDto> {
    return this.communities.openWall(actor, dto);
  }

  @Get('community/street-offices')
  @Allow(Role.Applicant)
  @ApiOperation({ summary: '可选的所属街道 / the street offices a community may name' })
  @ApiResponse({ status: 200, type: StreetOfficeDto, isArray: true })
  @ApiCallerErrors(COMMUNITIES)
  offices(@CurrentActor() actor: Actor): Promise<StreetOfficeDto[]> {
    return this.communities.offices(actor);
  }

  @Get('community/needs')
  @Allow(Role.Applicant)
  @ApiOperation({ summary: '本社区的需求（含待审核和标记） / the community’s needs, pending and flagged included' })
  @ApiResponse({ status: 200, type: ModeratedNeedDto, isArray: true })
  @ApiCallerErrors(COMMUNITIES)
  list(@CurrentActor() actor: Actor, @Query() query: NeedsQueryDto): Promise<ModeratedNeedDto[]> {
    return this.communities.list(actor, query);
  }

  @Post('community/needs/:id/moderation')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '审核需求 / moderate a need',
    description: `publish：上墙（${NeedState.Open}）；refuse：须写明原因，居民能看到。\n\npublish puts it on the wall; refuse needs a reason the resident reads.`,
  })
  @ApiAnswerOrNotFound(ModeratedNeedDto, {
    status: 201,
    forbidden: COMMUNITIES,
    notFound: 'not the community’s need',
    notFoundExample: refusalExample(NeedsErrors.needNotFound()),
  })
  @ApiError(409, 'already moderated', refusalExample(NeedsErrors.alreadyModerated(NeedState.Open)))
  @ApiJsonBodyErrors()
  moderate(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: ModerateNeedDto,
  ): Promise<ModeratedNeedDto> {
    return this.communities.moderate(actor, params.id, dto);
  }

  @Post('community/needs-lists')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '编制需求清单 / compile a needs list',
    description: '同一类别、已收集的本社区需求。\n\nCollected needs of the community, all of the list’s category.',
  })
  @ApiResponse({ status: 201, type: NeedsListDto })
  @ApiCallerErrors(COMMUNITIES)
  @ApiError(409, 'the wall is not open', refusalExample(NeedsErrors.wallNotOpened()))
  @ApiJsonBodyErrors()
  createList(@CurrentActor() actor: Actor, @Body() dto: CreateNeedsListDto): Promise<NeedsListDto> {
    return this.communities.createList(actor, dto);
  }

  @Get('community/needs-lists')
  @Allow(Role.Applicant)
  @ApiOperation({ summary: '本社区的需求清单 / the community’s needs lists' })
  @ApiResponse({ status: 200, type: NeedsListDto, isArray: true })
  @ApiCallerErrors(COMMUNITIES)
  lists(@CurrentActor() actor: Actor): Promise<NeedsListDto[]> {
    return this.communities.lists(actor);
  }
}
