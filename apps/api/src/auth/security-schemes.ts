import type { SecuritySchemeObject } from '@nestjs/swagger';
import { Role } from '@app/domain';

/** The ways a caller proves who it is, as the OpenAPI document names them. */
export enum SecurityScheme {
  Session = 'bearer',
  ApiKey = 'api-key',
  Judge = 'judge',
  Evaluator = 'evaluator',
  Voter = 'voter',
  Resident = 'resident',
}

/**
 * Accounts and judges both send `Authorization: Bearer`, but their tokens come from different
 * sign-ins and open different routes, so the document names them apart.
 */
export const SECURITY_SCHEMES: Readonly<Record<SecurityScheme, SecuritySchemeObject>> = {
  [SecurityScheme.Session]: {
    type: 'http',
    scheme: 'bearer',
    description:
      '账号登录令牌：POST /auth/sessions 返回，12 小时有效（办公室、管理员、申报单位）。 / ' +
      'Account token from POST /auth/sessions, valid 12 hours (office, admin, applicant).',
  },
  [SecurityScheme.ApiKey]: {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description:
      'API 密钥：POST /auth/api-keys 创建，权限与创建它的账号相同。 / ' +
      'API key from POST /auth/api-keys; it acts with the role of the account that made it.',
  },
  [SecurityScheme.Judge]: {
    type: 'http',
    scheme: 'bearer',
    description:
      '评委令牌：POST /judge-sessions 凭签到码换取，只对该评委的路演有效，16 小时有效。 / ' +
      'Judge token from POST /judge-sessions (the sign-in code), bound to one roadshow, valid 16 hours.',
  },
  [SecurityScheme.Evaluator]: {
    type: 'http',
    scheme: 'bearer',
    description:
      '评估人令牌：POST /evaluator-sessions 凭评估签到码换取，只对该评估人的评估轮次有效，16 小时有效；' +
      '签到码重新生成后失效。 / Evaluator token from POST /evaluator-sessions (the evaluator’s code), bound to one ' +
      'evaluation round, valid 16 hours; a reissued code ends it.',
  },
  [SecurityScheme.Voter]: {
    type: 'http',
    scheme: 'bearer',
    description:
      '投票人令牌：POST /voter-sessions 凭社区发放的投票码或手机短信验证码换取，只对这一场投票有效，16 小时有效。 / ' +
      'Voter token from POST /voter-sessions (a printed voter code, or a phone confirmed by SMS), bound to one ' +
      'vote round, valid 16 hours.',
  },
  [SecurityScheme.Resident]: {
    type: 'http',
    scheme: 'bearer',
    description:
      '居民令牌：POST /resident-sessions 凭手机短信验证码或社区需求墙上的社区码换取，16 小时有效。 / ' +
      'Resident token from POST /resident-sessions (a phone confirmed by SMS, or the code on a community’s ' +
      'needs wall), valid 16 hours.',
  },
};

/** Which schemes can carry each role: judges, evaluators, voters and residents have neither accounts nor API keys. */
export function securitySchemesOf(roles: readonly Role[]): SecurityScheme[] {
  const schemes: SecurityScheme[] = [];
  if (
    roles.some(
      (role) => role !== Role.Judge && role !== Role.Evaluator && role !== Role.Voter && role !== Role.Resident,
    )
  ) {
    schemes.push(SecurityScheme.Session, SecurityScheme.ApiKey);
  }
  if (roles.includes(Role.Judge)) schemes.push(SecurityScheme.Judge);
  if (roles.includes(Role.Evaluator)) schemes.push(SecurityScheme.Evaluator);
  if (roles.includes(Role.Voter)) schemes.push(SecurityScheme.Voter);
  if (roles.includes(Role.Resident)) schemes.push(SecurityScheme.Resident);
  return schemes;
}
