import { randomUUID } from 'node:crypto';
import { closingDataSource, createDataSource } from '@app/persistence';

export interface IsolatedDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A migrated database of the test file's own, named after the run's database. A worker acts on
 * every row of its database (its every-minute tick awards any competition whose notice period has
 * ended), so a file that runs one keeps it away from the other files' data, and theirs from it.
 */
export async function createIsolatedDatabase(baseUrl: string, label: string): Promise<IsolatedDatabase> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1)}_${label}_${randomUUID().slice(0, 8)}`.slice(0, 63);
  const admin = closingDataSource({ type: 'postgres', url: new URL('/postgres', url).toString() });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.destroy();
  }
  const isolated = new URL(`/${name}`, url).toString();
  const migrations = createDataSource({ url: isolated, poolSize: 1 });
  await migrations.initialize();
  try {
    await migrations.runMigrations({ transaction: 'each' });
  } finally {
    await migrations.destroy();
  }
  return {
    url: isolated,
    drop: async () => {
      const dropper = closingDataSource({ type: 'postgres', url: new URL('/postgres', url).toString() });
      await dropper.initialize();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
