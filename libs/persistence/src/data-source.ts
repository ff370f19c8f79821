import type { ClientBase, PoolConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { bindTenantScope } from './tenancy/scoped-connections';

/**
 * The one definition of the database connection, shared by the API, the worker, the migrate
 * command and the tests. The schema changes only through reviewed migrations.
 */
export function dataSourceOptions(database: { readonly url: string; readonly poolSize: number }): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // A roadshow posts in bursts after each pitch of several minutes: with node-postgres's 10 s idle
    // default every burst would reopen its connections, which costs Postgres more than the posts do.
    extra: { max: database.poolSize, idleTimeoutMillis: 15 * 60 * 1000, application_name: 'gongyi-chuangtou' },
  };
}

/**
 * A data source whose destroy() resolves only once every connection's socket has closed:
 * node-postgres's pool.end() resolves as soon as it has asked each connection to end, while the
 * sockets still wait for Postgres to close its side, so a process ending right after destroy() (a
 * restart, a test worker told to exit) would still hold them open.
 */
export function closingDataSource(options: DataSourceOptions): DataSource {
  const open = new Set<ClientBase>();
  // The pool calls onConnect for each connection it opens, the first one included.
  const onConnect = (client: ClientBase): void => {
    open.add(client);
    client.once('end', () => open.delete(client));
  };
  const extra: PoolConfig = { ...(options.extra as PoolConfig), onConnect };
  const dataSource = new DataSource({ ...options, extra });
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    const closed = [...open].map((client) => new Promise<void>((done) => client.once('end', () => done())));
    await destroy();
    await Promise.all(closed);
  };
  return dataSource;
}

/** A data source whose every connection carries the current tenant scope (see bindTenantScope). */
export function scopedDataSource(options: DataSourceOptions): DataSource {
  const dataSource = closingDataSource(options);
  bindTenantScope(dataSource);
  return dataSource;
}

export function createDataSource(database: { readonly url: string; readonly poolSize: number }): DataSource {
  return scopedDataSource(dataSourceOptions(database));
}
