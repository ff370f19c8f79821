import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, ValidateNested } from 'class-validator';
import {
  COMPETITION_PRESETS,
  CompetitionPresetName,
  CompetitionState,
  SCORE_COMPONENT_PRESETS,
  manualTransitions,
} from '@app/domain';
import { Competition } from '@app/persistence';
import { DateTimeField, IsFen, Optional, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf, PageQueryDto } from '../../common/page-query.dto';
import { ApiRowVersion, ExpectedVersion } from '../../common/row-version.dto';
import { CompetitionRulesDto, CompetitionRulesInputDto, ExpectedRulesVersion } from './competition-rules.dto';

export type CompetitionPreset = CompetitionPresetName;
export const PRESETS = Object.keys(COMPETITION_PRESETS) as CompetitionPreset[];

export class GrantorDto {
  @ApiProperty({ example: '中共佛山市三水区西南街道工作委员会', maxLength: 100 })
  @Label('资助方名称', 'grantor name')
  @TextField({ max: 100 })
  name: string;

  @ApiProperty({ example: '佛山市三水区西南街道广海大道西', maxLength: 200 })
  @Label('资助方地址', 'grantor address')
  @TextField({ max: 200 })
  address: string;

  @ApiProperty({ example: '王建国', maxLength: 50 })
  @Label('资助方法定代表人/负责人', 'grantor representative')
  @TextField({ max: 50 })
  representative: string;
}

/** The grant office as party A of the agreements, when a writer gives it, checked field by field. */
export function GrantorField(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: GrantorDto, description }),
    Label('资助方', 'grantor'),
    Optional(),
    ValidateNested(),
    Type(() => GrantorDto),
  );
}

export class CreateCompetitionDto {
  @ApiPropertyOptional({
    enum: PRESETS,
    example: 'party-building',
    description: '起始规则；不选时须在 rules 中给出全部规则 / starting rules; without it, rules must be complete',
  })
  @Label('预设规则', 'preset')
  @Optional()
  @IsIn(PRESETS)
  preset?: CompetitionPreset;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛', maxLength: 100 })
  @Label('大赛名称', 'competition title')
  @TextField({ max: 100 })
  title: string;

  @ApiProperty({ type: 'integer', example: 30_000_000, description: '资金池（分） / the pool in fen (¥300,000.00)' })
  @Label('资金池（分）', 'pool in fen')
  @IsFen(1)
  poolFen: number;

  @ApiProperty({ example: '2026-03-31T17:00:00+08:00', description: 'ISO 8601 with a time and a zone; in the future' })
  @Label('申报截止时间', 'submission deadline')
  @DateTimeField()
  submissionDeadline: string;

  @GrantorField(
    '协议甲方；不填时取本单位设置中的资助方 / party A of the funding agreements; without it, the office’s grantor from its settings',
  )
  grantor?: GrantorDto;

  @ApiPropertyOptional({
    type: CompetitionRulesInputDto,
    example: { maxRequestFen: 3_000_000, pitchSeconds: 300 },
    description: '覆盖预设中的规则项 / replaces the preset’s value for each field given',
  })
  @Label('规则', 'rules')
  @Optional()
  @ValidateNested()
  @Type(() => CompetitionRulesInputDto)
  rules?: CompetitionRulesInputDto;
}

export class ApplyScorePresetDto {
  @ApiProperty({
    enum: SCORE_COMPONENT_PRESETS,
    example: 'dongguan',
    description:
      '套用其评分构成、标准分设置与偏向阈值的预设 / the preset whose components, normalization and bias threshold to apply',
  })
  @Label('预设评分构成', 'score preset')
  @IsIn(SCORE_COMPONENT_PRESETS)
  preset: CompetitionPreset;

  @ExpectedRulesVersion()
  expectedRulesVersion?: number;
}

export class UpdateCompetitionDto {
  @ApiPropertyOptional({ example: '2026年"红色核动力"党建项目创投大赛（第二轮）', maxLength: 100 })
  @Label('大赛名称', 'competition title')
  @TextField({ max: 100, optional: true })
  title?: string;

  @ApiPropertyOptional({ type: 'integer', example: 35_000_000 })
  @Label('资金池（分）', 'pool in fen')
  @Optional()
  @IsFen(1)
  poolFen?: number;

  @ApiPropertyOptional({ example: '2026-04-15T17:00:00+08:00' })
  @Label('申报截止时间', 'submission deadline')
  @Optional()
  @DateTimeField()
  submissionDeadline?: string;

  @GrantorField()
  grantor?: GrantorDto;

  @ExpectedVersion('refuse if the competition changed since you read this version')
  expectedVersion?: number;
}

export class TransitionCompetitionDto {
  @ApiProperty({ enum: CompetitionState, example: CompetitionState.Open })
  @Label('目标状态', 'state to move to')
  @IsEnum(CompetitionState)
  to: CompetitionState;

  @ApiPropertyOptional({
    example: '经党工委会议研究决定开始征集',
    maxLength: 500,
    description: 'kept in the audit log',
  })
  @Label('说明', 'note')
  @TextField({ max: 500, multiline: true, optional: true })
  reason?: string;
}

export class CompetitionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CompetitionState, example: CompetitionState.Open })
  @Label('大赛状态', 'competition state')
  @Optional()
  @IsEnum(CompetitionState)
  state?: CompetitionState;
}

export class CompetitionResponseDto {
  @ApiProperty({ example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a', format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026年"红色核动力"党建项目创投大赛' })
  title: string;

  @ApiProperty({ enum: CompetitionState, example: CompetitionState.Open })
  state: CompetitionState;

  @ApiProperty({
    enum: CompetitionState,
    isArray: true,
    example: [CompetitionState.Closed],
    description: 'where POST /transitions may go from here',
  })
  allowedTransitions: CompetitionState[];

  @ApiProperty({ type: 'integer', example: 30_000_000 })
  poolFen: number;

  @ApiProperty({ type: CompetitionRulesDto })
  rules: CompetitionRulesDto;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: 'bumped by every rules change; results name the version they used',
  })
  rulesVersion: number;

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'set when the roadshow starts',
  })
  rulesFrozenAt: string | null;

  @ApiProperty({ type: GrantorDto })
  grantor: GrantorDto;

  @ApiProperty({ example: '2026-03-31T09:00:00.000Z', format: 'date-time' })
  submissionDeadline: string;

  @ApiProperty({ example: '2026-02-01T02:00:00.000Z', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: '2026-02-01T02:00:00.000Z', format: 'date-time' })
  updatedAt: string;

  @ApiRowVersion(1)
  version: number;
}

export class CompetitionPageDto extends PageOf(CompetitionResponseDto) {}

export function toCompetitionResponse(competition: Competition): CompetitionResponseDto {
  return {
    id: competition.id,
    title: competition.title,
    state: competition.state,
    allowedTransitions: manualTransitions(competition.state),
    poolFen: competition.poolFen,
    rules: competition.rules as CompetitionRulesDto,
    rulesVersion: competition.rulesVersion,
    rulesFrozenAt: competition.rulesFrozenAt?.toISOString() ?? null,
    grantor: { ...competition.grantor },
    submissionDeadline: competition.submissionDeadline.toISOString(),
    createdAt: competition.createdAt.toISOString(),
    updatedAt: competition.updatedAt.toISOString(),
    version: competition.version,
  };
}
