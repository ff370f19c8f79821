import { readiness } from './readiness';

const up = () => Promise.resolve('PONG');
const down = (message: string) => () => Promise.reject(new Error(message));
const none = () => Promise.resolve([]);

describe('readiness', () => {
  it('is ready when Postgres and Redis answer and no migration is pending', async () => {
    const result = await readiness({ postgres: up, redis: up, pendingMigrations: none });
    expect(result).toMatchObject({ status: 'ready', migrations: { status: 'applied', pending: [] }, reasons: [] });
  });

  it('is not ready when Redis is down, and says so in both languages', async () => {
    const result = await readiness({
      postgres: up,
      redis: down('connect ECONNREFUSED 127.0.0.1:56379'),
      pendingMigrations: none,
    });
    expect(result.status).toBe('not_ready');
    expect(result.redis).toEqual({ status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:56379' });
    expect(result.reasons).toEqual(['Redis 不可用 / Redis is unreachable: connect ECONNREFUSED 127.0.0.1:56379']);
  });

  it('does not ask for migrations while Postgres is down, and reports them unknown', async () => {
    const pendingMigrations = jest.fn(none);
    const result = await readiness({ postgres: down('connection terminated'), redis: up, pendingMigrations });
    expect(result.status).toBe('not_ready');
    expect(result.migrations).toEqual({ status: 'unknown', pending: [] });
    expect(pendingMigrations).not.toHaveBeenCalled();
    expect(result.reasons).toEqual(['Postgres 不可用 / Postgres is unreachable: connection terminated']);
  });

  it('is not ready while the database lacks a migration of this build, naming it', async () => {
    const result = await readiness({
      postgres: up,
      redis: up,
      pendingMigrations: () => Promise.resolve(['EvaluatorCodes1764662400000']),
    });
    expect(result.status).toBe('not_ready');
    expect(result.migrations).toEqual({ status: 'pending', pending: ['EvaluatorCodes1764662400000'] });
    expect(result.reasons[0]).toContain('EvaluatorCodes1764662400000');
  });

  it('reads a hung dependency as down rather than hanging the probe', async () => {
    jest.useFakeTimers();
    try {
      const pending = readiness({ postgres: up, redis: () => new Promise(() => undefined), pendingMigrations: none });
      await jest.advanceTimersByTimeAsync(2000);
      const result = await pending;
      expect(result.redis).toMatchObject({ status: 'down', error: expect.stringContaining('did not answer') });
    } finally {
      jest.useRealTimers();
    }
  });
});
