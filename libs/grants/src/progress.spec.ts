import { GrantState, ProjectOutcome, TerminationCause, TrancheState } from '@app/domain';
import { grantProgress } from './progress';

const tranche = (amountFen: number, state: TrancheState) => ({ amountFen, state });

describe('grantProgress', () => {
  it('reads the paid share of a 50/30/20 grant after its first tranche as 50%', () => {
    const progress = grantProgress({ amountFen: 3_000_000, state: GrantState.Active }, [
      tranche(1_500_000, TrancheState.Paid),
      tranche(900_000, TrancheState.Eligible),
      tranche(600_000, TrancheState.Planned),
    ]);
    expect(progress).toEqual({
      amountFen: 3_000_000,
      paidFen: 1_500_000,
      paidPercent: 50,
      tranchesPaid: 1,
      tranchesPlanned: 3,
      outcome: ProjectOutcome.InProgress,
    });
  });

  it('rounds the share down, so a grant short of its last fen never reads 100%', () => {
    const progress = grantProgress({ amountFen: 1_000_001, state: GrantState.Active }, [
      tranche(1_000_000, TrancheState.Paid),
      tranche(1, TrancheState.Approved),
    ]);
    expect(progress.paidPercent).toBe(99);
  });

  it('leaves cancelled tranches out of the plan when a grant is terminated', () => {
    const progress = grantProgress({ amountFen: 2_000_000, state: GrantState.Terminated }, [
      tranche(1_000_000, TrancheState.Paid),
      tranche(1_000_000, TrancheState.Cancelled),
    ]);
    expect(progress).toMatchObject({ paidPercent: 50, tranchesPaid: 1, tranchesPlanned: 1 });
    expect(progress.outcome).toBe(ProjectOutcome.Terminated);
  });

  it.each([
    [GrantState.Active, ProjectOutcome.InProgress],
    [GrantState.Suspended, ProjectOutcome.InProgress],
    [GrantState.Completed, ProjectOutcome.Finished],
    [GrantState.Terminated, ProjectOutcome.Terminated],
  ])('reads a %s grant as %s', (state, outcome) => {
    expect(grantProgress({ amountFen: 100, state }, []).outcome).toBe(outcome);
  });

  it('reads a grant its monthly checks ended as exited, and one ended for another cause as terminated', () => {
    const ended = (terminationCause: TerminationCause | null) =>
      grantProgress({ amountFen: 100, state: GrantState.Terminated, terminationCause }, []).outcome;
    expect(ended(TerminationCause.MonthlyChecks)).toBe(ProjectOutcome.Exited);
    expect(ended(TerminationCause.Diversion)).toBe(ProjectOutcome.Terminated);
    expect(ended(null)).toBe(ProjectOutcome.Terminated);
  });
});
