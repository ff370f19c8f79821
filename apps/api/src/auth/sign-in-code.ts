import { randomInt } from 'node:crypto';
import { CredentialDigestService, CredentialKind, KeyedDigest } from './credential-digest.service';

/** No 0/O, 1/I/L: a judge, an evaluator or a resident reads the code off a slip of paper and types it. */
export const SIGN_IN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Who signs in with a one-time code. Part of what is keyed, so a judge's code never opens an evaluator's round. */
export type SignInCodeKind = Extract<
  CredentialKind,
  'judge-code' | 'evaluator-code' | 'voter-code' | 'needs-wall-code'
>;

/**
 * A fresh sign-in code shown as XXXX-XXXX: 31^8 ≈ 8.5 × 10^11 codes, drawn with a uniform
 * cryptographic generator, so guessing is hopeless even before the rate limit.
 */
export function generateSignInCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += SIGN_IN_CODE_ALPHABET[randomInt(SIGN_IN_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The digest a new code is stored under. */
export function signInCodeDigest(digests: CredentialDigestService, kind: SignInCodeKind, code: string): KeyedDigest {
  return digests.current(kind, typed(code));
}

/** Every digest a code as typed may be stored under, one per listed credential key. */
export function signInCodeCandidates(
  digests: CredentialDigestService,
  kind: SignInCodeKind,
  code: string,
): KeyedDigest[] {
  return digests.candidates(kind, typed(code));
}

/** Codes are typed by people: case and separators do not matter. */
function typed(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
