import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '@app/config';
import { createDataSource } from '@app/persistence';
import {
  CREATE_USER_USAGE,
  CreateUserUsageError,
  checkPassword,
  createUserAccount,
  parseCreateUserArgs,
} from './create-user.command';

/**
 * Bootstraps office and admin accounts, which nobody can create through the API (registration
 * creates applicants only). The password never appears in argv or the environment, where other
 * processes and shell history could read it.
 */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write('密码 / password: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  const password = await new Promise<string>((resolve) => prompt.once('line', resolve));
  prompt.close();
  process.stderr.write('\n');
  return password;
}

async function main(argv: readonly string[]): Promise<number> {
  let input;
  try {
    input = parseCreateUserArgs(argv);
  } catch (error) {
    if (!(error instanceof CreateUserUsageError)) throw error;
    process.stderr.write(`错误 / error: ${error.zh} / ${error.message}\n${CREATE_USER_USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const password = await readPassword();
  const dataSource = await createDataSource({ ...config.database, poolSize: 1 }).initialize();
  try {
    checkPassword(password);
    const user = await createUserAccount(dataSource, input, password);
    process.stdout.write(`已创建 / created ${user.role} ${user.login} (${user.id})\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CreateUserUsageError)) throw error;
    process.stderr.write(`错误 / error: ${error.zh} / ${error.message}\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
