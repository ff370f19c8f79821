import { intraclassCorrelation, kendallW, parseRatingsCsv, ratingMatrix, type FTest } from '../agreement';
import { parseOptions } from './aggregate.command';
import { UsageError, type Command } from './command';

export const AGREEMENT_USAGE = `用法 / usage: npm run --silent scoring -- agreement --stat icc|kendall-w
  stdin : CSV with the header item,judge,score; every judge must score every item
  stdout: JSON. icc: the six Shrout–Fleiss forms ICC(1,1) ICC(2,1) ICC(3,1) ICC(1,k) ICC(2,k) ICC(3,k),
          each as a number and an exact fraction, with the mean squares and F tests.
          kendall-w: W with tie correction (and without), chi-square m(n-1)W, df n-1, p-value, rank sums.`;

function fTestJson(test: FTest): Record<string, unknown> {
  return { F: test.value, exact: test.f?.toString() ?? null, df1: test.df1, df2: test.df2, pValue: test.pValue };
}

function iccJson(stdin: string): Record<string, unknown> {
  const result = intraclassCorrelation(ratingMatrix(parseRatingsCsv(stdin)));
  return {
    stat: 'icc',
    items: result.n,
    judges: result.k,
    forms: Object.fromEntries(
      Object.entries(result.forms).map(([name, form]) => [
        name,
        { value: form.value, exact: form.exact?.toString() ?? null, description: form.description },
      ]),
    ),
    meanSquares: Object.fromEntries(
      Object.entries(result.meanSquares).map(([name, value]) => [name, value.toString()]),
    ),
    fTests: { oneWay: fTestJson(result.fTests.oneWay), twoWay: fTestJson(result.fTests.twoWay) },
  };
}

function kendallJson(stdin: string): Record<string, unknown> {
  const result = kendallW(ratingMatrix(parseRatingsCsv(stdin)));
  return {
    stat: 'kendall-w',
    items: result.n,
    judges: result.m,
    W: result.W,
    WExact: result.exact.toString(),
    WUncorrected: result.uncorrected,
    chiSquare: result.chiSquare,
    chiSquareExact: result.chiSquareExact.toString(),
    df: result.df,
    pValue: result.pValue,
    rankSums: Object.fromEntries(result.rankSums.map(({ item, rankSum }) => [item, rankSum.toString()])),
  };
}

/**
 * `agreement`: judge-agreement statistics of a complete items × judges CSV, as JSON.
 * Invariants: the output depends only on the set of (item, judge, score) rows; a missing or
 * repeated cell is an error that names it.
 */
export const agreementCommand: Command = ({ args, stdin }) => {
  const options = parseOptions(args, ['stat'], AGREEMENT_USAGE);
  const stat = options.get('stat');
  let json: Record<string, unknown>;
  switch (stat) {
    case 'icc':
      json = iccJson(stdin());
      break;
    case 'kendall-w':
      json = kendallJson(stdin());
      break;
    default:
      throw new UsageError(
        `${stat === undefined ? '--stat is required' : `unknown stat "${stat}"`}\n${AGREEMENT_USAGE}`,
      );
  }
  return { stdout: `${JSON.stringify(json, null, 2)}\n`, exitCode: 0 };
};
