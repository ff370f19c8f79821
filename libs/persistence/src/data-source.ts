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

/** A data source whose every connection carries the current tenant scope (see bindTenantScope). */
export function scopedDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource(options);
  bindTenantScope(dataSource);
  return dataSource;
}

export function createDataSource(database: { readonly url: string; readonly poolSize: number }): DataSource {
  return scopedDataSource(dataSourceOptions(database));
}
