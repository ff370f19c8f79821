import { DataSource } from 'typeorm';
import { APPLICATION_ROLE, loadConfig, ConfigError } from '@app/config';
import { createDataSource } from './data-source';

/**
 * A deployment's database starts with the owner only; the migrations create the application role
 * without a login. When the application's URL carries a password, that role gets it here, so one
 * migrate step leaves the API and the worker able to connect (as in docker-compose.yml).
 */
async function letApplicationLogIn(dataSource: DataSource, applicationUrl: string): Promise<void> {
  const url = new URL(applicationUrl);
  if (decodeURIComponent(url.username) !== APPLICATION_ROLE || url.password === '') return;
  const [{ statement }] = await dataSource.query<{ statement: string }[]>(
    `SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS statement`,
    [APPLICATION_ROLE, decodeURIComponent(url.password)],
  );
  await dataSource.query(statement);
}

/** `npm run migrate [-- up|down|status]`: applies, reverts one, or lists migrations. */
async function main(action: string): Promise<number> {
  const config = loadConfig();
  if (config.database.ownerUrl === undefined) {
    throw new ConfigError([
      { variable: 'DATABASE_URL', reason: "迁移须以表的所有者角色连接 / migrations connect as the tables' owner" },
    ]);
  }
  const dataSource = createDataSource({ url: config.database.ownerUrl, poolSize: 1 });
  await dataSource.initialize();
  try {
    switch (action) {
      case 'up': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        await letApplicationLogIn(dataSource, config.database.url);
        process.stdout.write(
          applied.length === 0
            ? '数据库已是最新 / database is up to date\n'
            : applied.map((m) => `已应用 / applied ${m.name}\n`).join(''),
        );
        return 0;
      }
      case 'down':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('已回退最近一次迁移 / reverted the last migration\n');
        return 0;
      case 'status': {
        const pending = await dataSource.showMigrations();
        process.stdout.write(
          pending ? '有待应用的迁移 / migrations pending\n' : '数据库已是最新 / database is up to date\n',
        );
        return pending ? 1 : 0;
      }
      default:
        process.stderr.write('用法 / usage: npm run migrate [-- up|down|status]\n');
        return 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2] ?? 'up').then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
