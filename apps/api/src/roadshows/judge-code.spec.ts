import { JUDGE_CODE_ALPHABET, generateJudgeCode } from './judge-code';

describe('judge sign-in codes', () => {
  it('are 8 characters shown as XXXX-XXXX', () => {
    expect(generateJudgeCode()).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('never contain characters people confuse', () => {
    for (const confusing of ['0', 'O', '1', 'I', 'L']) expect(JUDGE_CODE_ALPHABET).not.toContain(confusing);
    const codes = Array.from({ length: 500 }, generateJudgeCode).join('');
    expect(codes).not.toMatch(/[01OIL]/);
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateJudgeCode));
    expect(codes.size).toBe(1000);
  });
});
