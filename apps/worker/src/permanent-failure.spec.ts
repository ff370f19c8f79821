import { UnrecoverableError } from 'bullmq';
import { AgreementErrors, CompetitionErrors, CompetitionState, RankingErrors, RequestErrors } from '@app/domain';
import { ReportsError, ReportsErrorCode } from '@app/reports';
import { ScoringError, ScoringErrorCode } from '@app/scoring';
import { forBullmq, permanentFailure } from './permanent-failure';

describe('what the worker gives up on, and what it retries', () => {
  it('gives up on a refusal about the data or the state, keeping its reason and its words', () => {
    const refusal = CompetitionErrors.transitionNotAllowed(CompetitionState.Draft, CompetitionState.Ranked);
    expect(permanentFailure(refusal)).toEqual({
      code: 'CONFLICT',
      reason: 'TRANSITION_NOT_ALLOWED',
      message: { zh: refusal.messageZh, en: refusal.messageEn },
      field: undefined,
    });
    expect(permanentFailure(AgreementErrors.fundedProjectMissing('s-1'))?.reason).toBe('FUNDED_PROJECT_MISSING');
  });

  it('retries what may go differently next time: a busy service, a timeout, the database or Redis away', () => {
    expect(permanentFailure(RankingErrors.retriesExhausted())).toBeUndefined();
    expect(permanentFailure(RequestErrors.requestTimeout())).toBeUndefined();
    expect(permanentFailure(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBeUndefined();
  });

  it('gives up on rules the engine cannot compute, telling people which field in their words', () => {
    const failure = permanentFailure(
      new ScoringError(ScoringErrorCode.InvalidRanking, 'unknown tie-break "coin-toss"', 'rules.tieBreaks.0'),
    );
    expect(failure).toEqual({
      code: 'SCORING_INVALID_RANKING',
      reason: 'SCORING_INVALID_RANKING',
      message: {
        zh: '评分规则或数据无法计算：同分排序规则第 1 项有误，排名规则不成立',
        en: 'the rules or data cannot be computed: tie-break 1 is wrong; the ranking rules do not hold together',
      },
      field: 'rules.tieBreaks.0',
    });
  });

  it('gives up on an agreement the renderer refuses, without showing its technical message', () => {
    const failure = permanentFailure(new ReportsError(ReportsErrorCode.InvalidFont, 'font has no CJK glyphs'));
    expect(failure?.message.en).toBe('the agreement cannot be drawn up; contact the administrator');
  });

  it('hands BullMQ an UnrecoverableError naming the reason for a permanent failure, and the error itself otherwise', () => {
    const given = forBullmq(RankingErrors.runNotFound());
    expect(given).toBeInstanceOf(UnrecoverableError);
    expect((given as Error).message).toMatch(/^RUN_NOT_FOUND: /);
    const transient = new Error('read ECONNRESET');
    expect(forBullmq(transient)).toBe(transient);
  });
});
