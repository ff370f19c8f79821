import { Rational } from '../rational';
import { PabulibElection } from './pabulib.types';

interface Run {
  readonly selected: readonly number[];
  readonly cost: Rational;
}

/**
 * Budget classes: voters whose remaining budgets are equal share a class, so a round costs a few
 * operations per project instead of one per supporter. Each class keeps its exact value and a
 * float shadow used only to shortlist candidates.
 */
class BudgetClasses {
  readonly exact: Rational[] = [];
  readonly approx: number[] = [];
  private readonly idByKey = new Map<string, number>();

  idOf(value: Rational, approx: number): number {
    const key = value.toString();
    const known = this.idByKey.get(key);
    if (known !== undefined) return known;
    this.exact.push(value);
    this.approx.push(approx);
    this.idByKey.set(key, this.exact.length - 1);
    return this.exact.length - 1;
  }
}

/**
 * Float estimates are trusted only to shortlist: every project whose estimate lies within this
 * relative distance of the best is priced exactly, so the choice is the exact one.
 */
const SHORTLIST_TOLERANCE = 1e-9;

interface Priced {
  readonly q: Rational;
  readonly rho: Rational;
}

/** Smallest equal payment q each supporter makes (or all they have, if less); undefined if unaffordable. */
function priceExact(cost: Rational, counts: ReadonlyMap<number, number>, classes: BudgetClasses): Priced | undefined {
  if (cost.isZero()) return { q: Rational.ZERO, rho: Rational.ZERO };
  const groups = [...counts.entries()]
    .map(([id, count]) => ({ value: classes.exact[id], count }))
    .sort((a, b) => a.value.compare(b.value));
  let remaining = cost;
  let payers = groups.reduce((sum, group) => sum + group.count, 0);
  for (const group of groups) {
    const q = remaining.div(Rational.of(payers));
    if (group.value.gte(q)) return { q, rho: q.div(cost) };
    remaining = remaining.sub(group.value.mul(Rational.of(group.count)));
    payers -= group.count;
  }
  return undefined;
}

/** Float estimate of ρ; Infinity when clearly unaffordable, an optimistic ρ when it is borderline. */
function priceApprox(cost: number, counts: ReadonlyMap<number, number>, classes: BudgetClasses): number {
  if (cost === 0) return 0;
  let wealth = 0;
  let payers = 0;
  let richest = 0;
  for (const [id, count] of counts) {
    const value = classes.approx[id];
    wealth += value * count;
    payers += count;
    if (value > richest) richest = value;
  }
  if (wealth < cost * (1 - SHORTLIST_TOLERANCE)) return Infinity;
  if (wealth <= cost * (1 + SHORTLIST_TOLERANCE)) return richest / cost;
  const groups = [...counts.entries()]
    .map(([id, count]) => ({ value: classes.approx[id], count }))
    .sort((a, b) => a.value - b.value);
  let remaining = cost;
  for (const group of groups) {
    const q = remaining / payers;
    if (group.value >= q) return q / cost;
    remaining -= group.value * group.count;
    payers -= group.count;
  }
  return richest / cost;
}

/**
 * One run of the Method of Equal Shares with cost utilities: every voter starts with
 * `perVoter`; each round funds the project whose supporters can pay for it with the smallest
 * payment per unit of utility ρ (a supporter's utility is the project's cost, so each pays
 * min(remaining budget, ρ · cost)); ties go to more supporters, then lower cost, then the earlier
 * project in the file. Stops when no project is affordable. Decisions are made on exact values.
 */
function runEqualShares(
  costs: readonly Rational[],
  supporters: readonly (readonly number[])[],
  ballots: readonly (readonly number[])[],
  perVoter: Rational,
): Run {
  const classes = new BudgetClasses();
  const start = classes.idOf(perVoter, perVoter.toNumber());
  const approxCosts = costs.map((cost) => cost.toNumber());
  const voterClass = new Int32Array(ballots.length).fill(start);
  const histogram = supporters.map((list) => new Map<number, number>(list.length > 0 ? [[start, list.length]] : []));
  const open = new Set<number>(costs.map((_, p) => p).filter((p) => supporters[p].length > 0));
  const selected: number[] = [];
  let total = Rational.ZERO;

  for (;;) {
    const estimates = [...open].map((p) => ({ p, rho: priceApprox(approxCosts[p], histogram[p], classes) }));
    const lowest = Math.min(...estimates.map((e) => e.rho));
    if (lowest === Infinity) break;
    let best: (Priced & { p: number }) | undefined;
    for (const { p, rho } of estimates) {
      if (rho > lowest * (1 + SHORTLIST_TOLERANCE) + Number.MIN_VALUE) continue;
      const priced = priceExact(costs[p], histogram[p], classes);
      if (priced === undefined) continue;
      if (best === undefined || better(p, priced.rho, best.p, best.rho, costs, supporters)) best = { p, ...priced };
    }
    if (best === undefined) {
      // Borderline estimates that proved unaffordable; price the rest exactly rather than guess.
      for (const { p, rho } of estimates) {
        if (rho === Infinity) continue;
        const priced = priceExact(costs[p], histogram[p], classes);
        if (priced === undefined) continue;
        if (best === undefined || better(p, priced.rho, best.p, best.rho, costs, supporters)) best = { p, ...priced };
      }
      if (best === undefined) break;
    }
    const { p, q } = best;
    const qApprox = q.toNumber();
    open.delete(p);
    selected.push(p);
    total = total.add(costs[p]);
    const moved = new Map<number, number>();
    for (const [id] of histogram[p]) {
      const value = classes.exact[id];
      moved.set(
        id,
        value.lte(q) ? classes.idOf(Rational.ZERO, 0) : classes.idOf(value.sub(q), classes.approx[id] - qApprox),
      );
    }
    for (const voter of supporters[p]) {
      const from = voterClass[voter];
      const to = moved.get(from) as number;
      if (to === from) continue;
      voterClass[voter] = to;
      for (const other of ballots[voter]) {
        const counts = histogram[other];
        const left = (counts.get(from) ?? 0) - 1;
        if (left === 0) counts.delete(from);
        else counts.set(from, left);
        counts.set(to, (counts.get(to) ?? 0) + 1);
      }
    }
  }
  return { selected, cost: total };
}

function better(
  p: number,
  rho: Rational,
  other: number,
  otherRho: Rational,
  costs: readonly Rational[],
  supporters: readonly (readonly number[])[],
): boolean {
  const byRho = rho.compare(otherRho);
  if (byRho !== 0) return byRho < 0;
  if (supporters[p].length !== supporters[other].length) return supporters[p].length > supporters[other].length;
  const byCost = costs[p].compare(costs[other]);
  if (byCost !== 0) return byCost < 0;
  return p < other;
}

/**
 * Method of Equal Shares with cost utilities and "add1" completion, the variant that reproduces
 * Pabulib's equalshares/add1 outcomes: run MES with budget/n per voter, then raise every voter's
 * budget by one currency unit and run again while the outcome still costs no more than the budget;
 * the last outcome that fits wins. No greedy top-up, no stop at an exhaustive outcome.
 *
 * Returns project ids in the order the winning run funded them. Exact rational arithmetic.
 *
 * Invariants: the total cost of the result is ≤ the budget; the result is deterministic.
 */
export function equalSharesAdd1(election: PabulibElection): string[] {
  const index = new Map(election.projects.map((project, p) => [project.id, p]));
  const ballots = election.ballots.map((ballot) =>
    [...new Set(ballot.projectIds)].map((id) => index.get(id) as number),
  );
  const supporters = election.projects.map((): number[] => []);
  ballots.forEach((ballot, voter) => ballot.forEach((p) => supporters[p].push(voter)));
  const costs = election.projects.map((project) => project.cost);
  const supported = supporters.filter((list) => list.length > 0).length;
  if (ballots.length === 0) return [];

  const base = election.budget.div(Rational.of(ballots.length));
  const supportedCost = Rational.sum(costs.filter((_, p) => supporters[p].length > 0));
  if (supportedCost.lte(election.budget)) {
    // Add1 would raise budgets until every supported project is in; a voter who could pay for all
    // of them alone gets there in one run instead of one run per currency unit.
    return runEqualShares(costs, supporters, ballots, Rational.max(base, supportedCost)).selected.map(
      (p) => election.projects[p].id,
    );
  }
  let kept = runEqualShares(costs, supporters, ballots, base);
  for (let step = 1; kept.selected.length < supported; step += 1) {
    const next = runEqualShares(costs, supporters, ballots, base.add(Rational.of(step)));
    if (next.cost.gt(election.budget)) break;
    kept = next;
  }
  return kept.selected.map((p) => election.projects[p].id);
}
