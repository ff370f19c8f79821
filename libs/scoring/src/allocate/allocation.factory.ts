import { AllocationOutcome, AllocationPolicy, AllocationProject, AllocationResult } from './allocation.types';

/** ¥ to fen, for readable test data; refuses an amount whose product is not a whole fen. */
export function yuan(amount: number): number {
  if (!Number.isSafeInteger(amount * 100)) throw new Error(`yuan(${amount}): test amounts are whole yuan`);
  return amount * 100;
}

/** A tiers-by-rank policy from [from, to, amount] bands, so a table of cases reads as the bands it tests. */
export function rankTiers(...bands: readonly (readonly [number, number, number])[]): AllocationPolicy {
  return { rule: 'tiers', tiers: { by: 'rank', bands: bands.map(([from, to, amount]) => ({ from, to, amount })) } };
}

export function project(
  id: string,
  score: string,
  requested: number,
  extra: Partial<AllocationProject> = {},
): AllocationProject {
  return { id, score, requested, ...extra };
}

export function outcomeById(result: AllocationResult, id: string): AllocationOutcome {
  const outcome = result.outcomes.find((candidate) => candidate.id === id);
  if (outcome === undefined) throw new Error(`no outcome for ${id}`);
  return outcome;
}

/** id → [amount in fen, status, reason], the three things a published list shows. */
export function summary(result: AllocationResult): Record<string, [number, string, string]> {
  return Object.fromEntries(result.outcomes.map((o) => [o.id, [Number(o.amount), o.status, o.reason]]));
}

export function fundedIds(result: AllocationResult): string[] {
  return result.outcomes.filter((o) => o.amount > 0n).map((o) => o.id);
}

/** The error a call throws, for asserting its code and field; fails the test when nothing is thrown. */
export function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
