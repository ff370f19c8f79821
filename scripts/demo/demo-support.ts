import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { yuanFigure } from '@app/scoring';
import { ApiClient } from './api-client';

/** What the demo's steps share: office accounts, sign-in, the few database shortcuts, the printout. */
export const ROOT = resolve(__dirname, '../..');

export const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** An office account of `tenantId` made with the project's own CLI, as an administrator would. */
export function createOffice(
  login: string,
  displayName: string,
  tenantId: string,
): { login: string; password: string } {
  const password = randomBytes(12).toString('base64url');
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'apps/api/src/cli/create-user.ts',
      '--role',
      'office',
      '--login',
      login,
      '--name',
      displayName,
      '--tenant',
      tenantId,
    ],
    { cwd: ROOT, input: `${password}\n`, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`create-user failed: ${result.stderr}`);
  return { login, password };
}

/** The office of this name under `parentId`, made on the first run and found on the next. */
export async function officeTenant(
  kind: 'district' | 'street',
  name: string,
  parentId: string | null,
): Promise<string> {
  let id = '';
  await inDatabase(async (db) => {
    const found = await db.query<{ id: string }>('SELECT id FROM tenant WHERE name = $1 AND kind = $2', [name, kind]);
    const row =
      found.rows[0] ??
      (
        await db.query<{ id: string }>('INSERT INTO tenant (kind, name, parent_id) VALUES ($1, $2, $3) RETURNING id', [
          kind,
          name,
          parentId,
        ])
      ).rows[0];
    id = row.id;
  });
  return id;
}

export async function signIn(api: ApiClient, login: string, password: string): Promise<ApiClient> {
  const session = await api.post<{ token: string }>('/auth/sessions', { login, password });
  return api.as(session.token);
}

/**
 * The demo's only steps outside the API: time that would take days or months passes in the
 * database, and the demo says so each time.
 */
export async function inDatabase(work: (db: Client) => Promise<unknown>): Promise<void> {
  // As the owner, like an operator at the console: the shortcuts move dates and accounts, not one office's data.
  const { ownerUrl, url } = loadConfig().database;
  const db = new Client({ connectionString: ownerUrl ?? url });
  await db.connect();
  try {
    await work(db);
  } finally {
    await db.end();
  }
}

/** Terminal columns: CJK characters take two. */
export function pad(text: string, width: number): string {
  const columns = [...text].reduce((sum, c) => sum + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}

/** The platform's money figure without a ".00" of whole yuan, so the demo's tables stay narrow: ¥12,345 or ¥12,345.67. */
export function yuan(fenAmount: number): string {
  return yuanFigure(fenAmount).replace(/\.00$/, '');
}
