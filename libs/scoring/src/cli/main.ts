import { readFileSync } from 'node:fs';
import { ScoringError } from '../scoring.error';
import { aggregateCommand } from './aggregate.command';
import { agreementCommand } from './agreement.command';
import { allocateCommand } from './allocate.command';
import { allocatePbCommand } from './allocate-pb.command';
import { Command, UsageError } from './command';
import { tallyVotesCommand } from './tally-votes.command';
import { verifyCommand } from './verify.command';

const COMMANDS: Readonly<Record<string, Command>> = {
  aggregate: aggregateCommand,
  agreement: agreementCommand,
  allocate: allocateCommand,
  'allocate-pb': allocatePbCommand,
  'tally-votes': tallyVotesCommand,
  verify: verifyCommand,
};

const USAGE = `用法 / usage: npm run --silent scoring -- <command> [options]
  allocate-pb FILE.pb                                   apply the file's META rule, print selected ids
  aggregate --method trimmed|mean|median [--drop K] [--decimals D]   CSV item,judge,score on stdin
  agreement --stat icc|kendall-w                        CSV item,judge,score on stdin, JSON out
  allocate                                              JSON on stdin, JSON out
  tally-votes VOTES.csv                                 recompute a public vote's tally from its export
  verify BUNDLE.json                                    recompute a result bundle; exit 0 match, 1 mismatch, 2 malformed`;

function main(argv: readonly string[]): number {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const output = command({
      args,
      stdin: () => readFileSync(0, 'utf8'),
      readFile: (path) => readFileSync(path, 'utf8'),
    });
    process.stdout.write(output.stdout);
    return output.exitCode;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScoringError) {
      const code = error instanceof ScoringError ? ` [${error.code}${error.field ? ` ${error.field}` : ''}]` : '';
      process.stderr.write(`错误 / error${code}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR')) {
      process.stderr.write(`错误 / error: cannot read ${(error as NodeJS.ErrnoException).path ?? 'file'}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
