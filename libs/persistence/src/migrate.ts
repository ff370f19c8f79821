import { loadConfig, ConfigError } from '@app/config';
import { createDataSource } from './data-source';

/** `npm run migrate [-- up|down|status]`: applies, reverts one, or lists migrations. */
async function main(action: string): Promise<number> {
  const config = loadConfig();
  const dataSource = createDataSource({ ...config.database, poolSize: 1 });
  await dataSource.initialize();
  try {
    switch (action) {
      case 'up': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
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
