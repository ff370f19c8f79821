import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** `npm run --silent scoring -- verify FILE`, exactly as an auditor types it. */
export function scoringVerify(bundle: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  try {
    const file = join(dir, 'bundle.json');
    writeFileSync(file, bundle);
    const result = spawnSync('npm', ['run', '--silent', 'scoring', '--', 'verify', file], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
