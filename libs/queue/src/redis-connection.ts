import type { RedisOptions } from 'bullmq';

/**
 * BullMQ's production settings: workers block forever on Redis and must not give up on a
 * command (`maxRetriesPerRequest: null`); producers fail fast so an HTTP request is not held
 * hostage by a Redis outage.
 */
export function redisOptionsFor(url: string, role: 'worker' | 'producer'): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    ...(role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 }),
  };
}
