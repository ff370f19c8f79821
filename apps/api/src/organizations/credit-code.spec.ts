import { creditCodeCheckCharacter, creditCodeProblem, normalizeCreditCode } from './credit-code';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  // Codes as printed on real business licences, and codes built for this test from real
  // 民政 registration prefixes (5 = 民政, 1/2/3 = 社会团体/民办非企业单位/基金会, 440607 = 三水区).
  const valid = [
    '91350100M000100Y43',
    '91110000600037341L',
    '914403001922038216',
    '91310000775785552L',
    '52440607MJL123454K',
    '51440607MJL6789009',
    '53440000MJ0123456N',
    '12440607007000003W',
  ];

  it.each(valid)('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('writes a weighted sum divisible by 31 as the check character 0, not 31', () => {
    expect(creditCodeCheckCharacter('52440607500123426')).toBe('0');
    expect(creditCodeProblem('524406075001234260')).toBeUndefined();
  });

  it('refuses every single-character typo of a valid code', () => {
    const code = '914403001922038216';
    for (let i = 0; i < 18; i += 1) {
      const typo = `${code.slice(0, i)}${code[i] === '1' ? '2' : '1'}${code.slice(i + 1)}`;
      expect(creditCodeProblem(typo)).toBeDefined();
    }
  });

  it('names the expected check character when only the last one is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatchObject({
      reason: 'CREDIT_CODE_CHECK',
      field: 'creditCode',
      messageZh: '统一社会信用代码校验位不正确：第 18 位应为 3，请核对是否输错',
      messageEn: 'the unified social credit code fails its check: the 18th character should be 3; check for a typo',
    });
  });

  it.each([
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y430'],
    ['a letter the charset leaves out (O)', '91350100MO00100Y43'],
    ['a letter in the division code', '9135A100M000100Y43'],
    ['lower case before normalizing', '91110000600037341l'],
  ])('refuses a code that is %s', (_, code) => {
    expect(creditCodeProblem(code)).toBeDefined();
  });

  it('reads a code typed in lower case with spaces as printed', () => {
    expect(normalizeCreditCode(' 9111 0000 6000 3734 1l ')).toBe('91110000600037341L');
  });
});
