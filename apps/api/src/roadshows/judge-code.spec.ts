import { AppConfig, KeyRing } from '@app/config';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { JUDGE_CODE_ALPHABET, generateJudgeCode, judgeCodeCandidates, judgeCodeDigest } from './judge-code';

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

  it('are found however they are typed, and only as typed', () => {
    const credentialKeys: KeyRing = [{ id: 'c1', secret: 'c'.repeat(40) }];
    const digests = new CredentialDigestService({ auth: { credentialKeys } } as AppConfig);
    const stored = judgeCodeDigest(digests, 'AB7K-9M2X');
    expect(judgeCodeCandidates(digests, ' ab7k 9m2x')).toEqual([stored]);
    expect(judgeCodeCandidates(digests, 'AB7K9M2X')).toEqual([stored]);
    expect(judgeCodeCandidates(digests, 'AB7K-9M2Y')).not.toContainEqual(stored);
  });
});
