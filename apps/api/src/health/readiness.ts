import { ComponentHealthDto, ReadinessResponseDto } from './dto/health-response.dto';

const PROBE_TIMEOUT_MS = 1500;

export function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one dependency's check within the probe timeout: a hung dependency reads as down, never as a hung probe. */
export async function probe(run: () => Promise<unknown>, what: string): Promise<ComponentHealthDto> {
  const started = performance.now();
  try {
    await withTimeout(run(), what);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

/** What readiness asks of the process's dependencies; the API passes the real ones, a test may pass failing ones. */
export interface ReadinessProbes {
  readonly postgres: () => Promise<unknown>;
  readonly redis: () => Promise<unknown>;
  /** The names of the migrations this build knows that the database has not applied. */
  readonly pendingMigrations: () => Promise<readonly string[]>;
}

/**
 * Ready means a request can be served as this build expects: Postgres and Redis answer and the
 * schema has every migration the build knows. Each failure gives its own reason in both languages.
 */
export async function readiness(probes: ReadinessProbes): Promise<ReadinessResponseDto> {
  const [postgres, redis] = await Promise.all([probe(probes.postgres, 'postgres'), probe(probes.redis, 'redis')]);
  const reasons: string[] = [];
  if (postgres.status === 'down') reasons.push(`Postgres 不可用 / Postgres is unreachable: ${postgres.error}`);
  if (redis.status === 'down') reasons.push(`Redis 不可用 / Redis is unreachable: ${redis.error}`);
  let migrations: ReadinessResponseDto['migrations'] = { status: 'unknown', pending: [] };
  if (postgres.status === 'up') {
    try {
      const pending = await withTimeout(probes.pendingMigrations(), 'postgres');
      migrations = { status: pending.length === 0 ? 'applied' : 'pending', pending: [...pending] };
      if (pending.length > 0) {
        reasons.push(`数据库迁移未执行 / migrations not applied: ${pending.join(', ')}`);
      }
    } catch (error) {
      reasons.push(
        `无法读取数据库迁移记录 / the applied migrations could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { status: reasons.length === 0 ? 'ready' : 'not_ready', postgres, redis, migrations, reasons };
}
