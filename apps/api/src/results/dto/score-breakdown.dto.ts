import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDecimal, ApiExact, EXACT_TEXT } from '../../common/api-decimal.decorator';

/** Which of the extreme totals trimming dropped. */
export function ApiDropped(): PropertyDecorator {
  return ApiProperty({
    type: String,
    enum: ['high', 'low'],
    nullable: true,
    example: null,
    description: '被去掉的最高分/最低分 / dropped as highest or lowest',
  });
}

/** A judge group's score as the stage shows it, in the stored breakdown and on the hall's screen alike. */
export function ApiGroupDisplay(): PropertyDecorator {
  return ApiDecimal({ example: '87.35', description: '按规则小数位舍入 / rounded to the rules’ decimals' });
}

/** How one aggregate (a group, or the whole panel) was taken. */
export class AggregateMethodDto {
  @ApiProperty({ example: 'trimmed-mean', description: 'mean, median, trimmed-mean, or weighted-groups' })
  method: string;

  @ApiProperty({ example: false, description: '评委过少未去分 / too few judges to trim' })
  fellBackToMean: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7, description: '计入的评分表数 / sheets that counted' })
  judgeCount: number;
}

export class BreakdownJudgeDto {
  @ApiProperty({ format: 'uuid' })
  judgeId: string;

  @ApiDecimal({ example: '85.01', description: '该评委的加权总分 / the judge’s weighted total' })
  total: string;

  @ApiDropped()
  dropped: 'high' | 'low' | null;
}

export class BreakdownGroupDto extends AggregateMethodDto {
  @ApiProperty({ example: 'panel', description: '评委组，或不分组时的 panel / judge group, or panel' })
  group: string;

  @ApiExact({ example: '1' })
  weight: string;

  @ApiExact({ example: '87.352' })
  value: string;
}

export class BreakdownGateDto {
  @ApiProperty({ example: 'party-leadership' })
  key: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7 })
  passCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7 })
  judgeCount: number;

  @ApiProperty({ example: true })
  passed: boolean;
}

/** One part of the final score: its value and what it adds (version 2). */
export class BreakdownComponentDto {
  @ApiProperty({ example: 'donations' })
  key: string;

  @ApiProperty({ enum: ['weighted', 'bonus'] })
  kind: 'weighted' | 'bonus';

  @ApiExact({ example: '0.2', description: '权重；加分项为 1 / weight; 1 for a bonus' })
  weight: string;

  @ApiExact({ example: '23.5', description: '该构成的分数 / the component’s value' })
  value: string;

  @ApiExact({ example: '4.7', description: '计入总分的分数 / what it adds to the score' })
  points: string;
}

/** What the score announced on stage and the score of a ranking run both record. */
export class AggregateBreakdownDto extends AggregateMethodDto {
  @ApiExact({ example: '87.352', description: '未舍入的得分 / the unrounded score' })
  exact: string;

  @ApiExact({ example: '88', description: '评委总分的中位数 / median of the judges’ totals' })
  median: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: '公布得分的小数位 / decimals published' })
  decimals: number;

  @ApiProperty({ type: [BreakdownGroupDto] })
  groups: BreakdownGroupDto[];

  @ApiProperty({
    type: [String],
    example: [],
    description: '没有评委评分的加权组 / weighted groups with no scoring judge',
  })
  missingGroups: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: EXACT_TEXT },
    example: { need: '22.5', design: '21.75' },
    description: '各评分项的平均分（评分项 key → 精确值） / mean mark per criterion key, exact',
  })
  criterionMeans: Record<string, string>;

  @ApiProperty({ type: [BreakdownGateDto] })
  gates: BreakdownGateDto[];

  @ApiProperty({ example: true })
  gatesPassed: boolean;

  @ApiPropertyOptional({
    type: [BreakdownComponentDto],
    description: '有评分构成时，按规则顺序 / with score components, in the rules’ order',
  })
  components?: BreakdownComponentDto[];
}

/** How the office sees a score came about: every counted judge, the trimming, groups and gates. */
export class ScoreBreakdownDto extends AggregateBreakdownDto {
  @ApiProperty({ type: [BreakdownJudgeDto], description: '按席位 / in seat order' })
  judges: BreakdownJudgeDto[];

  @ApiProperty({
    type: [String],
    example: [],
    description: '因回避不计的评委 id，按席位 / judges left out for a recusal, in seat order',
  })
  recused: string[];
}

export class PublicTotalDto {
  @ApiDecimal({ example: '92.50' })
  total: string;

  @ApiDropped()
  dropped: 'high' | 'low' | null;
}

export class PublicGroupDto {
  @ApiProperty({ example: 'panel' })
  group: string;

  @ApiExact({ example: '1' })
  weight: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7 })
  judgeCount: number;
}

/** An applicant's view of how a score came about: totals and trimming, no judge ids. */
export class PublicScoreBreakdownDto extends AggregateMethodDto {
  @ApiExact({ example: '87.352', description: '未舍入的得分 / the unrounded score' })
  exact: string;

  @ApiProperty({
    type: [PublicTotalDto],
    description: '各评委总分，由高到低，不含评委 / totals, highest first, anonymous',
  })
  totals: PublicTotalDto[];

  @ApiProperty({ type: [PublicGroupDto] })
  groups: PublicGroupDto[];

  @ApiProperty({ example: true })
  gatesPassed: boolean;
}
