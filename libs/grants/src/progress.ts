import { GrantState, OUTCOME_OF_GRANT_STATE, ProjectOutcome, TerminationCause, TrancheState } from '@app/domain';
import { paidFen } from './ledger';

/** How far a grant has come, as the public and the office read it beside the ledger. */
export interface GrantProgress {
  readonly amountFen: number;
  readonly paidFen: number;
  /** Whole percent of the grant paid, rounded down: 100 only once every fen is paid. */
  readonly paidPercent: number;
  readonly tranchesPaid: number;
  /** Tranches still owed or paid; a tranche cancelled by a termination is no longer counted. */
  readonly tranchesPlanned: number;
  readonly outcome: ProjectOutcome;
}

/**
 * A grant's progress from its stored tranches. Invariants: 0 ≤ paidPercent ≤ 100, paidFen never
 * exceeds what the tranches hold, and the outcome follows the grant's state, except that a grant
 * ended by the monthly checks' exit rule reads as exited rather than terminated.
 */
export function grantProgress(
  grant: {
    readonly amountFen: number;
    readonly state: GrantState;
    /** The cause of the confirmed termination proposal that ended the grant, if one did. */
    readonly terminationCause?: TerminationCause | null;
  },
  tranches: readonly { readonly amountFen: number; readonly state: TrancheState }[],
): GrantProgress {
  const paid = paidFen(tranches);
  return {
    amountFen: grant.amountFen,
    paidFen: paid,
    paidPercent: grant.amountFen > 0 ? Math.min(100, Math.floor((paid * 100) / grant.amountFen)) : 0,
    tranchesPaid: tranches.filter((t) => t.state === TrancheState.Paid).length,
    tranchesPlanned: tranches.filter((t) => t.state !== TrancheState.Cancelled).length,
    outcome:
      grant.state === GrantState.Terminated && grant.terminationCause === TerminationCause.MonthlyChecks
        ? ProjectOutcome.Exited
        : OUTCOME_OF_GRANT_STATE[grant.state],
  };
}
