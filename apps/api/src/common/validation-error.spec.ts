import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toErrorResponse } from './domain-error.filter';
import { Label } from './label.decorator';
import { RequestValidationError, fieldProblems } from './validation-error';

class BudgetLineInput {
  @Label('名称', 'item')
  @IsString()
  @MaxLength(10)
  item: string;

  @Label('金额（分）', 'amount in fen')
  @IsInt()
  @Min(0)
  amountFen: number;

  @IsString()
  note: string;
}

class SubmissionInput {
  @Label('项目名称', 'project title')
  @IsString()
  title: string;

  @Label('预算明细', 'budget lines', 'budget line')
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budgetLines: BudgetLineInput[];
}

function problemsFor(body: unknown) {
  return fieldProblems(validateSync(plainToInstance(SubmissionInput, body)));
}

describe('request validation errors', () => {
  it('puts the dotted path in field and names the field in the message as people do, in both languages', () => {
    const [problem] = problemsFor({
      title: '红色核动力',
      budgetLines: [
        { item: '物资', amountFen: 1, note: '' },
        { item: '物资', amountFen: 1, note: '' },
        { item: '物资', amountFen: -5, note: '' },
      ],
    });
    expect(problem).toEqual({
      field: 'budgetLines.2.amountFen',
      message: {
        zh: '预算明细第 3 项的金额（分）不能小于 0',
        en: 'amount in fen of budget line 3 must not be less than 0',
      },
    });
  });

  it('refuses fractional fen as not an integer', () => {
    const [problem] = problemsFor({ title: 'x', budgetLines: [{ item: '物资', amountFen: 10.5, note: '' }] });
    expect(problem.message.zh).toBe('预算明细第 1 项的金额（分）必须是整数');
  });

  it('says "this field" for a property nobody labelled rather than its API name', () => {
    const [problem] = problemsFor({ title: 'x', budgetLines: [{ item: '物资', amountFen: 1, note: 7 }] });
    expect(problem).toEqual({
      field: 'budgetLines.0.note',
      message: { zh: '此项必须是文字', en: 'this field must be text' },
    });
  });

  it('answers 400 with the first problem in front and all of them in details', () => {
    const { status, body } = toErrorResponse(
      new RequestValidationError(
        problemsFor({ title: 42, budgetLines: [{ item: '很长很长很长很长很长很长', amountFen: 1, note: '' }] }),
      ),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'title',
      message_zh: '项目名称必须是文字',
      message_en: 'project title must be text',
    });
    expect(body.details?.map((d) => d.field)).toEqual(['title', 'budgetLines.0.item']);
    expect(body.details?.[1].message_zh).toBe('预算明细第 1 项的名称最多 10 个字符');
  });

  it('lists at most 20 problems and says how many there were in all', () => {
    const problems = problemsFor({ title: 'x', budgetLines: Array.from({ length: 1000 }, () => ({ item: 1 })) });
    const { body } = toErrorResponse(new RequestValidationError(problems));
    expect(problems.length).toBeGreaterThan(1000);
    expect(body.details).toHaveLength(20);
    expect(body.detailsOmitted).toBe(problems.length - 20);
    const [first] = problems;
    expect(body.message_zh).toBe(`${first.message.zh}（共 ${problems.length} 个问题，仅列出前 20 个）`);
    expect(body.message_en).toBe(`${first.message.en} (${problems.length} problems in all; the first 20 are listed)`);
    expect(JSON.stringify(body).length).toBeLessThan(5000);
  });

  it('keeps the reason a check gave and counts problems it did not collect', () => {
    const { body } = toErrorResponse(
      new RequestValidationError(problemsFor({ title: 7, budgetLines: [] }), { reason: 'MALFORMED_INPUT', total: 30 }),
    );
    expect(body).toMatchObject({ reason: 'MALFORMED_INPUT', detailsOmitted: 29 });
  });
});
