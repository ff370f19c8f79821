import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AdminErrors, AuthErrors, Role } from '@app/domain';
import { ApiKey, AppUser, AuditRepository } from '@app/persistence';
import { Actor, UserActor } from './actor';
import { issueApiKey, revokeApiKey } from './api-keys';
import { CredentialDigestService } from './credential-digest.service';
import { normalizeLogin } from './credentials';
import { ApiKeyResponseDto, CreateApiKeyDto, CreatedApiKeyResponseDto, toApiKeyResponse } from './dto/api-key.dto';
import { CreateSessionDto, SessionResponseDto } from './dto/session.dto';
import { UserResponseDto, toUserResponse } from './dto/user.dto';
import { hashPassword, verifyPassword } from './password-hasher';
import { SignInThrottleService } from './sign-in-throttle.service';
import { TokenService } from './token.service';

export function userActorOf(user: AppUser): UserActor {
  if (user.role === Role.Applicant) {
    if (!user.organizationId) throw new Error(`applicant ${user.id} has no organization`);
    return { kind: 'user', userId: user.id, role: Role.Applicant, organizationId: user.organizationId };
  }
  if (user.role === Role.Office) {
    if (!user.tenantId) throw new Error(`office account ${user.id} has no tenant`);
    return { kind: 'user', userId: user.id, role: Role.Office, tenantId: user.tenantId };
  }
  return { kind: 'user', userId: user.id, role: Role.Admin };
}

function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw AuthErrors.judgeNotAllowed();
  return actor;
}

@Injectable()
export class AuthService {
  /** Verified against when the login is unknown, so both refusals take as long as a real check. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AppUser) private readonly users: Repository<AppUser>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly audit: AuditRepository,
    private readonly tokens: TokenService,
    private readonly digests: CredentialDigestService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async signIn(dto: CreateSessionDto): Promise<SessionResponseDto> {
    const login = normalizeLogin(dto.login);
    await this.throttle.assertAllowed(login);
    const user = await this.users.findOneBy({ login });
    this.decoyHash ??= hashPassword(randomBytes(16).toString('base64'));
    const matches = await verifyPassword(dto.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !matches) {
      await this.throttle.recordFailure(login);
      throw AuthErrors.wrongCredentials();
    }
    await this.throttle.reset(login);
    if (user.disabledAt) throw AdminErrors.accountDisabled();
    const actor = userActorOf(user);
    const { token, expiresAt } = this.tokens.issue(actor);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      userId: user.id,
      role: user.role,
      displayName: user.displayName,
      organizationId: actor.role === Role.Applicant ? actor.organizationId : undefined,
    };
  }

  async me(actor: Actor): Promise<UserResponseDto> {
    const user = await this.users.findOneBy({ id: requireUser(actor).userId });
    if (!user) throw AuthErrors.accountGone();
    return toUserResponse(user);
  }

  async listApiKeys(actor: Actor): Promise<ApiKeyResponseDto[]> {
    const keys = await this.apiKeys.find({
      where: { userId: requireUser(actor).userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return keys.map(toApiKeyResponse);
  }

  async createApiKey(actor: Actor, dto: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const user = requireUser(actor);
    const { userId } = user;
    const { saved, key } = await this.dataSource.transaction(async (manager) => {
      // Serializes one user's key creations so the cap cannot be raced past.
      await manager.getRepository(AppUser).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      // Listed under the office too, which sees every key that can act for it.
      const tenantId = user.role === Role.Office ? user.tenantId : null;
      return issueApiKey(
        manager,
        this.audit,
        this.digests,
        actor,
        { userId, tenantId, scopes: null, name: dto.name },
        {
          userId,
        },
      );
    });
    return { ...toApiKeyResponse(saved), key };
  }

  /** Idempotent: revoking a key that is already revoked changes nothing and succeeds. */
  async revokeApiKey(actor: Actor, id: string): Promise<void> {
    const { userId } = requireUser(actor);
    await this.dataSource.transaction(async (manager) => {
      // Another user's key answers exactly like a missing one, so ids reveal nothing.
      await revokeApiKey(manager, this.audit, actor, { id, userId });
    });
  }
}
