import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://gongyi@127.0.0.1:55432/gongyi',
  REDIS_URL: 'redis://127.0.0.1:56379',
  SESSION_KEYS: `s1:${'s'.repeat(32)}`,
  CREDENTIAL_KEYS: `c1:${'c'.repeat(32)}`,
};

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills in loopback defaults so a fresh checkout starts on 127.0.0.1', () => {
    const config = loadConfig(valid);
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, bodyLimitBytes: 1048576, trustProxy: false });
    expect(config.registration).toEqual({ perAddress: 60, total: 600 });
    expect(config.database.poolSize).toBe(10);
    expect(config.queue.prefix).toBe('gongyi');
    expect(config.fonts.dir).toMatch(/noto-sans-sc$/);
  });

  it('converts numeric variables from text', () => {
    expect(loadConfig({ ...valid, API_PORT: '8080' }).api.port).toBe(8080);
  });

  it('names DATABASE_URL when it is not a Postgres URL', () => {
    const error = problemsOf({ ...valid, DATABASE_URL: 'mysql://localhost/x' });
    expect(error.variables).toEqual(['DATABASE_URL']);
    expect(error.message).toContain('DATABASE_URL');
  });

  it('names every missing variable at once', () => {
    const error = problemsOf({});
    expect(error.variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL']));
    expect(error.message).toContain('未设置');
  });

  it('rejects a port out of range and a non-numeric pool size', () => {
    const error = problemsOf({ ...valid, API_PORT: '70000', DATABASE_POOL_SIZE: 'many' });
    expect(error.variables).toEqual(expect.arrayContaining(['API_PORT', 'DATABASE_POOL_SIZE']));
  });

  it('gives each purpose its own key ring, current key first', () => {
    const config = loadConfig({ ...valid, CREDENTIAL_KEYS: `c2:${'d'.repeat(32)},c1:${'c'.repeat(32)}` });
    expect(config.auth.sessionKeys.map((key) => key.id)).toEqual(['s1']);
    expect(config.auth.credentialKeys.map((key) => key.id)).toEqual(['c2', 'c1']);
    expect(config.auth.credentialKeys[0].secret).toBe('d'.repeat(32));
  });

  it('names both key rings when they are missing', () => {
    const error = problemsOf({ DATABASE_URL: valid.DATABASE_URL, REDIS_URL: valid.REDIS_URL });
    expect(error.variables).toEqual(['SESSION_KEYS', 'CREDENTIAL_KEYS']);
  });

  it('refuses a short session secret, naming the variable and the key but not the secret', () => {
    const error = problemsOf({ ...valid, SESSION_KEYS: 's2:tooshortsecret' });
    expect(error.variables).toEqual(['SESSION_KEYS']);
    expect(error.message).toContain('key "s2" must be at least 32 characters');
    expect(error.message).not.toContain('tooshortsecret');
  });

  it('refuses a secret that serves both sessions and credentials', () => {
    const error = problemsOf({ ...valid, CREDENTIAL_KEYS: `c2:${'s'.repeat(32)},c1:${'c'.repeat(32)}` });
    expect(error.variables).toEqual(['CREDENTIAL_KEYS']);
    expect(error.message).toContain('key "c2" is also in SESSION_KEYS');
    expect(error.message).not.toContain('s'.repeat(32));
  });

  it('trusts the named proxies, or a number of hops, to say who the client is', () => {
    expect(loadConfig({ ...valid, TRUST_PROXY: '10.0.0.2, 192.168.0.0/16,loopback' }).api.trustProxy).toEqual([
      '10.0.0.2',
      '192.168.0.0/16',
      'loopback',
    ]);
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).api.trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: '::1' }).api.trustProxy).toEqual(['::1']);
  });

  it.each([
    ['every proxy', 'true', 'any client choose its own address'],
    ['a host name', 'proxy.internal', '"proxy.internal" is not an address'],
    ['a range too wide to exist', '10.0.0.0/33', '"10.0.0.0/33" is not an address'],
    ['zero hops', '0', 'from 1 to 10'],
  ])('refuses to trust %s, naming TRUST_PROXY', (_, value, reason) => {
    const error = problemsOf({ ...valid, TRUST_PROXY: value });
    expect(error.variables).toEqual(['TRUST_PROXY']);
    expect(error.message).toContain(reason);
  });

  it('refuses a font folder that does not exist', () => {
    expect(problemsOf({ ...valid, FONT_DIR: '/nonexistent/fonts' }).variables).toEqual(['FONT_DIR']);
  });

  it('leaves the metrics closed unless a token is set, and refuses a short one', () => {
    expect(loadConfig(valid).metrics.token).toBeUndefined();
    expect(loadConfig({ ...valid, METRICS_TOKEN: 'm'.repeat(32) }).metrics.token).toBe('m'.repeat(32));
    const error = problemsOf({ ...valid, METRICS_TOKEN: 'short' });
    expect(error.variables).toEqual(['METRICS_TOKEN']);
    expect(error.message).not.toContain('short');
  });
});
