import { aggregateMarks, type CombineMethod, type JudgeMark } from '../aggregate';
import { parseRatingsCsv } from '../agreement';
import type { Rational } from '../rational';
import { ScoringError } from '../scoring.error';
import { UsageError, type Command } from './command';

/** Places used for a repeating decimal (e.g. a mean of 3) when --decimals is not given. */
export const DEFAULT_REPEATING_DECIMALS = 6;

export const AGGREGATE_USAGE = `用法 / usage: npm run --silent scoring -- aggregate --method trimmed|mean|median [--drop K] [--decimals D]
  stdin : CSV with the header item,judge,score (one line per judge's score)
  stdout: CSV item,score in first-seen item order
  --method  trimmed = drop the K highest and K lowest scores and average the rest (去掉最高分和最低分);
            mean; median (even count: mean of the middle two)
  --drop K  scores dropped at each end for trimmed (default 1); an item needs more than 2K scores
  --decimals D  round half-up to D places and print exactly D places; without it a score is
            printed exactly (8.75, 91), and a repeating one (26/3) rounded half-up to ${DEFAULT_REPEATING_DECIMALS} places`;

interface AggregateOptions {
  readonly method: CombineMethod;
  readonly decimals?: number;
}

function wholeNumber(option: string, text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new UsageError(
      `${option} needs a whole number, got ${text === undefined ? 'nothing' : `"${text}"`}\n${AGGREGATE_USAGE}`,
    );
  }
  return Number(text);
}

/** Splits `--name value` and `--name=value` arguments; every option takes a value. */
export function parseOptions(args: readonly string[], known: readonly string[], usage: string): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !known.includes(match[1])) throw new UsageError(`unknown option "${arg}"\n${usage}`);
    const name = match[1];
    if (options.has(name)) throw new UsageError(`--${name} given twice\n${usage}`);
    let value = match[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value\n${usage}`);
      i += 1;
    }
    options.set(name, value);
  }
  return options;
}

function readOptions(args: readonly string[]): AggregateOptions {
  const options = parseOptions(args, ['method', 'drop', 'decimals'], AGGREGATE_USAGE);
  const method = options.get('method');
  const decimalsText = options.get('decimals');
  const decimals = decimalsText === undefined ? undefined : wholeNumber('--decimals', decimalsText);
  if (decimals !== undefined && decimals > 12)
    throw new UsageError(`--decimals must be at most 12\n${AGGREGATE_USAGE}`);
  if (method !== 'trimmed' && options.has('drop')) {
    throw new UsageError(`--drop applies only to --method trimmed\n${AGGREGATE_USAGE}`);
  }
  switch (method) {
    case 'mean':
      return { method: { kind: 'mean' }, decimals };
    case 'median':
      return { method: { kind: 'median' }, decimals };
    case 'trimmed': {
      const drop = options.has('drop') ? wholeNumber('--drop', options.get('drop')) : 1;
      return { method: { kind: 'trimmed-mean', drop, minRemaining: 1, whenTooFew: 'error' }, decimals };
    }
    default:
      throw new UsageError(
        `${method === undefined ? '--method is required' : `unknown method "${method}"`}\n${AGGREGATE_USAGE}`,
      );
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function format(value: Rational, decimals: number | undefined): string {
  if (decimals !== undefined) return value.toDecimalString(decimals);
  return value.terminatingPlaces() === undefined
    ? value.toDecimalString(DEFAULT_REPEATING_DECIMALS)
    : value.toDecimalString();
}

/**
 * `aggregate`: one score per item from judges' scores in CSV, by trimmed mean, mean or median.
 * Invariants: items come out in first-seen order; each value is exact before the one stated
 * rounding; a judge scoring an item twice, a malformed score or too few scores to trim is an error.
 */
export const aggregateCommand: Command = ({ args, stdin }) => {
  const options = readOptions(args);
  const ratings = parseRatingsCsv(stdin());
  const items = new Map<string, JudgeMark[]>();
  for (const rating of ratings) {
    const marks = items.get(rating.item) ?? [];
    marks.push({ judgeId: rating.judge, score: rating.score as string });
    items.set(rating.item, marks);
  }
  const lines = ['item,score'];
  for (const [item, marks] of items) {
    try {
      lines.push(`${csvField(item)},${format(aggregateMarks(marks, options.method).value, options.decimals)}`);
    } catch (error) {
      if (error instanceof ScoringError) {
        throw new ScoringError(
          error.code,
          `item "${item}": ${error.message}`,
          `${item}${error.field ? `.${error.field}` : ''}`,
        );
      }
      throw error;
    }
  }
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
};
