import { VoteFlag, VoteRefusal, VoteRoundPhase } from '@app/domain';
import {
  CastSoFar,
  VoteLimits,
  limitRefusal,
  phaseAt,
  remainingAfter,
  velocityFlag,
  windowRefusal,
} from './vote-limits';

const limits: VoteLimits = {
  opensAt: new Date('2026-12-01T00:00:00Z'),
  closesAt: new Date('2026-12-08T00:00:00Z'),
  votesPerDay: 3,
  votesTotal: 10,
  perProject: 1,
  perCategory: 2,
};
const POVERTY = () => Promise.resolve({ zh: '扶贫帮困类', en: 'Poverty relief' });
const none: CastSoFar = { total: 0, today: 0, forProject: 0, inCategory: 0, lastCastAt: null };

describe('vote limits', () => {
  it('opens at opensAt and closes at closesAt exactly', () => {
    expect(phaseAt(limits, new Date('2026-11-30T23:59:59.999Z'))).toBe(VoteRoundPhase.Upcoming);
    expect(phaseAt(limits, limits.opensAt)).toBe(VoteRoundPhase.Open);
    expect(phaseAt(limits, limits.closesAt)).toBe(VoteRoundPhase.Closed);
    expect(windowRefusal(limits, new Date('2026-11-30T00:00:00Z'))?.reason).toBe(VoteRefusal.RoundNotYetOpen);
    expect(windowRefusal(limits, limits.closesAt)?.reason).toBe(VoteRefusal.RoundClosed);
    expect(windowRefusal(limits, new Date('2026-12-03T00:00:00Z'))).toBeNull();
  });

  it('lets a vote through below every limit', async () => {
    expect(await limitRefusal(limits, { ...none, total: 9, today: 2, inCategory: 1 }, POVERTY)).toBeNull();
  });

  it('refuses a second vote for one project, a full category, a spent day and a spent total', async () => {
    expect((await limitRefusal(limits, { ...none, forProject: 1 }, POVERTY))?.reason).toBe(
      VoteRefusal.ProjectLimitReached,
    );
    expect((await limitRefusal(limits, { ...none, inCategory: 2 }, POVERTY))?.messageZh).toContain('扶贫帮困类');
    expect((await limitRefusal(limits, { ...none, today: 3, total: 3 }, POVERTY))?.reason).toBe(
      VoteRefusal.DailyLimitReached,
    );
    expect((await limitRefusal(limits, { ...none, total: 10 }, POVERTY))?.reason).toBe(VoteRefusal.TotalLimitReached);
  });

  it('has no daily or category limit when the round sets none', async () => {
    const open = { ...limits, votesPerDay: null, perCategory: null };
    expect(await limitRefusal(open, { ...none, today: 9, total: 9, inCategory: 9 }, POVERTY)).toBeNull();
    expect(remainingAfter(open, { total: 4, today: 4 })).toEqual({ today: null, total: 6 });
  });

  it('never promises more votes today than remain in all', () => {
    expect(remainingAfter(limits, { total: 9, today: 0 })).toEqual({ today: 1, total: 1 });
    expect(remainingAfter(limits, { total: 2, today: 2 })).toEqual({ today: 1, total: 8 });
  });

  it('flags a vote cast within a second of the last one, and only then', () => {
    const last = new Date('2026-12-03T08:00:00.000Z');
    expect(velocityFlag({ lastCastAt: last }, new Date('2026-12-03T08:00:00.400Z'))).toBe(VoteFlag.Velocity);
    expect(velocityFlag({ lastCastAt: last }, new Date('2026-12-03T08:00:01.000Z'))).toBeNull();
    expect(velocityFlag({ lastCastAt: null }, last)).toBeNull();
  });
});
