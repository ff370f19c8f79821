import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComponentErrors, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { ComponentValuesService } from './component-values.service';
import {
  CompetitionComponentsDto,
  ComponentParamDto,
  ImportComponentValuesDto,
  RecordComponentValuesDto,
  RecordedComponentValuesDto,
} from './dto/component-values.dto';

const COMPONENT = { labelZh: '初评', labelEn: 'Preliminary round' };
const NOT_FOUND = '大赛不存在，或规则中没有该录入/投票构成 / no such competition, or no such input or vote component';

@ApiTags('components 评分构成')
@Controller('competitions/:id/components')
export class ComponentValuesController {
  constructor(private readonly service: ComponentValuesService) {}

  @Get()
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '评分构成及各项目的分数 / the score components and each project’s values',
    description:
      '规则中来源为录入（input）或投票（vote）的评分构成，按规则顺序：权重或加分上限、最高分、是否锁定、各项目的分数，' +
      '以及通过资格审查但还没有分数的项目。\n\n' +
      'The rules’ input and vote components in order: weight or bonus cap, maximum, whether locked, each ' +
      'project’s value, and the screened-in projects still without one.',
  })
  @ApiAnswerOrNotFound(CompetitionComponentsDto, {
    forbidden: '仅限办公室与管理员 / office and admin only',
    notFound: '大赛不存在 / no such competition',
  })
  list(@Param() params: IdParamDto): Promise<CompetitionComponentsDto> {
    return this.service.list(params.id);
  }

  @Post(':key/values')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '录入一项评分构成的分数 / enter values of one score component',
    description:
      '为一个或多个项目录入分数（0 到最高分），已有的分数被替换，每次修改记入审计日志。按捐赠折算的构成给出捐赠金额' +
      '（donationFen，单位分），由规则的 fenPerPoint 折算为分数。构成锁定后不能修改（409）。任何一项有误则全部不写入。\n\n' +
      'Values for one or more projects (0 to the maximum) replace the stored ones; every change is audited. For a ' +
      'donations component give donationFen, turned into points by the rule’s fenPerPoint. Refused once the ' +
      'component is locked (409). If any entry is wrong nothing is written.',
  })
  @ApiAnswerOrNotFound(RecordedComponentValuesDto, { notFound: NOT_FOUND })
  @ApiError(409, '构成已锁定 / the component is locked', refusalExample(ComponentErrors.locked(COMPONENT)))
  @ApiJsonBodyErrors()
  record(
    @CurrentActor() actor: Actor,
    @Param() params: ComponentParamDto,
    @Body() dto: RecordComponentValuesDto,
  ): Promise<RecordedComponentValuesDto> {
    return this.service.record(actor, params.id, params.key, dto.values);
  }

  @Post(':key/import')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '导入一项评分构成的分数（CSV） / import values of one score component (CSV)',
    description:
      'UTF-8 CSV，首行为表头，须含“项目编号 / Project ID”（与结果表 CSV 相同）和“分数 / Value”两列；按捐赠折算的构成' +
      '用“捐赠金额（元）/ Donations (yuan)”列。逐行校验，任何一行有误则整份不写入，错误在 details 中逐条注明行号。\n\n' +
      'UTF-8 CSV with a header row naming "项目编号 / Project ID" (as in the results CSV) and "分数 / Value" ' +
      '("捐赠金额（元）/ Donations (yuan)" for a donations component). Every row is checked; if any is wrong nothing ' +
      'is written and details name each problem with its line number.',
  })
  @ApiAnswerOrNotFound(RecordedComponentValuesDto, { notFound: NOT_FOUND })
  @ApiError(409, '构成已锁定 / the component is locked', refusalExample(ComponentErrors.locked(COMPONENT)))
  @ApiJsonBodyErrors()
  import(
    @CurrentActor() actor: Actor,
    @Param() params: ComponentParamDto,
    @Body() dto: ImportComponentValuesDto,
  ): Promise<RecordedComponentValuesDto> {
    return this.service.import(actor, params.id, params.key, dto.csv);
  }

  @Post(':key/lock')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '锁定一项评分构成的分数 / lock one score component’s values',
    description:
      '排名前每项录入或投票构成都须锁定；所有通过资格审查的项目都有分数才能锁定。已锁定时再次锁定不做任何事。\n\n' +
      'Every input and vote component must be locked before ranking; locking needs a value for every ' +
      'screened-in project. Locking a locked component does nothing.',
  })
  @ApiAnswerOrNotFound(CompetitionComponentsDto, { notFound: NOT_FOUND })
  @ApiError(
    409,
    '还有项目没有分数 / projects without a value',
    refusalExample(ComponentErrors.incomplete(COMPONENT, 2)),
  )
  lock(@CurrentActor() actor: Actor, @Param() params: ComponentParamDto): Promise<CompetitionComponentsDto> {
    return this.service.lock(actor, params.id, params.key);
  }

  @Post(':key/unlock')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '解除锁定以更正分数 / unlock one score component to correct a value',
    description:
      '结果公示后不能再解除锁定（409）。解除与锁定都记入审计日志。\n\n' +
      'Refused once the result is published (409). Unlocking and locking are audited.',
  })
  @ApiAnswerOrNotFound(CompetitionComponentsDto, { notFound: NOT_FOUND })
  @ApiError(
    409,
    '结果已公示 / the result is published',
    refusalExample(ComponentErrors.unlockAfterPublication(COMPONENT)),
  )
  unlock(@CurrentActor() actor: Actor, @Param() params: ComponentParamDto): Promise<CompetitionComponentsDto> {
    return this.service.unlock(actor, params.id, params.key);
  }
}
