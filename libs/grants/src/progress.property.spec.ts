import fc from 'fast-check';
import { GrantState, TrancheState } from '@app/domain';
import { grantProgress } from './progress';

const STATES = Object.values(TrancheState);

/** A grant split into tranches in whole fen, each in any state: what the ledger can hold. */
const grantWithTranches = fc
  .array(fc.record({ amountFen: fc.integer({ min: 0, max: 50_000_000 }), state: fc.constantFrom(...STATES) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((tranches) => ({ amountFen: tranches.reduce((sum, t) => sum + t.amountFen, 0), tranches }));

describe('grantProgress properties', () => {
  it('never reads below 0% or above 100%, and 100% only when every fen is paid', () => {
    fc.assert(
      fc.property(grantWithTranches, ({ amountFen, tranches }) => {
        const progress = grantProgress({ amountFen, state: GrantState.Active }, tranches);
        expect(progress.paidPercent).toBeGreaterThanOrEqual(0);
        expect(progress.paidPercent).toBeLessThanOrEqual(100);
        expect(progress.paidPercent === 100).toBe(amountFen > 0 && progress.paidFen === amountFen);
      }),
    );
  });

  it('never counts more paid than the grant, nor more tranches paid than planned', () => {
    fc.assert(
      fc.property(grantWithTranches, ({ amountFen, tranches }) => {
        const progress = grantProgress({ amountFen, state: GrantState.Active }, tranches);
        expect(progress.paidFen).toBeLessThanOrEqual(amountFen);
        expect(progress.tranchesPaid).toBeLessThanOrEqual(progress.tranchesPlanned);
      }),
    );
  });

  it('reads more paid as no less paid: paying a planned tranche never lowers the share', () => {
    fc.assert(
      fc.property(grantWithTranches, fc.nat(), ({ amountFen, tranches }, pick) => {
        const before = grantProgress({ amountFen, state: GrantState.Active }, tranches);
        const index = pick % tranches.length;
        const paid = tranches.map((t, i) => (i === index ? { ...t, state: TrancheState.Paid } : t));
        const after = grantProgress({ amountFen, state: GrantState.Active }, paid);
        expect(after.paidPercent).toBeGreaterThanOrEqual(before.paidPercent);
      }),
    );
  });
});
