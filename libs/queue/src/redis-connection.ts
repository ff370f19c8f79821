import type { RedisOptions } from 'bullmq';
import type Redis from 'ioredis';

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

/** The states in which a client still holds a socket that Redis has not closed. */
const OPEN_SOCKET = new Set(['connecting', 'connect', 'ready']);

/**
 * Disconnects without QUIT (which a fail-fast client cannot send while Redis is down) and resolves
 * once the socket has closed. ioredis's disconnect() returns while the socket still waits for Redis
 * to close its side; a process that ends right after it would still hold the connection open. The
 * wait is bounded by ioredis's own disconnect timeout, after which it destroys the socket.
 */
export async function closeRedis(client: Redis): Promise<void> {
  const closed = OPEN_SOCKET.has(client.status)
    ? new Promise<void>((done) => client.once('end', () => done()))
    : Promise.resolve();
  client.disconnect();
  await closed;
}
