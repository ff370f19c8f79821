import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toErrorResponse } from './domain-error.filter';
import { RequestValidationError, fieldProblems } from './validation-error';

class BudgetLineInput {
  @IsString()
  @MaxLength(10)
  item: string;

  @IsInt()
  @Min(0)
  amountFen: number;
}

class SubmissionInput {
  @IsString()
  title: string;

  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budgetLines: BudgetLineInput[];
}

function problemsFor(body: unknown) {
  return fieldProblems(validateSync(plainToInstance(SubmissionInput, body)));
}

describe('request validation errors', () => {
  it('names a nested field by its dotted path and states the bound in both languages', () => {
    const [problem] = problemsFor({ title: '红色核动力', budgetLines: [{ item: '物资', amountFen: -5 }] });
    expect(problem).toEqual({
      field: 'budgetLines.0.amountFen',
      message: { zh: 'budgetLines.0.amountFen 不能小于 0', en: 'budgetLines.0.amountFen must not be less than 0' },
    });
  });

  it('refuses fractional fen as not an integer', () => {
    const [problem] = problemsFor({ title: 'x', budgetLines: [{ item: '物资', amountFen: 10.5 }] });
    expect(problem.message.zh).toBe('budgetLines.0.amountFen 必须是整数');
  });

  it('answers 400 with the first problem in front and all of them in details', () => {
    const { status, body } = toErrorResponse(
      new RequestValidationError(
        problemsFor({ title: 42, budgetLines: [{ item: '很长很长很长很长很长很长', amountFen: 1 }] }),
      ),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'title', message_en: 'title must be a string' });
    expect(body.details?.map((d) => d.field)).toEqual(['title', 'budgetLines.0.item']);
    expect(body.details?.[1].message_zh).toBe('budgetLines.0.item 最多 10 个字符');
  });

  it('lists at most 20 problems and says how many there were in all', () => {
    const problems = problemsFor({ title: 'x', budgetLines: Array.from({ length: 1000 }, () => ({ item: 1 })) });
    const { body } = toErrorResponse(new RequestValidationError(problems));
    expect(problems.length).toBeGreaterThan(1000);
    expect(body.details).toHaveLength(20);
    expect(body.detailsOmitted).toBe(problems.length - 20);
    const [first] = problems;
    expect(body.message_zh).toBe(`${first.message.zh}（共 ${problems.length} 个问题，details 列出前 20 个）`);
    expect(body.message_en).toBe(
      `${first.message.en} (${problems.length} problems in all; details lists the first 20)`,
    );
    expect(JSON.stringify(body).length).toBeLessThan(5000);
  });

  it('keeps the reason a check gave and counts problems it did not collect', () => {
    const { body } = toErrorResponse(
      new RequestValidationError(problemsFor({ title: 7, budgetLines: [] }), { reason: 'MALFORMED_INPUT', total: 30 }),
    );
    expect(body).toMatchObject({ reason: 'MALFORMED_INPUT', detailsOmitted: 29 });
  });
});
