import { COMPETITION_PRESETS, DomainError, TrancheRule } from '@app/domain';
import { ConditionFacts } from '../src/conditions';
import { GrantLedger, Payee, TrancheLedger, createGrant } from '../src/ledger';
import { planSchedule } from '../src/schedule';

export const PAYEE: Payee = {
  accountName: '佛山市三水区西南街道五顶岗社区居民委员会',
  bankName: '中国农业银行佛山三水西南支行',
  accountNumber: '44520101040012345',
};

export const SIGNED_AT = new Date('2027-01-05T02:00:00Z');

export function factsOn(
  today: string,
  acceptedReports: ConditionFacts['acceptedReports'] = [],
  passedEvaluations: ConditionFacts['passedEvaluations'] = [],
): ConditionFacts {
  return { agreementId: 'agreement-1', acceptedReports, passedEvaluations, today };
}

/** 五顶岗's grant: ¥30,000.01 in the party-building preset's 50 / 30 / 20, created on signing. */
export function signedGrant(
  amountFen = 3_000_001,
  rules: readonly TrancheRule[] = COMPETITION_PRESETS['party-building'].tranches,
): { grant: GrantLedger; tranches: TrancheLedger[] } {
  const schedule = planSchedule(amountFen, rules).map((scheduled) => ({ id: `t${scheduled.sequence}`, scheduled }));
  return createGrant({ id: 'grant-1', amountFen }, schedule, factsOn('2027-01-05'), SIGNED_AT).value;
}

export function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
