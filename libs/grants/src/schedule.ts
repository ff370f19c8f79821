import { TrancheCondition, TrancheRule } from '@app/domain';

export interface ScheduledTranche {
  /** 1, 2, 3 … in payment order. */
  readonly sequence: number;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly percent: number;
  readonly amountFen: number;
  readonly condition: TrancheCondition;
}

/**
 * The grant in tranches, as the agreement prints them and the ledger pays them: every tranche but
 * the last is its percentage of the grant rounded down to the fen, and the last (尾款) takes what
 * remains, so the tranches add up to the grant exactly and no tranche is paid a fen early.
 * Percentages are whole numbers adding up to 100 (the rules' validator sees to it).
 */
export function planSchedule(grantFen: number, tranches: readonly TrancheRule[]): ScheduledTranche[] {
  const grant = BigInt(grantFen);
  let paidBefore = 0n;
  return tranches.map((tranche, i) => {
    const last = i === tranches.length - 1;
    const amount = last ? grant - paidBefore : (grant * BigInt(tranche.percent)) / 100n;
    paidBefore += amount;
    return {
      sequence: i + 1,
      labelZh: tranche.labelZh,
      labelEn: tranche.labelEn,
      percent: tranche.percent,
      amountFen: Number(amount),
      condition: tranche.condition,
    };
  });
}
