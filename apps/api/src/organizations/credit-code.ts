import { BilingualMessage } from '@app/domain';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I, O, Z, S, V),
 * the 3rd–8th being the administrative division code, the 18th a check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The check character for the first 17 characters: C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('expected the first 17 characters of a credit code');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`not a credit code character: ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Upper-case without spaces: how the code is printed on a certificate and how it is stored. */
export function normalizeCreditCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** Why a (normalized) code is not a valid credit code, or undefined when it is. */
export function creditCodeProblem(code: string): BilingualMessage | undefined {
  if (code.length !== 18) {
    return {
      zh: `统一社会信用代码应为 18 位，实际 ${code.length} 位`,
      en: `a unified social credit code has 18 characters, not ${code.length}`,
    };
  }
  if (!SHAPE.test(code)) {
    return {
      zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V，第 3–8 位为行政区划数字）',
      en: 'the unified social credit code has characters it cannot contain (no I, O, Z, S, V; characters 3–8 are digits)',
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      zh: `统一社会信用代码校验位不正确：第 18 位应为 ${expected}，请核对是否输错`,
      en: `the unified social credit code fails its check: the 18th character should be ${expected}; check for a typo`,
    };
  }
  return undefined;
}
