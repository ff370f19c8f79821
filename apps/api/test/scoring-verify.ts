import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run --silent scoring -- verify FILE`, exactly as an auditor types it. */
export function scoringVerify(bundle: string): CommandRun {
  return scoringCommand('verify', 'bundle.json', bundle);
}

/** `npm run --silent scoring -- COMMAND FILE` on a file holding `contents`, exactly as an auditor types it. */
export function scoringCommand(command: string, fileName: string, contents: string): CommandRun {
  const dir = mkdtempSync(join(tmpdir(), 'scoring-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, contents);
    const result = spawnSync('npm', ['run', '--silent', 'scoring', '--', command, file], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
