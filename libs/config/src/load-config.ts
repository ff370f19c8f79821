import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, LogLevelName } from './app-config';
import { APPLICATION_ROLE } from './application-role';
import { ConfigError } from './config.error';
import { EnvironmentSchema } from './environment.schema';
import { KeyRing, parseKeyRing } from './key-ring';
import { TrustProxy, parseTrustProxy } from './trust-proxy';

type Environment = Readonly<Record<string, string | undefined>>;

function defaultFontDir(): string | undefined {
  try {
    const pkg = require.resolve('@expo-google-fonts/noto-sans-sc/package.json');
    return join(dirname(pkg));
  } catch {
    return undefined;
  }
}

/** The owner's database, reached as the application role (its login is trusted locally). */
function applicationUrlOf(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APPLICATION_ROLE;
  url.password = '';
  return url.toString();
}

/**
 * Reads and validates the environment once. Unknown variables are ignored; every problem with a
 * known one is reported together so an operator fixes them in one pass.
 */
export function loadConfig(env: Environment = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const schema = plainToInstance(EnvironmentSchema, defined, { exposeDefaultValues: true });
  const problems = validateSync(schema, { skipMissingProperties: false }).map((error) => ({
    variable: error.property,
    reason: error.value === undefined ? 'is missing / 未设置' : Object.values(error.constraints ?? {}).join('; '),
  }));

  const fontDir = schema.FONT_DIR ?? defaultFontDir();
  if (fontDir === undefined || !existsSync(fontDir) || !statSync(fontDir).isDirectory()) {
    problems.push({ variable: 'FONT_DIR', reason: `font folder not found: ${fontDir ?? '(none)'}` });
  }
  const sessionKeys = validRing(schema.SESSION_KEYS);
  const credentialKeys = validRing(schema.CREDENTIAL_KEYS);
  const shared = credentialKeys?.find((key) => sessionKeys?.some((other) => other.secret === key.secret));
  if (shared) {
    // One secret for two purposes is what these variables exist to end: rotating one would void the other.
    problems.push({
      variable: 'CREDENTIAL_KEYS',
      reason: `密钥 "${shared.id}" 与 SESSION_KEYS 中的密钥相同 / key "${shared.id}" is also in SESSION_KEYS`,
    });
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return new AppConfig({
    env: schema.NODE_ENV as AppConfig['env'],
    database: {
      url: schema.DATABASE_APP_URL ?? applicationUrlOf(schema.DATABASE_URL as string),
      ownerUrl: schema.DATABASE_URL,
      poolSize: schema.DATABASE_POOL_SIZE,
    },
    redis: { url: schema.REDIS_URL },
    queue: {
      prefix: schema.QUEUE_PREFIX,
      workerConcurrency: schema.WORKER_CONCURRENCY,
      lockMs: schema.WORKER_LOCK_MS,
    },
    api: {
      host: schema.API_HOST,
      port: schema.API_PORT,
      bodyLimitBytes: schema.API_BODY_LIMIT_BYTES,
      trustProxy: trustProxyOf(schema.TRUST_PROXY),
    },
    registration: { perAddress: schema.REGISTRATION_LIMIT_PER_ADDRESS, total: schema.REGISTRATION_LIMIT_TOTAL },
    auth: { sessionKeys: sessionKeys as KeyRing, credentialKeys: credentialKeys as KeyRing },
    sms: { provider: schema.SMS_PROVIDER as AppConfig['sms']['provider'] },
    email: { provider: schema.EMAIL_PROVIDER as AppConfig['email']['provider'] },
    fonts: { dir: fontDir as string },
    metrics: {
      token: schema.METRICS_TOKEN,
      worker:
        schema.WORKER_METRICS_PORT === undefined
          ? undefined
          : { host: schema.WORKER_METRICS_HOST, port: schema.WORKER_METRICS_PORT },
    },
    log: { level: schema.LOG_LEVEL as LogLevelName, format: schema.LOG_FORMAT as 'json' | 'text' },
  });
}

function trustProxyOf(text: string): TrustProxy {
  const parsed = parseTrustProxy(text);
  return 'trust' in parsed ? parsed.trust : false;
}

function validRing(text: string | undefined): KeyRing | undefined {
  const parsed = text === undefined ? undefined : parseKeyRing(text);
  return parsed && 'ring' in parsed ? parsed.ring : undefined;
}

/** This process's environment with some variables replaced: what a child process of ours starts with. */
export function environmentWith(overrides: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
