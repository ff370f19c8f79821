import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey, AppUser, PersistenceModule } from '@app/persistence';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CredentialDigestService } from './credential-digest.service';
import { EvaluatorSessionRepository } from './evaluator-session.repository';
import { JudgeSessionRepository } from './judge-session.repository';
import { SignInThrottleService } from './sign-in-throttle.service';
import { TenantScopesRepository } from './tenant-scopes.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [PersistenceModule, TypeOrmModule.forFeature([ApiKey, AppUser])],
  controllers: [AuthController],
  providers: [
    TokenService,
    CredentialDigestService,
    AuthService,
    SignInThrottleService,
    JudgeSessionRepository,
    EvaluatorSessionRepository,
    TenantScopesRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, CredentialDigestService, JudgeSessionRepository],
})
export class AuthModule {}
