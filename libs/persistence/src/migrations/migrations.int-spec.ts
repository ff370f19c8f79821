import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '../data-source';
import { MIGRATIONS } from './index';

/** Every migration must apply to an empty database and revert cleanly, so a bad deploy can roll back. */
describe('migrations (real Postgres)', () => {
  const url = new URL(loadConfig().database.url);
  const scratch = `${url.pathname.slice(1)}_migrations`;
  let admin: DataSource;
  let dataSource: DataSource;

  beforeAll(async () => {
    admin = await createDataSource({ url: url.toString(), poolSize: 1 }).initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
    await admin.query(`CREATE DATABASE "${scratch}"`);
    const scratchUrl = new URL(url.toString());
    scratchUrl.pathname = `/${scratch}`;
    dataSource = await createDataSource({ url: scratchUrl.toString(), poolSize: 1 }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
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
});
