import { Role } from '@app/domain';
import { CreateUserUsageError, checkPassword, parseCreateUserArgs } from './create-user.command';

describe('create-user arguments', () => {
  it('reads role, login (lower-cased) and name', () => {
    expect(
      parseCreateUserArgs(['--role', 'office', '--login', 'XiNan-Office', '--name', '西南街道党工委 办公室']),
    ).toEqual({
      role: Role.Office,
      login: 'xinan-office',
      displayName: '西南街道党工委 办公室',
    });
  });

  it.each([
    ['an applicant role', ['--role', 'applicant', '--login', 'abc', '--name', 'x'], '--role'],
    ['a judge role', ['--role', 'judge', '--login', 'abc', '--name', 'x'], '--role'],
    ['a login with a space', ['--role', 'admin', '--login', 'li min', '--name', 'x'], '--login'],
    ['no name', ['--role', 'admin', '--login', 'limin'], '--name'],
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
