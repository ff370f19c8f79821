import Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { closeRedis, redisOptionsFor } from './redis-connection';

/** Sockets this process holds open: what would keep a stopping process alive. */
const openSockets = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

describe('closing a Redis connection (real Redis)', () => {
  it('has closed the socket once closeRedis resolves, so a stopping process can exit', async () => {
    const before = openSockets();
    const client = new Redis({ ...redisOptionsFor(loadConfig().redis.url, 'producer'), lazyConnect: true });
    await client.connect();
    expect(openSockets()).toBe(before + 1);

    await closeRedis(client);

    expect(openSockets()).toBe(before);
    expect(client.status).toBe('end');
  });

  it('returns at once for a client that never connected', async () => {
    const client = new Redis({ ...redisOptionsFor(loadConfig().redis.url, 'producer'), lazyConnect: true });

    await closeRedis(client);

    expect(client.status).toBe('end');
  });
});
