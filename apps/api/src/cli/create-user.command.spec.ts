import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { CreateUserUsageError, checkPassword, parseCreateUserArgs } from './create-user.command';

describe('create-user arguments', () => {
  it('reads role, login (lower-cased) and name', () => {
    expect(
      parseCreateUserArgs(['--role', 'office', '--login', 'XiNan-Office', '--name', '西南街道党工委 办公室']),
    ).toEqual({
      role: Role.Office,
      login: 'xinan-office',
      displayName: '西南街道党工委 办公室',
      tenantId: DEFAULT_TENANT_ID,
    });
  });

  it('puts an office account in the office --tenant names, and an admin in none', () => {
    const tenant = '5A7D3C1E-9B2F-4E6A-8C0D-1F2E3A4B5C6D';
    expect(
      parseCreateUserArgs(['--role', 'office', '--login', 'xinan', '--name', '西南', '--tenant', tenant]),
    ).toMatchObject({ tenantId: tenant.toLowerCase() });
    expect(parseCreateUserArgs(['--role', 'admin', '--login', 'quzhang', '--name', '区管理员'])).toMatchObject({
      tenantId: null,
    });
  });

  it.each([
    ['an applicant role', ['--role', 'applicant', '--login', 'abc', '--name', 'x'], '--role'],
    ['a judge role', ['--role', 'judge', '--login', 'abc', '--name', 'x'], '--role'],
    ['a login with a space', ['--role', 'admin', '--login', 'li min', '--name', 'x'], '--login'],
    ['no name', ['--role', 'admin', '--login', 'limin'], '--name'],
    ['a tenant that is no id', ['--role', 'office', '--login', 'limin', '--name', 'x', '--tenant', '西南'], '--tenant'],
    [
      'a tenant for an admin',
      ['--role', 'admin', '--login', 'limin', '--name', 'x', '--tenant', DEFAULT_TENANT_ID],
      '--tenant',
    ],
    [
      'a password on the command line',
      ['--role', 'admin', '--login', 'limin', '--name', 'x', '--password', 'p'],
      '--password',
    ],
  ])('refuses %s', (_, argv, flag) => {
    expect(() => parseCreateUserArgs(argv)).toThrow(CreateUserUsageError);
    expect(() => parseCreateUserArgs(argv)).toThrow(flag);
  });

  it('refuses a password shorter than 10 characters, counting Chinese characters as one each', () => {
    expect(() => checkPassword('短密码')).toThrow(CreateUserUsageError);
    expect(checkPassword('公益创投大赛办公室密码')).toBe('公益创投大赛办公室密码');
  });
});
