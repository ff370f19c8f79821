import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { parseKeyRing } from './key-ring';
import { parseTrustProxy } from './trust-proxy';

function IsConnectionUrl(protocols: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isConnectionUrl',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol) && url.hostname !== '';
          } catch {
            return false;
          }
        },
        defaultMessage: () => `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      },
    },
    options,
  );
}

function IsKeyRing(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKeyRing',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && 'ring' in parseKeyRing(value),
        defaultMessage: (args) => {
          const parsed = typeof args?.value === 'string' ? parseKeyRing(args.value) : undefined;
          return parsed && 'problem' in parsed ? parsed.problem : 'must be text';
        },
      },
    },
    options,
  );
}

function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxy',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !('problem' in parseTrustProxy(value)),
        defaultMessage: (args) => {
          const parsed = typeof args?.value === 'string' ? parseTrustProxy(args.value) : undefined;
          return parsed && 'problem' in parsed ? parsed.problem : 'must be text';
        },
      },
    },
    options,
  );
}

const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** A whole number in the environment (text there) within [min, max]. */
function IntegerSetting(min: number, max: number): PropertyDecorator {
  // Applied last to first, as stacked decorators are, so problems are reported in the same order.
  const decorators = [Transform(toInteger), IsInt(), Min(min), Max(max)].reverse();
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * Every variable the processes read, with its default. The only place that knows the names of
 * environment variables; validated once at boot by loadConfig().
 */
export class EnvironmentSchema {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  /**
   * The database, as the role that owns its tables and applies the migrations. The API and the
   * worker use it only to find the database when DATABASE_APP_URL is not set: they log in as the
   * application role instead (see DATABASE_APP_URL).
   */
  @ValidateIf((schema: EnvironmentSchema) => schema.DATABASE_APP_URL === undefined)
  @IsConnectionUrl(['postgres:', 'postgresql:'])
  DATABASE_URL?: string;

  /**
   * How the API and the worker connect: as the application role, which owns no table and cannot
   * bypass row-level security. Unset, they log in to DATABASE_URL's database as role gongyi_app
   * without a password (the local services trust 127.0.0.1).
   */
  @IsOptional()
  @IsConnectionUrl(['postgres:', 'postgresql:'])
  DATABASE_APP_URL?: string;

  @IntegerSetting(1, 200)
  DATABASE_POOL_SIZE = 10;

  @IsConnectionUrl(['redis:', 'rediss:'])
  REDIS_URL!: string;

  /** Namespaces BullMQ keys so a test run never sees another run's jobs on a shared Redis. */
  @Matches(/^[a-z0-9][a-z0-9-]{0,40}$/)
  QUEUE_PREFIX = 'gongyi';

  @IsString()
  @Matches(/^[0-9a-zA-Z.:-]+$/)
  API_HOST = '127.0.0.1';

  @IntegerSetting(0, 65535)
  API_PORT = 3000;

  /** Caps request bodies; 1 MiB holds the largest submission with room to spare. */
  @IntegerSetting(1024, 50 * 1024 * 1024)
  API_BODY_LIMIT_BYTES = 1024 * 1024;

  /**
   * Which reverse proxies may say who the client is (X-Forwarded-For): `false`, a hop count, or
   * addresses and CIDR ranges (and loopback, linklocal, uniquelocal). Never every proxy: a client
   * could then choose its own address and walk around every per-address limit.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  /** Public registrations (each runs scrypt) allowed per client address per hour. */
  @IntegerSetting(1, 100_000)
  REGISTRATION_LIMIT_PER_ADDRESS = 60;

  /** Public registrations allowed per hour from all addresses together: a ceiling on the CPU they take. */
  @IntegerSetting(1, 1_000_000)
  REGISTRATION_LIMIT_TOTAL = 600;

  @IntegerSetting(1, 64)
  WORKER_CONCURRENCY = 2;

  /**
   * BullMQ lock duration and stalled-check interval of the ranking worker: a worker that dies
   * mid-job loses its job to another worker within about twice this. Each stage of a ranking run
   * must finish well within half of it, or the lock lapses while the worker is busy.
   */
  @IntegerSetting(1000, 600_000)
  WORKER_LOCK_MS = 30_000;

  /**
   * Signs session tokens (`id:secret[,id:secret…]`, current first); a token names the key that
   * signed it and is accepted while that key is listed. Never a default.
   */
  @IsKeyRing()
  SESSION_KEYS!: string;

  /**
   * Keys the digests of API keys and judge codes (same format, current first); each stored digest
   * names its key, so a credential keeps working while its key is listed. Never a default.
   */
  @IsKeyRing()
  CREDENTIAL_KEYS!: string;

  /**
   * Who sends the public vote's SMS codes and notifications' SMS copies: `log` writes each to the log (development
   * and tests: no message leaves the machine); `none` sends nothing, so phone verification is
   * refused until a real provider is configured. A real gateway is one more value and one class.
   */
  @IsIn(['log', 'none'])
  SMS_PROVIDER = 'log';

  /**
   * Who sends the e-mail copies of notifications: `log` writes each to the worker's log (development
   * and tests); `none` sends nothing and notifications stay in the in-app inbox.
   */
  @IsIn(['log', 'none'])
  EMAIL_PROVIDER = 'log';

  /** Folder holding the embedded CJK font files for agreement PDFs. */
  @IsOptional()
  @IsString()
  FONT_DIR?: string;

  /**
   * The bearer token a metrics scraper sends to read `/metrics` (`Authorization: Bearer …`). Unset,
   * `/metrics` answers 404: its figures (queue depths, roadshow traffic) are not for the public.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._~+/=-]{32,200}$/, { message: 'must be 32–200 characters of a bearer token, no spaces' })
  METRICS_TOKEN?: string;

  /**
   * The worker's own metrics (job durations and outcomes) on this port, path /metrics, behind the
   * same METRICS_TOKEN. Unset, the worker listens on no port at all.
   */
  @IsOptional()
  @IntegerSetting(1, 65535)
  WORKER_METRICS_PORT?: number;

  @IsString()
  @Matches(/^[0-9a-zA-Z.:-]+$/)
  WORKER_METRICS_HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  @IsIn(['json', 'text'])
  LOG_FORMAT = 'json';
}
