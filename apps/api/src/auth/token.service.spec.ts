import { AppConfig, KeyRing } from '@app/config';
import { Role } from '@app/domain';
import { Actor } from './actor';
import { hashPassword, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

const older = { id: 'k2025', secret: 'a'.repeat(40) };
const newer = { id: 'k2026', secret: 'b'.repeat(40) };
const judge: Actor = { kind: 'judge', role: Role.Judge, judgeId: 'j-1', roadshowId: 'r-1', sessionId: 's-1' };

function tokensWith(...sessionKeys: KeyRing): TokenService {
  return new TokenService({ auth: { sessionKeys } } as AppConfig);
}

describe('TokenService', () => {
  const tokens = tokensWith(older);

  it('gives back the actor it signed, naming the key that signed it', () => {
    const { token } = tokens.issue(judge);
    expect(token.split('.')[0]).toBe('k2025');
    expect(tokens.verify(token)).toEqual(judge);
  });

  it('says when a token was issued, so sessions ended after it can be refused', () => {
    const issued = new Date('2026-05-20T01:02:03.456Z');
    const { token } = tokens.issue(judge, issued);
    expect(tokens.open(token, issued)).toEqual({ actor: judge, issuedAt: issued });
  });

  it('signs with the first key and still accepts a token of a retired key while it is listed', () => {
    const rotated = tokensWith(newer, older);
    expect(rotated.verify(tokens.issue(judge).token)).toEqual(judge);
    const fresh = rotated.issue(judge).token;
    expect(fresh.split('.')[0]).toBe('k2026');
    expect(tokens.verify(fresh)).toBeUndefined();
  });

  it('refuses a token once its key is no longer listed', () => {
    expect(tokensWith(newer).verify(tokens.issue(judge).token)).toBeUndefined();
  });

  it('refuses a token whose claims were edited', () => {
    const { token } = tokens.issue({ kind: 'user', userId: 'u-1', role: Role.Applicant, organizationId: 'o-1' });
    const [keyId, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { actor: { role: string } };
    claims.actor.role = Role.Office;
    const forged = `${keyId}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(tokens.verify(forged)).toBeUndefined();
  });

  it('refuses a correctly signed applicant token that names no organization', () => {
    // An applicant acts only for its own organization; without one, nothing scopes its reads.
    const orphan = { kind: 'user', userId: 'u-2', role: Role.Applicant } as unknown as Actor;
    expect(tokens.verify(tokens.issue(orphan).token)).toBeUndefined();
    const { token } = tokens.issue({ kind: 'user', userId: 'u-2', role: Role.Applicant, organizationId: 'o-2' });
    expect(tokens.verify(token)).toMatchObject({ organizationId: 'o-2' });
  });

  it('refuses a token relabelled with another listed key id, or an unknown one', () => {
    const both = tokensWith(newer, older);
    const [, body, signature] = tokens.issue(judge).token.split('.');
    expect(both.verify(`k2026.${body}.${signature}`)).toBeUndefined();
    expect(both.verify(`k1999.${body}.${signature}`)).toBeUndefined();
    expect(both.verify(`${body}.${signature}`)).toBeUndefined();
  });

  it('refuses a token signed with another secret under the same key id', () => {
    const impostor = tokensWith({ id: 'k2025', secret: 'c'.repeat(40) });
    expect(tokens.verify(impostor.issue(judge).token)).toBeUndefined();
  });

  it('refuses an expired token', () => {
    const { token, expiresAt } = tokens.issue(judge, new Date('2026-11-22T08:00:00Z'));
    expect(tokens.verify(token, new Date(expiresAt.getTime() - 1000))).toEqual(judge);
    expect(tokens.verify(token, expiresAt)).toBeUndefined();
  });
});

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('社区公益 2026');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('社区公益 2026', stored)).toBe(true);
    expect(await verifyPassword('社区公益 2027', stored)).toBe(false);
  });
});
