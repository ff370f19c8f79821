import { DomainError, OrganizationErrors } from '@app/domain';

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

/** The refusal of a (normalized) code that is not a valid credit code, or undefined when it is one. */
export function creditCodeProblem(code: string): DomainError | undefined {
  if (code.length !== 18) return OrganizationErrors.creditCodeLength(code.length);
  if (!SHAPE.test(code)) return OrganizationErrors.creditCodeCharacters();
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return OrganizationErrors.creditCodeCheck(expected);
  return undefined;
}
