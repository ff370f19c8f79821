import { randomInt } from 'node:crypto';
import { CredentialDigestService, KeyedDigest } from '../auth/credential-digest.service';

/** No 0/O, 1/I/L: a judge reads the code off a slip of paper and types it on a tablet. */
export const JUDGE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A fresh sign-in code shown as XXXX-XXXX: 31^8 ≈ 8.5 × 10^11 codes, drawn with a uniform
 * cryptographic generator, so guessing is hopeless even before the rate limit.
 */
export function generateJudgeCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += JUDGE_CODE_ALPHABET[randomInt(JUDGE_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The digest a new judge's code is stored under. */
export function judgeCodeDigest(digests: CredentialDigestService, code: string): KeyedDigest {
  return digests.current('judge-code', typed(code));
}

/** Every digest a code as typed may be stored under, one per listed credential key. */
export function judgeCodeCandidates(digests: CredentialDigestService, code: string): KeyedDigest[] {
  return digests.candidates('judge-code', typed(code));
}

/** Codes are typed by people: case and separators do not matter. */
function typed(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
