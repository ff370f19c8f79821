import { aggregateProjects, type ProjectAggregate } from '../aggregate';
import { allocate, type AllocationOutcome, type AllocationResult } from '../allocate';
import { rankProjects, type ProjectRanking, type RankDecision } from '../rank';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import {
  aggregationInputOf,
  allocationRequestOf,
  finalPolicyOf,
  rankingFactsOf,
  rankingPolicyOf,
  type MappedTieBreak,
} from './bundle-policies';
import type {
  AllocationStatistics,
  BundleDecision,
  BundleInputs,
  BundleProjectResult,
  BundleResult,
} from './bundle.types';
import { RESULT_BUNDLE_VERSION } from './bundle.types';
import { canonicalJson } from './canonical-json';
import { affiliationBiasStatistics, agreementStatistics, type CountedTotal } from './judge-statistics';
import { scoreBreakdown, sheetTotals } from './score-breakdown';

/** The stages of a computation, reported in this order; a caller may show progress between them. */
export type ResultStage = 'hashed' | 'aggregated' | 'ranked' | 'allocated' | 'statistics';

export const RESULT_STAGES: readonly ResultStage[] = ['hashed', 'aggregated', 'ranked', 'allocated', 'statistics'];

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fen(amount: bigint, field: string): number {
  const value = Number(amount);
  if (!Number.isSafeInteger(value)) {
    throw new ScoringError(ScoringErrorCode.InvalidAmount, `${amount} fen is not a safe integer`, field);
  }
  return value;
}

function decisionOf(
  decision: RankDecision,
  rules: BundleInputs['rules'],
  tieBreaks: readonly MappedTieBreak[],
): BundleDecision {
  switch (decision.kind) {
    case 'score':
    case 'id':
    case 'last':
      return { kind: decision.kind };
    case 'tie-break': {
      const mapped = tieBreaks[decision.step - 1];
      return {
        kind: 'tie-break',
        step: decision.step,
        key: rules.tieBreaks[decision.step - 1],
        labelZh: mapped.label.zh,
        labelEn: mapped.label.en,
      };
    }
  }
}

function allocateEligible(
  inputs: BundleInputs,
  ranking: readonly ProjectRanking[],
  aggregates: ReadonlyMap<string, ProjectAggregate>,
): AllocationResult {
  const eligible = ranking
    .filter((entry) => aggregates.get(entry.id)?.gatesPassed !== false)
    .map((entry) => ({ projectId: entry.id, score: entry.display }));
  const { input, policy } = allocationRequestOf(inputs, eligible);
  try {
    return allocate(input, policy);
  } catch (error) {
    if (error instanceof ScoringError && error.field?.startsWith('policy')) {
      throw new ScoringError(error.code, error.message, `rules.allocation${error.field.slice('policy'.length)}`);
    }
    throw error;
  }
}

function allocationStatistics(
  result: AllocationResult,
  projects: readonly BundleProjectResult[],
): AllocationStatistics {
  const count = (status: BundleProjectResult['status']) => projects.filter((p) => p.status === status).length;
  return {
    rule: result.rule,
    poolFen: fen(result.pool, 'poolFen'),
    totalFen: fen(result.total, 'totalFen'),
    remainderFen: fen(result.remainder, 'remainderFen'),
    fundedCount: count('funded'),
    partlyFundedCount: count('partly-funded'),
    notFundedCount: count('not-funded'),
    unmetQuotas: result.unmetQuotas.map((quota) => ({
      category: quota.category,
      ...(quota.minCount !== undefined ? { minCount: quota.minCount } : {}),
      ...(quota.minAmount !== undefined ? { minAmountFen: fen(quota.minAmount, 'unmetQuotas.minAmount') } : {}),
      fundedCount: quota.fundedCount,
      fundedAmountFen: fen(quota.fundedAmount, 'unmetQuotas.fundedAmount'),
    })),
  };
}

/**
 * sha256 of UTF-8 text, as lowercase hex. The caller brings it (node:crypto in the worker and the
 * CLI), so the engine imports nothing and stays free of any platform.
 */
export type Sha256Hex = (utf8Text: string) => string;

/**
 * The computation of a result from its inputs, one stage at a time: the sha256 of the canonical
 * inputs → aggregateProjects (the
 * roadshow's announced-score policy) → rankProjects (published score, the rules' tie-breaks, id)
 * → allocate (projects failing a gate criterion take no part) → judge-agreement statistics (from
 * version 2 with each judge's affiliation bias). Each
 * `yield` names the stage just finished, so a caller can report progress; the return value is the
 * result. Pure: no clock, no randomness, no I/O.
 */
export function* resultSteps(
  inputs: BundleInputs,
  sha256: Sha256Hex,
  version: number = RESULT_BUNDLE_VERSION,
): Generator<ResultStage, BundleResult, void> {
  const inputHash = sha256(canonicalJson(inputs));
  yield 'hashed';

  const rules = inputs.rules;
  const aggregation = aggregateProjects(aggregationInputOf(inputs), finalPolicyOf(rules));
  const aggregates = new Map(aggregation.projects.map((project) => [project.projectId, project]));
  yield 'aggregated';

  const { policy, tieBreaks } = rankingPolicyOf(rules);
  const ranking = rankProjects(aggregation.projects, policy, rankingFactsOf(inputs));
  yield 'ranked';

  const allocation = allocateEligible(inputs, ranking, aggregates);
  const outcomes = new Map<string, AllocationOutcome>(allocation.outcomes.map((outcome) => [outcome.id, outcome]));
  const requested = new Map(inputs.projects.map((project) => [project.id, project.requestedFen]));
  const { byProject, totalDecimals } = sheetTotals(inputs);
  const projects: BundleProjectResult[] = ranking.map((entry, i) => {
    const aggregate = aggregates.get(entry.id) as ProjectAggregate;
    const outcome = outcomes.get(entry.id);
    const field = `projects.${i}`;
    return {
      projectId: entry.id,
      position: entry.position,
      displayRank: entry.rank,
      score: entry.display,
      breakdown: {
        score: scoreBreakdown(aggregate, byProject.get(entry.id) ?? [], totalDecimals, aggregation.decimals),
        grant: {
          requestedFen: requested.get(entry.id) ?? 0,
          capFen: outcome ? fen(outcome.cap, `${field}.capFen`) : 0,
          reserved: outcome?.reserved ?? false,
        },
      },
      decidedBy: decisionOf(entry.decidedBy, rules, tieBreaks),
      grantFen: outcome ? fen(outcome.amount, `${field}.grantFen`) : 0,
      status: outcome?.status ?? 'not-funded',
      reason: outcome?.reason ?? 'gate-failed',
    };
  });
  yield 'allocated';

  const seats = new Map(inputs.judges.map((judge) => [judge.id, judge.seat]));
  const judgeIds = [...inputs.judges]
    .sort((a, b) => (a.seat === b.seat ? codeUnitOrder(a.id, b.id) : a.seat - b.seat))
    .map((judge) => judge.id);
  const counted: CountedTotal[] = [];
  for (const projectId of [...byProject.keys()].sort(codeUnitOrder)) {
    for (const sheet of byProject.get(projectId) ?? []) {
      if (!sheet.counted || !seats.has(sheet.judgeId)) continue;
      counted.push({
        projectId,
        judgeId: sheet.judgeId,
        total: Rational.of(BigInt(sheet.units), 10n ** BigInt(totalDecimals)),
      });
    }
  }
  const panel = agreementStatistics(
    counted,
    judgeIds,
    inputs.projects.length,
    inputs.sheets.length,
    inputs.recusals.length,
  );
  const agreement =
    version >= 2
      ? {
          ...panel,
          affiliationBias: affiliationBiasStatistics(
            counted,
            judgeIds,
            Object.fromEntries(
              inputs.judges.flatMap((judge) => (judge.affiliation ? [[judge.id, judge.affiliation]] : [])),
            ),
            Object.fromEntries(inputs.projects.map((project) => [project.id, project.community])),
            rules.aggregation.biasThreshold,
          ),
        }
      : panel;
  yield 'statistics';

  return {
    inputHash,
    totalFen: fen(allocation.total, 'totalFen'),
    projects,
    statistics: { allocation: allocationStatistics(allocation, projects), agreement },
  };
}

/**
 * The result of the inputs: what the worker publishes and what `scoring verify` recomputes.
 * Invariants: a function of the inputs alone, so the same inputs give a byte-identical canonical
 * result; Σ grants = totalFen ≤ poolFen; every project appears once, ordered by position, with
 * its published score, the decision that placed it, its grant and the reason.
 */
export function computeResult(
  inputs: BundleInputs,
  sha256: Sha256Hex,
  version: number = RESULT_BUNDLE_VERSION,
): BundleResult {
  const steps = resultSteps(inputs, sha256, version);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
