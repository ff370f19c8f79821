import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

function startApi(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('starting the API process', () => {
  it('exits non-zero naming DATABASE_URL when it is not a Postgres URL', () => {
    const { status, stderr } = startApi({ DATABASE_URL: 'not-a-url', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).not.toBe(0);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain('配置无效');
  });

  it('exits non-zero naming REDIS_URL when it is missing', () => {
    const { status, stderr } = startApi({ DATABASE_URL: 'postgres://gongyi@127.0.0.1:1/gongyi' });
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/REDIS_URL: is missing/);
  });

  it('exits non-zero naming SESSION_KEYS and the key, never the secret, when a session secret is short', () => {
    const { status, stderr } = startApi({
      DATABASE_URL: 'postgres://gongyi@127.0.0.1:1/gongyi',
      REDIS_URL: 'redis://127.0.0.1:1',
      SESSION_KEYS: '2026-12:tooshort',
      CREDENTIAL_KEYS: `2026-12:${'c'.repeat(32)}`,
    });
    expect(status).not.toBe(0);
    expect(stderr).toContain('SESSION_KEYS: 密钥 "2026-12" 须至少 32 个字符');
    expect(stderr).not.toContain('tooshort');
  });
});
