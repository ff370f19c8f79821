import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, ValidateNested } from 'class-validator';
import { BudgetChangeState } from '@app/domain';
import { BudgetLineFunding } from '@app/grants';
import { BudgetChange } from '@app/persistence';
import { ArrayField, IsFen, Optional, TextField } from '../../common/input.decorators';
import { GrantLedgerQueryDto, ReasonField } from './ledger-fields.dto';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';

export class FundedBudgetLineDto implements BudgetLineFunding {
  @ApiProperty({ example: '维修工具与耗材', description: 'as in the current budget' })
  @Label('名称', 'item')
  @TextField({ max: 100 })
  item: string;

  @ApiProperty({ example: '物资', description: 'as in the current budget' })
  @Label('类别', 'kind')
  @TextField({ max: 30 })
  kind: string;

  @ApiProperty({ type: 'integer', example: 1_085_714 })
  @Label('资助资金（分）', 'grant funds in fen')
  @IsFen(0)
  grantFen: number;

  @ApiProperty({ type: 'integer', example: 214_286 })
  @Label('配套资金（分）', 'matching funds in fen')
  @IsFen(0)
  matchingFen: number;
}

export class CreateBudgetChangeDto {
  @ApiProperty({
    type: [FundedBudgetLineDto],
    description: 'the whole proposed budget: the same lines, totals unchanged, money moved between lines',
  })
  @Label('预算明细', 'budget lines', 'budget line')
  @ArrayField(100, 1)
  @ValidateNested({ each: true })
  @Type(() => FundedBudgetLineDto)
  lines: FundedBudgetLineDto[];

  @ApiProperty({ example: '宣传物料由街道统一印制，节余 2,000 元转入志愿者培训', maxLength: 500 })
  @Label('理由', 'reason')
  @ReasonField()
  reason: string;
}

export class DecideBudgetChangeDto {
  @ApiPropertyOptional({ example: '同意调整', maxLength: 500, description: 'required to refuse' })
  @Label('理由', 'reason')
  @ReasonField({ optional: true })
  reason?: string;
}

export class BudgetChangeQueryDto extends GrantLedgerQueryDto {
  @ApiPropertyOptional({ enum: BudgetChangeState, description: 'pending: the office’s queue' })
  @Label('调整申请状态', 'state of the change')
  @Optional()
  @IsEnum(BudgetChangeState)
  state?: BudgetChangeState;
}

export class BudgetChangeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ example: 'GYCT-2026-0001' })
  agreementNumber: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'the budget version it was asked against' })
  baseVersion: number;

  @ApiProperty({ type: [FundedBudgetLineDto], description: 'the current lines when it was asked' })
  currentLines: FundedBudgetLineDto[];

  @ApiProperty({ type: [FundedBudgetLineDto] })
  lines: FundedBudgetLineDto[];

  @ApiProperty({ example: '宣传物料由街道统一印制，节余转入志愿者培训' })
  reason: string;

  @ApiProperty({ enum: BudgetChangeState })
  state: BudgetChangeState;

  @ApiProperty({ example: '2027-03-01T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;
}

export class BudgetChangePageDto extends PageOf(BudgetChangeDto) {}

export function toBudgetChangeResponse(
  change: BudgetChange,
  agreementNumber: string,
  currentLines: readonly BudgetLineFunding[],
): BudgetChangeDto {
  return {
    id: change.id,
    grantId: change.grantId,
    agreementNumber,
    baseVersion: change.baseVersion,
    currentLines: currentLines.map((l) => ({ ...l })),
    lines: change.lines.map((l) => ({ ...l })),
    reason: change.reason,
    state: change.state,
    createdAt: change.createdAt.toISOString(),
    decidedAt: change.decidedAt?.toISOString() ?? null,
    decisionReason: change.decisionReason,
  };
}
