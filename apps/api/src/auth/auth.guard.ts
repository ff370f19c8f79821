import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import {
  AdminErrors,
  ApiKeyScope,
  AuthErrors,
  EvaluationErrors,
  Role,
  RoadshowErrors,
  TenantErrors,
} from '@app/domain';
import { ApiKey, AppUser, PLATFORM_SCOPE, setTenantScope } from '@app/persistence';
import { ACCESS_KEY, API_KEY_SCOPE_KEY, Access } from './access.decorator';
import { Actor } from './actor';
import { userActorOf } from './auth.service';
import { CredentialDigestService } from './credential-digest.service';
import { AuthenticatedRequest } from './current-actor.decorator';
import { EvaluatorSessionRepository } from './evaluator-session.repository';
import { JudgeSessionRepository } from './judge-session.repository';
import { TenantScopesRepository } from './tenant-scopes.repository';
import { TokenService } from './token.service';

const READS = new Set(['GET', 'HEAD']);

/**
 * Global and deny-by-default: a route is reachable only if it declares @Public or @Allow, and an
 * @Allow route only for the roles it names. Which rows an admitted actor may see is the service's
 * check; this guard answers "may this role call this route at all".
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly digests: CredentialDigestService,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    @InjectRepository(AppUser) private readonly users: Repository<AppUser>,
    private readonly judgeSessions: JudgeSessionRepository,
    private readonly evaluatorSessions: EvaluatorSessionRepository,
    private readonly tenantScopes: TenantScopesRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // The request began seeing no office's rows; from here on it sees what its caller may.
    if (access && 'public' in access) {
      setTenantScope(PLATFORM_SCOPE);
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(request);
    if (!actor) throw AuthErrors.signInRequired();
    if (!access || !access.roles.includes(actor.role)) throw AuthErrors.roleNotAllowed();
    if (actor.kind === 'user' && actor.role === Role.Office && actor.scopes) {
      const scope = this.reflector.get<ApiKeyScope | undefined>(API_KEY_SCOPE_KEY, context.getHandler());
      if (!scope || !actor.scopes.includes(scope)) throw AdminErrors.apiKeyScopeMissing(scope ?? '—');
    }
    const scope = await this.tenantScopes.scopeOf(actor);
    setTenantScope(scope);
    // A district office sees its streets' data; it changes only its own.
    if (scope.visible !== 'all' && scope.visible.length > 1 && !READS.has(request.method)) {
      const target = await this.tenantScopes.tenantOfTarget(request.url);
      if (target !== undefined && target !== scope.tenantId) throw TenantErrors.readOnly();
    }
    // A judge's token is good only while its sign-in is: a reissued code or a removed judge ends it.
    if (actor.kind === 'judge') {
      const tenantId = await this.judgeSessions.touch(actor.sessionId, actor.judgeId);
      if (tenantId === undefined) throw RoadshowErrors.judgeSessionEnded();
      // The judge's scores belong to its roadshow's office.
      setTenantScope({ tenantId, visible: 'all' });
    }
    if (
      actor.kind === 'evaluator' &&
      !(await this.evaluatorSessions.live(actor.evaluatorId, actor.roundId, actor.codeIssuedAt))
    ) {
      throw EvaluationErrors.evaluatorSessionEnded();
    }
    request.actor = actor;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Actor | undefined> {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const opened = this.tokens.open(header.slice('Bearer '.length).trim());
      if (opened?.actor.kind !== 'user') return opened?.actor;
      // One look-up by primary key for accounts only (judges' score posts pay nothing): a disabled or
      // reset account's stateless tokens are refused on their next request.
      const user = await this.users.findOneBy({ id: opened.actor.userId });
      if (!user || user.disabledAt || (user.sessionsValidAfter && opened.issuedAt < user.sessionsValidAfter)) {
        throw AdminErrors.accountDisabled();
      }
      return opened.actor;
    }
    const key = request.headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      const apiKey = await this.apiKeys.findOneBy(
        this.digests
          .candidates('api-key', key)
          .map(({ keyId, digest }) => ({ digestKeyId: keyId, keyHash: digest, revokedAt: IsNull() })),
      );
      if (!apiKey) return undefined;
      // An office's scoped key acts for the office and outlives the account of whoever made it.
      if (apiKey.scopes && apiKey.tenantId) {
        return {
          kind: 'user',
          userId: apiKey.userId,
          role: Role.Office,
          tenantId: apiKey.tenantId,
          scopes: apiKey.scopes,
        };
      }
      const user = await this.users.findOneBy({ id: apiKey.userId });
      if (!user) return undefined;
      if (user.disabledAt) throw AdminErrors.accountDisabled();
      return userActorOf(user);
    }
    return undefined;
  }
}
