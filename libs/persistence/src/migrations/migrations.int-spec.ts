import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '../data-source';
import { CredentialKeyIds1764144000000 } from './1764144000000-credential-key-ids';
import { MIGRATIONS } from './index';

/** Every migration must apply to an empty database and revert cleanly, so a bad deploy can roll back. */
describe('migrations (real Postgres)', () => {
  const url = new URL(loadConfig().database.url);
  let admin: DataSource;
  let dataSource: DataSource;
  let scratch: string;

  beforeAll(async () => {
    admin = await createDataSource({ url: url.toString(), poolSize: 1 }).initialize();
  });

  // Each test starts from an empty database of its own.
  beforeEach(async () => {
    scratch = `${url.pathname.slice(1)}_migrations_${randomUUID().slice(0, 8)}`;
    await admin.query(`CREATE DATABASE "${scratch}"`);
    const scratchUrl = new URL(url.toString());
    scratchUrl.pathname = `/${scratch}`;
    dataSource = await createDataSource({ url: scratchUrl.toString(), poolSize: 1 }).initialize();
  });

  afterEach(async () => {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  });

  afterAll(async () => {
    await admin.destroy();
  });

  it('applies every migration to an empty database, reverts them all, and applies them again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    for (let i = 0; i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
    );
    expect(tables).toEqual([]);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('files the digests made before credential keys had ids under the key id legacy, and no later ones', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    for (let i = MIGRATIONS.indexOf(CredentialKeyIds1764144000000); i < MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO app_user (role, login, display_name, password_hash)
       VALUES ('office', 'legacy-' || gen_random_uuid(), '西南街道党工委 办公室', 'x') RETURNING id`,
    );
    await dataSource.query(`INSERT INTO api_key (user_id, name, key_hash) VALUES ($1, '对接', 'made-before')`, [
      user.id,
    ]);
    await dataSource.runMigrations({ transaction: 'each' });
    const rows = await dataSource.query<{ digest_key_id: string }[]>(
      `SELECT digest_key_id FROM api_key WHERE key_hash = 'made-before'`,
    );
    expect(rows).toEqual([{ digest_key_id: 'legacy' }]);
    await expect(
      dataSource.query(`INSERT INTO api_key (user_id, name, key_hash) VALUES ($1, '对接', 'made-after')`, [user.id]),
    ).rejects.toThrow(/digest_key_id/);
  });
});
