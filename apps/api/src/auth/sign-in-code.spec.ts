import { AppConfig, KeyRing } from '@app/config';
import { CredentialDigestService } from './credential-digest.service';
import { SIGN_IN_CODE_ALPHABET, generateSignInCode, signInCodeCandidates, signInCodeDigest } from './sign-in-code';

describe('sign-in codes', () => {
  it('are 8 characters shown as XXXX-XXXX', () => {
    expect(generateSignInCode()).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('never contain characters people confuse', () => {
    for (const confusing of ['0', 'O', '1', 'I', 'L']) expect(SIGN_IN_CODE_ALPHABET).not.toContain(confusing);
    const codes = Array.from({ length: 500 }, generateSignInCode).join('');
    expect(codes).not.toMatch(/[01OIL]/);
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateSignInCode));
    expect(codes.size).toBe(1000);
  });

  it('are found however they are typed, and only as typed', () => {
    const credentialKeys: KeyRing = [{ id: 'c1', secret: 'c'.repeat(40) }];
    const digests = new CredentialDigestService({ auth: { credentialKeys } } as AppConfig);
    const stored = signInCodeDigest(digests, 'judge-code', 'AB7K-9M2X');
    expect(signInCodeCandidates(digests, 'judge-code', ' ab7k 9m2x')).toEqual([stored]);
    expect(signInCodeCandidates(digests, 'judge-code', 'AB7K9M2X')).toEqual([stored]);
    expect(signInCodeCandidates(digests, 'judge-code', 'AB7K-9M2Y')).not.toContainEqual(stored);
  });

  it('of a judge never match the same code of an evaluator', () => {
    const credentialKeys: KeyRing = [{ id: 'c1', secret: 'c'.repeat(40) }];
    const digests = new CredentialDigestService({ auth: { credentialKeys } } as AppConfig);
    expect(signInCodeCandidates(digests, 'evaluator-code', 'AB7K-9M2X')).not.toContainEqual(
      signInCodeDigest(digests, 'judge-code', 'AB7K-9M2X'),
    );
  });
});
