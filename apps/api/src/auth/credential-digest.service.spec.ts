import { AppConfig, KeyRing } from '@app/config';
import { CredentialDigestService } from './credential-digest.service';

const legacy = { id: 'legacy', secret: '0123456789abcdef'.repeat(4) };
const current = { id: 'c2026', secret: 'f'.repeat(64) };
const apiKey = 'gyk_Q2hpbmEgcHVibGljIGJlbmVmaXQgdmVudHVyZQ';

function digestsWith(...credentialKeys: KeyRing): CredentialDigestService {
  return new CredentialDigestService({ auth: { credentialKeys } } as AppConfig);
}

describe('CredentialDigestService', () => {
  it('keys new credentials with the first key and names it', () => {
    const made = digestsWith(current, legacy).current('api-key', apiKey);
    expect(made.keyId).toBe('c2026');
    expect(made.digest).not.toContain(apiKey.slice(4));
  });

  it('offers one candidate per listed key, so a credential made under an older key is still found', () => {
    const made = digestsWith(legacy).current('api-key', apiKey);
    const candidates = digestsWith(current, legacy).candidates('api-key', apiKey);
    expect(candidates.map((candidate) => candidate.keyId)).toEqual(['c2026', 'legacy']);
    expect(candidates).toContainEqual(made);
    expect(digestsWith(current).candidates('api-key', apiKey)).not.toContainEqual(made);
  });

  it('finds digests stored before keys had ids when the old secret is listed', () => {
    // Made by the single-secret version from this secret; such rows are migrated with the id `legacy`.
    const digests = digestsWith(current, legacy);
    expect(digests.candidates('api-key', apiKey)).toContainEqual({
      keyId: 'legacy',
      digest: 'jYc5l3_VNmkUVLVozlBCAkw1CUq59pW8KSv34Lt6_zA',
    });
    expect(digests.candidates('judge-code', 'AB7K9M2X')).toContainEqual({
      keyId: 'legacy',
      digest: 'qM3-zssZUs5xD-wo1ggMdY_xjVT9YDwFRB2S-MV5tJ8',
    });
  });

  it('gives the same text a different digest as an API key and as a judge code', () => {
    const digests = digestsWith(current);
    expect(digests.current('api-key', 'AB7K9M2X').digest).not.toBe(digests.current('judge-code', 'AB7K9M2X').digest);
  });
});
