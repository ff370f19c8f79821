import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Role } from '@app/domain';
import { Actor } from './actor';

const USER_TOKEN_SECONDS = 12 * 3600;
/** A roadshow day, with margin: a judge must not be signed out mid-session. */
const JUDGE_TOKEN_SECONDS = 16 * 3600;

interface TokenClaims {
  readonly v: 1;
  readonly exp: number;
  readonly actor: Actor;
}

/**
 * Stateless bearer tokens: base64url(claims).base64url(HMAC-SHA256). Also derives the lookup
 * digest of judge codes and API keys, so neither is stored in clear.
 */
@Injectable()
export class TokenService {
  private readonly secret: string;

  constructor(config: AppConfig) {
    this.secret = config.auth.secret;
  }

  issue(actor: Actor, now: Date = new Date()): { token: string; expiresAt: Date } {
    const lifetime = actor.kind === 'judge' ? JUDGE_TOKEN_SECONDS : USER_TOKEN_SECONDS;
    const exp = Math.floor(now.getTime() / 1000) + lifetime;
    const body = Buffer.from(JSON.stringify({ v: 1, exp, actor } satisfies TokenClaims)).toString('base64url');
    return { token: `${body}.${this.sign(`token:${body}`)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The actor, or undefined for a forged, malformed or expired token. */
  verify(token: string, now: Date = new Date()): Actor | undefined {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(`token:${body}`));
    const actual = Buffer.from(signature);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
      if (claims.v !== 1 || claims.exp * 1000 <= now.getTime()) return undefined;
      return isActor(claims.actor) ? claims.actor : undefined;
    } catch {
      return undefined;
    }
  }

  /** Judge codes are typed by people: case and separators do not matter. */
  judgeCodeDigest(code: string): string {
    return this.sign(`judge-code:${code.toUpperCase().replace(/[\s-]/g, '')}`);
  }

  apiKeyDigest(key: string): string {
    return this.sign(`api-key:${key}`);
  }

  private sign(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url');
  }
}

function isActor(value: unknown): value is Actor {
  if (value === null || typeof value !== 'object') return false;
  const actor = value as Record<string, unknown>;
  if (actor.kind === 'judge') {
    return actor.role === Role.Judge && typeof actor.judgeId === 'string' && typeof actor.roadshowId === 'string';
  }
  if (actor.kind !== 'user' || typeof actor.userId !== 'string') return false;
  if (actor.role === Role.Applicant) return typeof actor.organizationId === 'string';
  return actor.role === Role.Office || actor.role === Role.Admin;
}
