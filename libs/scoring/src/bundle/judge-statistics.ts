import {
  affiliationBias,
  intraclassCorrelation,
  judgeLeniency,
  kendallW,
  ratingMatrix,
  type AffiliationBiasReport,
  type IccForm,
  type Rating,
} from '../agreement';
import { Rational } from '../rational';
import { ScoringError } from '../scoring.error';
import type {
  AffiliationBiasFigures,
  AffiliationBiasStatistics,
  AgreementStatistics,
  BilingualNote,
} from './bundle.types';

/** Exact statistics are published to this many places. */
const STAT_DECIMALS = 6;
/** Doubles (p-values, modified z) are published to this many significant digits. */
const STAT_DIGITS = 6;

/** The leniency outlier rule: modified z above 3.5 (Iglewicz & Hoaglin's recommendation). */
const OUTLIER_THRESHOLD = '3.5';

const ICC_FORMS: readonly IccForm[] = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];

function exact(value: Rational | null): string | null {
  return value === null ? null : value.toDecimalString(STAT_DECIMALS);
}

function approximate(value: number | null): string | null {
  return value === null || !Number.isFinite(value) ? null : value.toPrecision(STAT_DIGITS);
}

/** One counted sheet: a judge's exact total for a project. */
export interface CountedTotal {
  readonly projectId: string;
  readonly judgeId: string;
  readonly total: Rational;
}

/**
 * Judge-agreement statistics over the totals of counted (non-recused) sheets: ICC in the six
 * Shrout–Fleiss forms and Kendall's W on the complete table of projects every judge scored, and
 * each judge's leniency on all sheets. A statistic the data cannot support is null with a note.
 * Invariants: `totals` must be ordered (project id, then seat) and `judgeIds` by seat, which
 * makes the output a function of the data alone; nothing here changes a score or a grant.
 */
export function agreementStatistics(
  totals: readonly CountedTotal[],
  judgeIds: readonly string[],
  projectCount: number,
  sheetCount: number,
  recusalCount: number,
): AgreementStatistics {
  const notes: BilingualNote[] = [];
  const ratings: Rating[] = totals.map((entry) => ({
    item: entry.projectId,
    judge: entry.judgeId,
    score: entry.total,
  }));
  const scoring = judgeIds.filter((id) => totals.some((entry) => entry.judgeId === id));

  const byProject = new Map<string, CountedTotal[]>();
  for (const entry of totals) {
    const list = byProject.get(entry.projectId) ?? [];
    list.push(entry);
    byProject.set(entry.projectId, list);
  }
  const completeProjects = [...byProject.entries()].filter(([, list]) => list.length === scoring.length);
  const excluded = projectCount - completeProjects.length;
  if (excluded > 0) {
    notes.push({
      zh: `${excluded} 个项目因回避或缺评不在完整评分表中，ICC 和肯德尔 W 只用其余 ${completeProjects.length} 个项目`,
      en: `${excluded} project(s) lack a sheet from some judge (recusal or missing score); ICC and Kendall's W use the other ${completeProjects.length}`,
    });
  }

  let icc: AgreementStatistics['icc'] = null;
  let w: AgreementStatistics['kendallW'] = null;
  if (completeProjects.length >= 2 && scoring.length >= 2) {
    const seat = new Map(scoring.map((id, i) => [id, i]));
    const table = ratingMatrix(
      completeProjects.flatMap(([projectId, list]) =>
        [...list]
          .sort((a, b) => (seat.get(a.judgeId) ?? 0) - (seat.get(b.judgeId) ?? 0))
          .map((entry) => ({ item: projectId, judge: entry.judgeId, score: entry.total })),
      ),
    );
    const result = intraclassCorrelation(table);
    const forms = {} as Record<IccForm, string | null>;
    for (const form of ICC_FORMS) forms[form] = exact(result.forms[form].exact);
    icc = {
      forms,
      oneWayF: exact(result.fTests.oneWay.f),
      oneWayP: approximate(result.fTests.oneWay.pValue),
      twoWayF: exact(result.fTests.twoWay.f),
      twoWayP: approximate(result.fTests.twoWay.pValue),
    };
    try {
      const concordance = kendallW(table);
      w = {
        W: concordance.exact.toDecimalString(STAT_DECIMALS),
        uncorrected: concordance.uncorrectedExact.toDecimalString(STAT_DECIMALS),
        chiSquare: concordance.chiSquareExact.toDecimalString(STAT_DECIMALS),
        df: concordance.df,
        pValue: approximate(concordance.pValue),
      };
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      notes.push({ zh: `肯德尔 W 无法计算：${error.message}`, en: `Kendall's W is undefined: ${error.message}` });
    }
  } else {
    notes.push({
      zh: 'ICC 和肯德尔 W 至少需要 2 位评委都评过的 2 个项目',
      en: "ICC and Kendall's W need at least 2 projects scored by at least 2 judges, every judge scoring each",
    });
  }

  const leniency = judgeLeniency(ratings, { kind: 'modified-z', threshold: Number(OUTLIER_THRESHOLD) });
  const seatOf = new Map(judgeIds.map((id, i) => [id, i]));
  return {
    judgeCount: judgeIds.length,
    projectCount,
    sheetCount,
    recusalCount,
    table: { projects: completeProjects.length, judges: scoring.length, excludedProjects: excluded },
    icc,
    kendallW: w,
    leniency: {
      threshold: OUTLIER_THRESHOLD,
      medianOffset: exact(leniency.medianOffset),
      judges: [...leniency.judges]
        .sort((a, b) => (seatOf.get(a.judgeId) ?? 0) - (seatOf.get(b.judgeId) ?? 0))
        .map((judge) => ({
          judgeId: judge.judgeId,
          itemCount: judge.itemCount,
          meanOffset: exact(judge.meanOffset),
          modifiedZ: approximate(judge.modifiedZ),
          outlier: judge.outlier,
        })),
    },
    notes,
  };
}

function biasFigures(entry: AffiliationBiasReport['pooled']): AffiliationBiasFigures {
  return {
    sameCount: entry.sameCount,
    otherCount: entry.otherCount,
    sameMeanOffset: exact(entry.sameMeanOffset),
    otherMeanOffset: exact(entry.otherMeanOffset),
    bias: exact(entry.bias),
    welchT: approximate(entry.welchT),
  };
}

/**
 * Affiliation bias of each judge with a community over the counted sheets: the mean offset from
 * the rest of the panel on projects of the judge's own community minus the mean offset on the
 * others. A judge is flagged when the bias exceeds `threshold` points (favouring their own).
 * Invariants: `judgeIds` in seat order gives the output order; the flag reads the exact bias;
 * nothing here changes a score or a grant.
 */
export function affiliationBiasStatistics(
  totals: readonly CountedTotal[],
  judgeIds: readonly string[],
  judgeAffiliations: Readonly<Record<string, string>>,
  projectAffiliations: Readonly<Record<string, string>>,
  threshold: string | undefined,
): AffiliationBiasStatistics {
  const report = affiliationBias(
    totals.map((entry) => ({ item: entry.projectId, judge: entry.judgeId, score: entry.total })),
    { judges: judgeAffiliations, items: projectAffiliations },
  );
  const limit = threshold === undefined ? null : Rational.parse(threshold);
  const byJudge = new Map(report.judges.map((judge) => [judge.judgeId, judge]));
  const judges = judgeIds
    .filter((id) => judgeAffiliations[id] !== undefined && byJudge.has(id))
    .map((id) => {
      const judge = byJudge.get(id) as AffiliationBiasReport['judges'][number];
      return {
        judgeId: id,
        affiliation: judge.affiliation,
        ...biasFigures(judge),
        flagged: limit !== null && judge.bias !== null && judge.bias.gt(limit),
      };
    });
  return {
    threshold: threshold ?? null,
    judges,
    pooled: biasFigures(report.pooled),
    flaggedCount: judges.filter((judge) => judge.flagged).length,
  };
}
