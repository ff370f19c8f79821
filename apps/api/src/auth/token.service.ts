import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, KeyRing, NamedKey } from '@app/config';
import { ResidentMethod, Role } from '@app/domain';
import { Actor } from './actor';

const USER_TOKEN_SECONDS = 12 * 3600;
/**
 * A roadshow or evaluation day, with margin: a judge or an evaluator must not be signed out mid-session.
 * A voter's token lasts as long, so a resident verified in the morning can vote again in the evening.
 */
export const JUDGE_TOKEN_SECONDS = 16 * 3600;

interface TokenClaims {
  readonly v: 1;
  readonly exp: number;
  /** Milliseconds; absent from tokens issued before accounts could be disabled. */
  readonly iat?: number;
  readonly actor: Actor;
}

/** A verified token: its actor, and when it was issued, which a disabled or reset account's sessions are compared with. */
export interface OpenedToken {
  readonly actor: Actor;
  readonly issuedAt: Date;
}

/**
 * Stateless bearer tokens: `keyId.base64url(claims).base64url(HMAC-SHA256)`, signed with the current
 * session key. The key id is part of what is signed, and a token is accepted while its key is
 * still listed in SESSION_KEYS, so rotating the key signs nobody out before their token expires.
 */
@Injectable()
export class TokenService {
  private readonly keys: KeyRing;

  constructor(config: AppConfig) {
    this.keys = config.auth.sessionKeys;
  }

  issue(actor: Actor, now: Date = new Date()): { token: string; expiresAt: Date } {
    const exp = Math.floor(now.getTime() / 1000) + lifetimeOf(actor);
    const body = Buffer.from(JSON.stringify({ v: 1, exp, iat: now.getTime(), actor } satisfies TokenClaims)).toString(
      'base64url',
    );
    const [key] = this.keys;
    return { token: `${key.id}.${body}.${sign(key, body)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The actor, or undefined for a forged, malformed or expired token, or one whose key is no longer listed. */
  verify(token: string, now: Date = new Date()): Actor | undefined {
    return this.open(token, now)?.actor;
  }

  open(token: string, now: Date = new Date()): OpenedToken | undefined {
    const [keyId, body, signature, extra] = token.split('.');
    if (!keyId || !body || !signature || extra !== undefined) return undefined;
    const key = this.keys.find((candidate) => candidate.id === keyId);
    if (!key) return undefined;
    const expected = Buffer.from(sign(key, body));
    const actual = Buffer.from(signature);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
      if (claims.v !== 1 || claims.exp * 1000 <= now.getTime()) return undefined;
      if (!isActor(claims.actor)) return undefined;
      const issuedAt = claims.iat ?? (claims.exp - lifetimeOf(claims.actor)) * 1000;
      return { actor: claims.actor, issuedAt: new Date(issuedAt) };
    } catch {
      return undefined;
    }
  }
}

function lifetimeOf(actor: Actor): number {
  return actor.kind === 'user' ? USER_TOKEN_SECONDS : JUDGE_TOKEN_SECONDS;
}

function sign(key: NamedKey, body: string): string {
  return createHmac('sha256', key.secret).update(`session:${key.id}.${body}`).digest('base64url');
}

function isActor(value: unknown): value is Actor {
  if (value === null || typeof value !== 'object') return false;
  const actor = value as Record<string, unknown>;
  if (actor.kind === 'judge') {
    return (
      actor.role === Role.Judge &&
      typeof actor.judgeId === 'string' &&
      typeof actor.roadshowId === 'string' &&
      typeof actor.sessionId === 'string'
    );
  }
  if (actor.kind === 'evaluator') {
    return (
      actor.role === Role.Evaluator &&
      typeof actor.evaluatorId === 'string' &&
      typeof actor.roundId === 'string' &&
      typeof actor.codeIssuedAt === 'string'
    );
  }
  if (actor.kind === 'voter') {
    return actor.role === Role.Voter && typeof actor.voterId === 'string' && typeof actor.roundId === 'string';
  }
  if (actor.kind === 'resident') {
    return (
      actor.role === Role.Resident &&
      typeof actor.residentId === 'string' &&
      (actor.method === ResidentMethod.Phone || actor.method === ResidentMethod.Code) &&
      (actor.communityId === null || typeof actor.communityId === 'string')
    );
  }
  if (actor.kind !== 'user' || typeof actor.userId !== 'string') return false;
  if (actor.role === Role.Applicant) return typeof actor.organizationId === 'string';
  if (actor.role === Role.Office) return typeof actor.tenantId === 'string';
  return actor.role === Role.Admin;
}
