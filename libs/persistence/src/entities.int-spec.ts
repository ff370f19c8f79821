import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { IsolatedDatabase, createIsolatedDatabase } from '@app/testing';
import { createDataSource } from './data-source';

type ColumnMetadata = DataSource['entityMetadatas'][number]['columns'][number];

interface DatabaseColumn {
  readonly table_name: string;
  readonly column_name: string;
  readonly data_type: string;
  readonly is_nullable: 'YES' | 'NO';
  readonly column_default: string | null;
  readonly is_identity: 'YES' | 'NO';
}

/** How a column reads in information_schema, and how TypeORM would write it there. */
interface Shape {
  readonly type: string;
  readonly nullable: boolean;
}

/**
 * The entities are what the code reads and writes; the migrations are what the database holds.
 * With `synchronize` off nothing keeps them together but this: every entity's table and columns,
 * with their types and nullability, as a freshly migrated database has them.
 */
describe('entities match the migrated schema (real Postgres)', () => {
  let database: IsolatedDatabase;
  let dataSource: DataSource;
  let columns: DatabaseColumn[];

  const expected = (column: ColumnMetadata): Shape => ({
    type: dataSource.driver.normalizeType(column),
    nullable: column.isNullable,
  });
  const actual = (column: DatabaseColumn): Shape => ({
    type: column.data_type,
    nullable: column.is_nullable === 'YES',
  });

  beforeAll(async () => {
    database = await createIsolatedDatabase(loadConfig().database.ownerUrl as string, 'entities');
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    columns = await dataSource.query<DatabaseColumn[]>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
         FROM information_schema.columns
        WHERE table_schema = 'public'`,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('has a table for every entity', () => {
    const tables = new Set(columns.map((column) => column.table_name));
    const missing = dataSource.entityMetadatas.map((entity) => entity.tableName).filter((table) => !tables.has(table));
    expect(missing).toEqual([]);
    expect(dataSource.entityMetadatas.length).toBeGreaterThan(0);
  });

  it('has every column an entity maps, with its type and nullability', () => {
    const differences: string[] = [];
    for (const entity of dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const stored = columns.find((c) => c.table_name === entity.tableName && c.column_name === column.databaseName);
        const want = expected(column);
        if (!stored) {
          differences.push(`${entity.tableName}.${column.databaseName}: mapped by ${entity.name}, not in the table`);
          continue;
        }
        const have = actual(stored);
        if (have.type !== want.type || have.nullable !== want.nullable) {
          differences.push(
            `${entity.tableName}.${column.databaseName}: ${entity.name} says ${want.type}${want.nullable ? ' null' : ' not null'}, ` +
              `the table has ${have.type}${have.nullable ? ' null' : ' not null'}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('maps every column an insert must fill: nothing required is left to a default that is not there', () => {
    const unmapped = dataSource.entityMetadatas.flatMap((entity) =>
      columns
        .filter((c) => c.table_name === entity.tableName)
        .filter((c) => c.is_nullable === 'NO' && c.column_default === null && c.is_identity === 'NO')
        .filter((c) => !entity.columns.some((column) => column.databaseName === c.column_name))
        .map((c) => `${entity.tableName}.${c.column_name}`),
    );
    expect(unmapped).toEqual([]);
  });
});
