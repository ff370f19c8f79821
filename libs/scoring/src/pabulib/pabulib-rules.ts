import { allocate } from '../allocate/allocate';
import { AllocationRule } from '../allocate/allocation.types';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { equalSharesAdd1 } from './equal-shares';
import { PabulibElection } from './pabulib.types';

export type PabulibRule = 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equalshares/add1';

export const PABULIB_RULES: readonly PabulibRule[] = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'equalshares/add1',
];

export interface PabulibSelection {
  readonly rule: PabulibRule;
  /** Selected project ids in the order the rule selected them. */
  readonly selected: readonly string[];
  readonly cost: Rational;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The ranking key Pabulib's greedy rules use: points for cumulative and scoring ballots (Kostuchna
 * ranks by score), otherwise the number of approvals.
 */
function rankingKey(election: PabulibElection): (projectIndex: number) => bigint {
  const byPoints = election.voteType === 'cumulative' || election.voteType === 'scoring';
  return (p) => {
    const project = election.projects[p];
    if (!byPoints) return project.votes;
    if (project.score === undefined) {
      throw new ScoringError(
        ScoringErrorCode.InvalidInput,
        `Pabulib: ${election.voteType} election without scores`,
        `projects.${p}.score`,
      );
    }
    return project.score;
  };
}

function greedySelection(election: PabulibElection, rule: AllocationRule): string[] {
  // Costs may carry decimals; scaling everything by the common denominator keeps the arithmetic whole.
  const scale = [election.budget, ...election.projects.map((project) => project.cost)].reduce(
    (acc, value) => (acc / gcd(acc, value.den)) * value.den,
    1n,
  );
  const whole = (value: Rational): bigint => value.mul(Rational.of(scale)).floor();
  const key = rankingKey(election);
  const threshold = election.minProjectScoreThreshold;
  const result = allocate(
    {
      pool: whole(election.budget),
      projects: election.projects.map((project, p) => ({
        id: project.id,
        score: Rational.of(key(p)),
        requested: whole(project.cost),
      })),
    },
    { rule, passScore: threshold },
  );
  return result.outcomes.filter((outcome) => outcome.amount > 0n).map((outcome) => outcome.id);
}

/**
 * Applies a Pabulib rule (by default the file's META `rule`): greedy funds projects by descending
 * key while they fit and skips misfits; greedy-no-skip stops at the first misfit; greedy-threshold
 * first drops projects below META min_project_score_threshold. A threshold in META is honoured by
 * every greedy rule because it is part of the election's data. Ties in the key go to the cheaper
 * project, then the smaller id. equalshares/add1 is the Method of Equal Shares with add-one completion.
 *
 * Invariants: the selected projects cost at most the budget; deterministic.
 */
export function selectPabulib(election: PabulibElection, ruleOverride?: string): PabulibSelection {
  const ruleText = ruleOverride ?? election.rule;
  if (ruleText === undefined || !(PABULIB_RULES as readonly string[]).includes(ruleText)) {
    throw new ScoringError(
      ScoringErrorCode.InvalidPolicy,
      `unsupported Pabulib rule "${ruleText ?? ''}"; supported: ${PABULIB_RULES.join(', ')}`,
      ruleOverride === undefined ? 'meta.rule' : 'rule',
    );
  }
  const rule = ruleText as PabulibRule;
  let selected: string[];
  switch (rule) {
    case 'greedy':
    case 'greedy-threshold':
      selected = greedySelection(election, 'greedy');
      break;
    case 'greedy-no-skip':
      selected = greedySelection(election, 'greedy-no-skip');
      break;
    case 'equalshares/add1':
      if (election.voteType !== 'approval') {
        // Utilities here come from approvals; points ballots would need a different utility model.
        throw new ScoringError(
          ScoringErrorCode.InvalidPolicy,
          `equalshares/add1 is implemented for approval ballots, not ${election.voteType}`,
          'meta.vote_type',
        );
      }
      selected = equalSharesAdd1(election);
      break;
  }
  const costById = new Map(election.projects.map((project) => [project.id, project.cost]));
  const cost = Rational.sum(selected.map((id) => costById.get(id) as Rational));
  return { rule, selected, cost };
}
