import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

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
    extra: { max: database.poolSize, application_name: 'gongyi-chuangtou' },
  };
}

export function createDataSource(database: { readonly url: string; readonly poolSize: number }): DataSource {
  return new DataSource(dataSourceOptions(database));
}
