import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AllocationStatus, BundleReason, ScoreBreakdown } from '@app/scoring';

export class BilingualTextDto {
  @ApiProperty({ example: '按资助上限核减（申请额、单项上限或预算比例上限）' })
  zh: string;

  @ApiProperty({ example: 'reduced to its cap (the request, the per-project maximum or the share of budget)' })
  en: string;
}

export class ReasonDto extends BilingualTextDto {
  @ApiProperty({ example: 'cap-applied' })
  code: BundleReason;
}

export class TieBreakDto extends BilingualTextDto {
  @ApiProperty({ enum: ['score', 'tie-break', 'id', 'last'], example: 'tie-break' })
  kind: 'score' | 'tie-break' | 'id' | 'last';

  @ApiPropertyOptional({ example: 'median', description: 'the rules’ tie-break that decided, when one did' })
  key?: string;

  @ApiPropertyOptional({ example: 1, description: '1-based position of that tie-break in the rules' })
  step?: number;
}

export class CategoryDto {
  @ApiProperty({ example: 'poverty-relief' })
  key: string;

  @ApiProperty({ example: '扶贫帮困类' })
  labelZh: string;

  @ApiProperty({ example: 'Poverty relief' })
  labelEn: string;
}

/** An applicant's view of how a score came about: totals and trimming, no judge ids. */
export interface PublicScoreBreakdown {
  readonly exact: string;
  readonly method: string;
  readonly fellBackToMean: boolean;
  readonly judgeCount: number;
  readonly totals: readonly { readonly total: string; readonly dropped: 'high' | 'low' | null }[];
  readonly groups: readonly { readonly group: string; readonly weight: string; readonly judgeCount: number }[];
  readonly gatesPassed: boolean;
}

const BREAKDOWN_EXAMPLE = {
  exact: '87.352',
  median: '88.00',
  decimals: 2,
  method: 'trimmed-mean',
  fellBackToMean: false,
  judgeCount: 7,
  judges: [
    { judgeId: '1d0e…', total: '85.01', dropped: null },
    { judgeId: '5b7c…', total: '78.00', dropped: 'low' },
    { judgeId: '9f2a…', total: '95.00', dropped: 'high' },
  ],
  recused: [],
  groups: [
    { group: 'panel', weight: '1', value: '87.352', method: 'trimmed-mean', fellBackToMean: false, judgeCount: 7 },
  ],
  missingGroups: [],
  criterionMeans: { need: '22.5', design: '21.75' },
  gates: [{ key: 'party-leadership', passCount: 7, judgeCount: 7, passed: true }],
  gatesPassed: true,
};

export class ResultRowDto {
  @ApiProperty({ example: 2, description: '排序位，1..n 无并列 / place in the total order, no ties' })
  position: number;

  @ApiProperty({ example: 2, description: '名次，同分同名次（1、2、2、4）/ competition rank: 1, 2, 2, 4' })
  rank: number;

  @ApiProperty({ format: 'uuid', example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d' })
  submissionId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  organizationName: string;

  @ApiProperty({ type: CategoryDto })
  category: CategoryDto;

  @ApiProperty({ example: '87.35', description: '公布得分（十进制文本）/ the published score, exact decimal text' })
  score: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: BREAKDOWN_EXAMPLE,
    description:
      '得分构成：各评委总分、去掉的最高/最低分、分组、门槛项。申报人只看到不含评委 id 的总分列表。/ ' +
      "how the score came about; applicants see the totals without judges' ids",
  })
  breakdown: ScoreBreakdown | PublicScoreBreakdown;

  @ApiProperty({ type: TieBreakDto, description: '为何排在下一名之前 / why it stands above the next' })
  tieBreak: TieBreakDto;

  @ApiProperty({ example: 3_000_000, description: '申请金额（分）/ requested, in fen' })
  requestedFen: number;

  @ApiProperty({ example: 2_800_000, description: '资助金额（分）/ grant, in fen' })
  grantFen: number;

  @ApiProperty({ enum: ['funded', 'partly-funded', 'not-funded'], example: 'partly-funded' })
  status: AllocationStatus;

  @ApiProperty({ type: BilingualTextDto, description: '资助状态 / status in words' })
  statusLabel: BilingualTextDto;

  @ApiProperty({ type: ReasonDto })
  reason: ReasonDto;
}

/** The ranking table of one run: the office sees every row, an applicant only its own. */
export class ResultsResponseDto {
  @ApiProperty({ format: 'uuid', example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a' })
  competitionId: string;

  @ApiProperty({ format: 'uuid', example: '3b0f5a8e-2d7c-4e1b-9a6f-8c5d4e3b2a10' })
  runId: string;

  @ApiProperty({ example: 1 })
  rulesVersion: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  inputHash: string;

  @ApiProperty({ example: '2026-05-20T08:00:01.512Z' })
  finishedAt: string;

  @ApiProperty({ example: 10_000_000, description: '资金池（分）/ the pool, in fen' })
  poolFen: number;

  @ApiProperty({ example: 9_360_000, description: '资助总额（分）/ total granted, in fen' })
  totalFen: number;

  @ApiProperty({ enum: ['office', 'applicant'], example: 'office' })
  view: 'office' | 'applicant';

  @ApiProperty({ type: [ResultRowDto] })
  rows: ResultRowDto[];
}

const STATISTICS_EXAMPLE = {
  allocation: {
    rule: 'greedy',
    poolFen: 10_000_000,
    totalFen: 9_360_000,
    remainderFen: 640_000,
    fundedCount: 0,
    partlyFundedCount: 4,
    notFundedCount: 1,
    unmetQuotas: [],
  },
  agreement: {
    judgeCount: 7,
    projectCount: 5,
    sheetCount: 33,
    recusalCount: 2,
    table: { projects: 3, judges: 7, excludedProjects: 2 },
    icc: {
      forms: {
        'ICC(1,1)': '0.804931',
        'ICC(2,1)': '0.805880',
        'ICC(3,1)': '0.822064',
        'ICC(1,k)': '0.966536',
        'ICC(2,k)': '0.966701',
        'ICC(3,k)': '0.969967',
      },
      oneWayF: '29.878173',
      oneWayP: '1.12470e-5',
      twoWayF: '33.316440',
      twoWayP: '1.80651e-5',
    },
    kendallW: { W: '0.897959', uncorrected: '0.897959', chiSquare: '12.571429', df: 2, pValue: '0.00186383' },
    leniency: {
      threshold: '3.5',
      medianOffset: '0.140000',
      judges: [{ judgeId: '1d0e…', itemCount: 5, meanOffset: '-1.237619', modifiedZ: '-0.712314', outlier: false }],
    },
    notes: [
      {
        zh: '2 个项目因回避或缺评不在完整评分表中，ICC 和肯德尔 W 只用其余 3 个项目',
        en: "2 project(s) lack a sheet from some judge (recusal or missing score); ICC and Kendall's W use the other 3",
      },
    ],
  },
};

export class StatisticsResponseDto {
  @ApiProperty({ format: 'uuid', example: '3b0f5a8e-2d7c-4e1b-9a6f-8c5d4e3b2a10' })
  runId: string;

  @ApiProperty({ format: 'uuid', example: '8c4b1f2e-7a6d-4e3c-9b8a-0f1e2d3c4b5a' })
  competitionId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: STATISTICS_EXAMPLE.allocation,
    description: '分配汇总：规则、资金池、总额、余额、各状态项目数、未满足的类别配额 / allocation summary',
  })
  allocation: unknown;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: STATISTICS_EXAMPLE.agreement,
    description:
      '评委一致性：ICC 六种形式与 F 检验、肯德尔 W、各评委宽严（偏离其他评委均值），以及说明。精确值 6 位小数，p 值 6 位有效数字。/ ' +
      "judge agreement: ICC in six forms with F tests, Kendall's W, each judge's leniency, and notes",
  })
  agreement: unknown;
}
