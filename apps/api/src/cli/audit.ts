import { readFile } from 'node:fs/promises';
import { AUDIT_USAGE, verifyAuditExport } from './audit-verify.command';

/** Reads only the file it is given: verifying an export needs neither the database nor the config. */
async function main(argv: readonly string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command !== 'verify' || file === undefined || rest.length > 0) {
    process.stderr.write(`${AUDIT_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(
      `无法读取文件 / cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const outcome = verifyAuditExport(text);
  (outcome.exitCode === 2 ? process.stderr : process.stdout).write(outcome.text);
  return outcome.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
