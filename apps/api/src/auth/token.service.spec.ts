import { AppConfig } from '@app/config';
import { Role } from '@app/domain';
import { Actor } from './actor';
import { hashPassword, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

const config = { auth: { secret: 'a'.repeat(40) } } as AppConfig;
const judge: Actor = { kind: 'judge', role: Role.Judge, judgeId: 'j-1', roadshowId: 'r-1' };

describe('TokenService', () => {
  const tokens = new TokenService(config);

  it('gives back the actor it signed', () => {
    expect(tokens.verify(tokens.issue(judge).token)).toEqual(judge);
  });

  it('refuses a token whose claims were edited', () => {
    const { token } = tokens.issue({ kind: 'user', userId: 'u-1', role: Role.Applicant, organizationId: 'o-1' });
    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { actor: { role: string } };
    claims.actor.role = Role.Office;
    const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(tokens.verify(forged)).toBeUndefined();
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenService({ auth: { secret: 'b'.repeat(40) } } as AppConfig);
    expect(tokens.verify(other.issue(judge).token)).toBeUndefined();
  });

  it('refuses an expired token', () => {
    const { token, expiresAt } = tokens.issue(judge, new Date('2026-11-22T08:00:00Z'));
    expect(tokens.verify(token, new Date(expiresAt.getTime() - 1000))).toEqual(judge);
    expect(tokens.verify(token, expiresAt)).toBeUndefined();
  });

  it('reads a judge code the same way however it is typed', () => {
    expect(tokens.judgeCodeDigest('ab7k-9m2x')).toBe(tokens.judgeCodeDigest('AB7K9M2X'));
    expect(tokens.judgeCodeDigest('AB7K9M2X')).not.toBe(tokens.judgeCodeDigest('AB7K9M2Y'));
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
