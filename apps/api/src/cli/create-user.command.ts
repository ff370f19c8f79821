import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { AppUser, AuditEvent, AuditRepository, Tenant } from '@app/persistence';
import { LOGIN_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, normalizeLogin } from '../auth/credentials';
import { hashPassword } from '../auth/password-hasher';
import { isUniqueViolation } from '../common/unique-violation';

export const CREATE_USER_USAGE = `用法 / usage: npm run --silent create-user -- --role office|admin --login LOGIN --name NAME [--tenant TENANT_ID]
  密码从标准输入读取（第一行）；在终端中运行时会提示输入且不回显。
  The password is read from stdin (first line); on a terminal it is prompted for without echo.
  办公室账号默认属于默认办公室；--tenant 指定所属单位。
  An office account belongs to the default office unless --tenant names its office.
  Applicants register themselves through POST /organizations.`;

/** A problem with how the command was called: printed with the usage, exit code 2. */
export class CreateUserUsageError extends Error {
  constructor(
    readonly zh: string,
    en: string,
  ) {
    super(en);
    this.name = 'CreateUserUsageError';
  }
}

export interface CreateUserInput {
  readonly role: Role.Office | Role.Admin;
  readonly login: string;
  readonly displayName: string;
  /** The office an office account runs; none for an admin. */
  readonly tenantId: string | null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseCreateUserArgs(argv: readonly string[]): CreateUserInput {
  let values: { role?: string; login?: string; name?: string; tenant?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        role: { type: 'string' },
        login: { type: 'string' },
        name: { type: 'string' },
        tenant: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CreateUserUsageError('参数无法识别', error instanceof Error ? error.message : String(error));
  }
  if (values.role !== Role.Office && values.role !== Role.Admin) {
    throw new CreateUserUsageError('--role 必须是 office 或 admin', '--role must be office or admin');
  }
  const login = normalizeLogin(values.login ?? '');
  if (!LOGIN_PATTERN.test(login)) {
    throw new CreateUserUsageError(
      '--login 须为 3–64 位小写字母、数字或 . _ @ -',
      '--login must be 3–64 of a-z 0-9 . _ @ -',
    );
  }
  const displayName = (values.name ?? '').trim();
  if (displayName.length === 0 || [...displayName].length > 50) {
    throw new CreateUserUsageError('--name 必填，最多 50 个字符', '--name is required, at most 50 characters');
  }
  if (values.tenant !== undefined && values.role !== Role.Office) {
    throw new CreateUserUsageError('只有办公室账号可以指定 --tenant', 'only an office account takes --tenant');
  }
  const tenantId = values.tenant?.trim().toLowerCase();
  if (tenantId !== undefined && !UUID_PATTERN.test(tenantId)) {
    throw new CreateUserUsageError('--tenant 须为单位编号（UUID）', '--tenant must be an office id (a UUID)');
  }
  return {
    role: values.role,
    login,
    displayName,
    tenantId: values.role === Role.Office ? (tenantId ?? DEFAULT_TENANT_ID) : null,
  };
}

export function checkPassword(password: string): string {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new CreateUserUsageError(
      `密码须为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符`,
      `the password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`,
    );
  }
  return password;
}

/** Creates the account and its audit row in one transaction; refuses a login that exists. */
export async function createUserAccount(
  dataSource: DataSource,
  input: CreateUserInput,
  password: string,
): Promise<AppUser> {
  const passwordHash = await hashPassword(checkPassword(password));
  try {
    return await dataSource.transaction(async (manager) => {
      if (input.tenantId && !(await manager.getRepository(Tenant).existsBy({ id: input.tenantId }))) {
        throw new CreateUserUsageError(`未找到单位 ${input.tenantId}`, `no office ${input.tenantId}`);
      }
      const user = await manager.getRepository(AppUser).save({
        role: input.role,
        login: input.login,
        displayName: input.displayName,
        passwordHash,
        organizationId: null,
        tenantId: input.tenantId,
      });
      await new AuditRepository(dataSource.getRepository(AuditEvent)).record(
        {
          actorType: 'system',
          action: 'user.create',
          subjectType: 'user',
          subjectId: user.id,
          after: {
            role: user.role,
            login: user.login,
            displayName: user.displayName,
            tenantId: user.tenantId,
            via: 'cli',
          },
        },
        manager,
      );
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'app_user_login_key')) {
      throw new CreateUserUsageError(`登录名 ${input.login} 已存在`, `the login ${input.login} already exists`);
    }
    throw error;
  }
}
