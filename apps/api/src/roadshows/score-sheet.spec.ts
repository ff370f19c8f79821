import { COMPETITION_PRESETS } from '@app/domain';
import { RequestValidationError } from '../common/validation-error';
import { readScoreSheet } from './score-sheet';

const rules = COMPETITION_PRESETS['party-building'];
const NEED = rules.rubric.find((criterion) => criterion.key === 'need') as (typeof rules.rubric)[number];
const valid = {
  criteria: { need: '22.5', design: '21', feasibility: '17.25', participation: '13', sustainability: '12.5' },
  gates: { 'party-leadership': true },
};

function problems(input: Parameters<typeof readScoreSheet>[1]) {
  try {
    readScoreSheet(rules, input);
  } catch (error) {
    if (error instanceof RequestValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the sheet to be refused');
}

describe('reading a judge’s score sheet', () => {
  it('adds the criteria exactly and leaves the gate out of the total', () => {
    const sheet = readScoreSheet(rules, { ...valid, comment: '需求调研扎实' });
    expect(sheet.total).toBe('86.25');
    expect(sheet.gates).toEqual({ 'party-leadership': true });
    expect(sheet.comment).toBe('需求调研扎实');
  });

  it('keeps the marks in rubric order whatever order they came in', () => {
    const reversed = Object.fromEntries(Object.entries(valid.criteria).reverse());
    expect(Object.keys(readScoreSheet(rules, { ...valid, criteria: reversed }).criteria)).toEqual([
      'need',
      'design',
      'feasibility',
      'participation',
      'sustainability',
    ]);
  });

  it('accepts the bounds 0 and the maximum', () => {
    const sheet = readScoreSheet(rules, {
      ...valid,
      criteria: { need: '0', design: '25', feasibility: '20.00', participation: '0.0', sustainability: '15' },
    });
    expect(sheet.total).toBe('60.00');
  });

  it('names the field of an out-of-range mark, and the criterion by its label in both languages', () => {
    const [problem] = problems({ ...valid, criteria: { ...valid.criteria, need: '25.01' } });
    expect(problem).toEqual({
      field: 'criteria.need',
      message: {
        zh: `“${NEED.labelZh}”的分数须在 0 到 25 分之间`,
        en: `the mark for "${NEED.labelEn}" must be between 0 and 25`,
      },
    });
    expect(problems({ ...valid, criteria: { ...valid.criteria, design: '-1' } })[0].field).toBe('criteria.design');
  });

  it('refuses more than 2 decimals', () => {
    const [problem] = problems({ ...valid, criteria: { ...valid.criteria, design: '20.125' } });
    expect(problem.field).toBe('criteria.design');
    expect(problem.message.en).toContain('at most 2 decimal places');
  });

  it('refuses numbers, exponents and text that are not decimal strings', () => {
    expect(problems({ ...valid, criteria: { ...valid.criteria, need: 20 } })[0]).toMatchObject({
      field: 'criteria.need',
      message: { en: `the mark for "${NEED.labelEn}" must be a decimal written as text, such as "18.5"` },
    });
    expect(problems({ ...valid, criteria: { ...valid.criteria, need: '2e1' } })[0].field).toBe('criteria.need');
    expect(problems({ ...valid, criteria: { ...valid.criteria, need: '1; DROP TABLE score' } })[0].field).toBe(
      'criteria.need',
    );
  });

  it('refuses a missing and an unknown criterion, reporting both', () => {
    const { need: _need, ...withoutNeed } = valid.criteria;
    const found = problems({ ...valid, criteria: { ...withoutNeed, creativity: '10' } });
    expect(found.map((p) => p.field)).toEqual(['criteria.need', 'criteria.creativity']);
    expect(found[0].message.zh).toBe(`请为“${NEED.labelZh}”打分`);
    expect(found[1].message.en).toBe('the rubric has no such criterion');
  });

  it('never writes a field name into a message: the field says which one', () => {
    const found = problems({ criteria: { need: '99', creativity: '1' }, gates: { extra: true } });
    for (const problem of found) {
      expect(problem.message.zh).not.toMatch(/criteria|gates|need|creativity|extra/);
      expect(problem.message.en).not.toMatch(/criteria\.|gates\.|creativity|extra/);
    }
  });

  it('needs every gate as true or false and refuses unknown gates', () => {
    expect(problems({ criteria: valid.criteria })[0].field).toBe('gates.party-leadership');
    expect(problems({ ...valid, gates: { 'party-leadership': 'yes' } })[0].field).toBe('gates.party-leadership');
    expect(problems({ ...valid, gates: { 'party-leadership': true, extra: false } })[0].field).toBe('gates.extra');
  });
});
