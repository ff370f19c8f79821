import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CompetitionErrors, CompetitionState, Role, RulesErrors, rulesFieldName } from '@app/domain';
import { Allow, KeyScope, Public } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { CompetitionsService } from './competitions.service';
import { UpdateCompetitionRulesDto } from './dto/competition-rules.dto';
import {
  ApplyScorePresetDto,
  CompetitionPageDto,
  CompetitionQueryDto,
  CompetitionResponseDto,
  CreateCompetitionDto,
  TransitionCompetitionDto,
  UpdateCompetitionDto,
} from './dto/competition.dto';

const NOT_FOUND_EXAMPLE = refusalExample(CompetitionErrors.notFound());

@ApiTags('competitions 公益创投大赛')
@Controller('competitions')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Post()
  @Allow(Role.Office)
  @ApiOperation({
    summary: '创建公益创投大赛 / create a competition',
    description:
      '从预设规则（party-building 党建项目 / community-micro 社区微创投 / dongguan 东莞式 现场评审 60% + 定向捐赠 20% + 网络投票 20% / qingdao 青岛式 初评 15% + 材料 25% + 路演 60%）开始，rules 中给出的字段覆盖预设；新大赛为草稿状态。\n\n' +
      'Starts from a preset; each field given in rules replaces the preset’s. The competition starts as a draft.',
  })
  @ApiResponse({ status: 201, type: CompetitionResponseDto })
  @ApiError(
    400,
    undefined,
    refusalExample(RulesErrors.tranchesNotWhole({ name: rulesFieldName('tranches'), path: 'rules.tranches' }, 90)),
  )
  @ApiError(401)
  @ApiError(403, 'only the grants office')
  @ApiJsonBodyErrors()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCompetitionDto): Promise<CompetitionResponseDto> {
    return this.competitions.create(actor, dto);
  }

  @Get()
  @KeyScope(ApiKeyScope.CompetitionsRead)
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '大赛列表 / list competitions',
    description: 'Newest first. Applicants do not see drafts.',
  })
  @ApiResponse({ status: 200, type: CompetitionPageDto })
  @ApiCallerErrors()
  list(@CurrentActor() actor: Actor, @Query() query: CompetitionQueryDto): Promise<CompetitionPageDto> {
    return this.competitions.list(actor, query);
  }

  @Get(':id/public')
  @Public()
  @ApiOperation({
    summary: '大赛公开信息 / public summary of a competition',
    description: 'Rules, pool and deadline as published; drafts are not public.',
  })
  @ApiResponse({ status: 200, type: CompetitionResponseDto })
  @ApiError(400)
  @ApiError(404, undefined, NOT_FOUND_EXAMPLE)
  getPublic(@Param() params: IdParamDto): Promise<CompetitionResponseDto> {
    return this.competitions.getPublic(params.id);
  }

  @Get(':id')
  @KeyScope(ApiKeyScope.CompetitionsRead)
  @Allow(Role.Office, Role.Admin, Role.Applicant, Role.Judge)
  @ApiOperation({
    summary: '查看大赛 / one competition',
    description: 'Applicants do not see drafts; a judge sees only the competition of their roadshow.',
  })
  @ApiAnswerOrNotFound(CompetitionResponseDto, {
    forbidden: 'evaluators see their round on their tablet, not the competition',
    notFound: 'missing, or not visible to you',
    notFoundExample: NOT_FOUND_EXAMPLE,
  })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<CompetitionResponseDto> {
    return this.competitions.get(actor, params.id);
  }

  @Patch(':id')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '修改大赛基本信息 / edit title, pool, deadline or grantor',
    description: 'Refused (409) once the roadshow has started.',
  })
  @ApiAnswerOrNotFound(CompetitionResponseDto, { notFoundExample: NOT_FOUND_EXAMPLE })
  @ApiError(409, 'frozen, or changed since expectedVersion')
  @ApiJsonBodyErrors()
  update(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: UpdateCompetitionDto,
  ): Promise<CompetitionResponseDto> {
    return this.competitions.update(actor, params.id, dto);
  }

  @Patch(':id/rules')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '修改评审与分配规则 / change the rules',
    description:
      '给出的字段替换现有规则，整体校验后规则版本加 1；路演开始后规则冻结（409）。\n\n' +
      'Each field given replaces the stored one; the whole is validated and rulesVersion goes up by one. ' +
      'Refused with 409 from the roadshow on.',
  })
  @ApiAnswerOrNotFound(CompetitionResponseDto, { notFoundExample: NOT_FOUND_EXAMPLE })
  @ApiError(
    409,
    undefined,
    refusalExample(
      CompetitionErrors.rulesFrozen(CompetitionState.Roadshow, new Date('2026-04-18T01:00:00Z'), {
        zh: '规则',
        en: 'the rules',
      }),
    ),
  )
  @ApiJsonBodyErrors()
  updateRules(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: UpdateCompetitionRulesDto,
  ): Promise<CompetitionResponseDto> {
    return this.competitions.updateRules(actor, params.id, dto);
  }

  @Post(':id/rules/preset')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '套用预设评分构成（仅草稿） / apply a preset’s score composition to a draft competition',
    description:
      '用预设（东莞式、青岛式）的评分构成、标准分设置与偏向阈值替换现有的，其余规则不变；整体校验后规则版本加 1，' +
      '记入审计（competition.rules.update，含预设名）。只适用于草稿状态的大赛（否则 409 PRESET_ONLY_IN_DRAFT）。\n\n' +
      'Replaces the components, the normalization and the bias threshold with the preset’s (Dongguan, Qingdao), ' +
      'keeping every other rule; the whole is validated and rulesVersion goes up by one, audited as ' +
      'competition.rules.update with the preset’s name. A draft competition only (else 409 PRESET_ONLY_IN_DRAFT).',
  })
  @ApiAnswerOrNotFound(CompetitionResponseDto, { notFoundExample: NOT_FOUND_EXAMPLE })
  @ApiError(409, 'not a draft', refusalExample(CompetitionErrors.presetOnlyInDraft(CompetitionState.Open)))
  @ApiJsonBodyErrors()
  applyScorePreset(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: ApplyScorePresetDto,
  ): Promise<CompetitionResponseDto> {
    return this.competitions.applyScorePreset(actor, params.id, dto);
  }

  @Post(':id/transitions')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '变更大赛状态 / move the competition to its next state',
    description:
      'draft → open → closed → screening → roadshow → scoring-closed → ranked → allocated → publicity → awarded → ' +
      'in-progress → finished; closed → open, allocated/publicity → ranked. Entering the roadshow freezes the rules.',
  })
  @ApiAnswerOrNotFound(CompetitionResponseDto, { notFoundExample: NOT_FOUND_EXAMPLE })
  @ApiError(
    409,
    undefined,
    refusalExample(CompetitionErrors.transitionNotAllowed(CompetitionState.Draft, CompetitionState.Roadshow, 'to')),
  )
  @ApiJsonBodyErrors()
  transition(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: TransitionCompetitionDto,
  ): Promise<CompetitionResponseDto> {
    return this.competitions.transition(actor, params.id, dto);
  }
}
