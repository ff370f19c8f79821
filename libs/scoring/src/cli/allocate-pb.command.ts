import { parsePabulib, PABULIB_RULES, selectPabulib } from '../pabulib';
import { Command, UsageError } from './command';

const USAGE = `usage: npm run --silent scoring -- allocate-pb FILE.pb [--rule ${PABULIB_RULES.join('|')}]
Applies the file's META rule (or --rule) and prints the selected project ids, one per line, in
selection order.`;

function parseArgs(args: readonly string[]): { file: string; rule?: string } {
  let file: string | undefined;
  let rule: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--rule') {
      rule = args[i + 1];
      if (rule === undefined) throw new UsageError(`--rule needs a value\n${USAGE}`);
      i += 1;
    } else if (arg.startsWith('--rule=')) {
      rule = arg.slice('--rule='.length);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`one file only, got ${file} and ${arg}\n${USAGE}`);
    }
  }
  if (file === undefined) throw new UsageError(USAGE);
  return { file, rule };
}

/** `allocate-pb FILE.pb`: reproduces a Pabulib election's selection. */
export const allocatePbCommand: Command = ({ args, readFile }) => {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${USAGE}\n`, exitCode: 0 };
  const { file, rule } = parseArgs(args);
  const selection = selectPabulib(parsePabulib(readFile(file)), rule);
  return { stdout: selection.selected.map((id) => `${id}\n`).join(''), exitCode: 0 };
};
