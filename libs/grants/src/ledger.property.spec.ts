import fc from 'fast-check';
import {
  DomainError,
  RefundBasis,
  RefundState,
  ReportKind,
  TrancheCondition,
  TrancheRule,
  TrancheState,
} from '@app/domain';
import { PAYEE, factsOn } from '../test/ledger.factory';
import { addDays } from './calendar';
import { ConditionFacts } from './conditions';
import {
  GrantLedger,
  LedgerEvent,
  RefundLedger,
  Step,
  TrancheLedger,
  approveTranche,
  createGrant,
  decideCondition,
  ledgerViolations,
  paidFen,
  payTranche,
  promoteEligible,
  resumeGrant,
  returnRefund,
  suspendGrant,
  terminateGrant,
  withholdTranche,
} from './ledger';
import { planSchedule } from './schedule';

const CLERKS = ['clerk-a', 'clerk-b', 'clerk-c'];
const START = '2027-01-05';

const conditionArb: fc.Arbitrary<TrancheCondition> = fc.oneof(
  fc.constant<TrancheCondition>({ kind: 'on-signing' }),
  fc.constantFrom<TrancheCondition>(
    { kind: 'report-accepted', report: ReportKind.MidTerm },
    { kind: 'report-accepted', report: ReportKind.Final },
    { kind: 'evaluation-passed', stage: 'mid' },
    { kind: 'evaluation-passed', stage: 'final' },
    { kind: 'milestone-accepted', milestone: 2 },
  ),
  fc.integer({ min: 0, max: 400 }).map<TrancheCondition>((days) => ({ kind: 'date', date: addDays(START, days) })),
);

/** Whole percentages adding up to 100, 1 to 5 tranches, each with its condition. */
const scheduleArb: fc.Arbitrary<TrancheRule[]> = fc
  .array(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 4 })
  .map((cuts) => {
    const percents: number[] = [];
    let left = 100;
    for (const cut of cuts) {
      if (left - cut < 1) break;
      percents.push(cut);
      left -= cut;
    }
    return [...percents, left];
  })
  .chain((percents) =>
    fc.array(conditionArb, { minLength: percents.length, maxLength: percents.length }).map((conditions) =>
      percents.map((percent, i) => ({
        labelZh: `第${i + 1}期`,
        labelEn: `Tranche ${i + 1}`,
        percent,
        condition: conditions[i],
      })),
    ),
  );

/** Grants from one fen to far beyond any pool, with odd fen that rounding must not lose. */
const grantArb = fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 2_000_000_000 }));

type Command =
  | {
      readonly kind: 'approve' | 'pay' | 'withhold' | 'decide';
      /** `next`: the first tranche not yet settled, which is where a real clerk looks. */
      readonly tranche: number | 'next';
      readonly clerk: number;
      readonly day: number;
    }
  | { readonly kind: 'accept-report'; readonly report: ReportKind }
  | { readonly kind: 'wait'; readonly days: number }
  | { readonly kind: 'suspend' | 'resume' | 'return-refund' }
  | { readonly kind: 'terminate'; readonly basis: RefundBasis; readonly spentFen: number };

const trancheArb = fc.oneof(fc.constant('next' as const), fc.nat(5));

const tranchePick = (kind: 'approve' | 'pay' | 'withhold' | 'decide', days: number) =>
  fc.record({ kind: fc.constant(kind), tranche: trancheArb, clerk: fc.nat(2), day: fc.nat(days) });

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 20, arbitrary: tranchePick('approve', 0) },
  { weight: 20, arbitrary: tranchePick('pay', 3) },
  { weight: 2, arbitrary: tranchePick('withhold', 0) },
  { weight: 12, arbitrary: tranchePick('decide', 0) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('accept-report' as const),
      report: fc.constantFrom(ReportKind.MidTerm, ReportKind.Final),
    }),
  },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 120 }) }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Command>({ kind: 'suspend' }, { kind: 'resume' }, { kind: 'return-refund' }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('terminate' as const),
      basis: fc.constantFrom(RefundBasis.Unspent, RefundBasis.Breach),
      spentFen: fc.integer({ min: 0, max: 2_000_000_000 }),
    }),
  },
);

interface World {
  grant: GrantLedger;
  tranches: TrancheLedger[];
  refunds: RefundLedger[];
  reports: { id: string; kind: ReportKind }[];
  day: string;
}

/** What one command did: the step's audit rows and the world before and after; refused steps change nothing. */
interface Applied {
  readonly before: World;
  readonly after: World;
  readonly events: readonly LedgerEvent[];
  readonly refused: boolean;
}

function noon(day: string): Date {
  return new Date(`${day}T04:00:00Z`);
}

function facts(world: World): ConditionFacts {
  return factsOn(world.day, world.reports);
}

function replace(tranches: readonly TrancheLedger[], next: TrancheLedger): TrancheLedger[] {
  return tranches.map((t) => (t.id === next.id ? next : t));
}

function step(world: World, command: Command, index: number): { world: World; events: readonly LedgerEvent[] } {
  const now = noon(world.day);
  const pick = (i: number | 'next') =>
    i === 'next'
      ? (world.tranches.find((t) => ['planned', 'eligible', 'approved'].includes(t.state)) ?? world.tranches[0])
      : world.tranches[i % world.tranches.length];
  const withTranche = (result: Step<TrancheLedger>) => ({
    world: { ...world, tranches: replace(world.tranches, result.value) },
    events: result.events,
  });
  switch (command.kind) {
    case 'approve':
      return withTranche(
        approveTranche(
          world.grant,
          world.tranches,
          pick(command.tranche).id,
          CLERKS[command.clerk],
          PAYEE,
          facts(world),
          now,
        ),
      );
    case 'pay': {
      const tranche = pick(command.tranche);
      const paidOn = addDays(world.day, -command.day);
      return withTranche(payTranche(world.grant, tranche, CLERKS[command.clerk], `JZ-${index}`, paidOn, now));
    }
    case 'withhold':
      return withTranche(withholdTranche(world.grant, pick(command.tranche), CLERKS[command.clerk], '评估不合格', now));
    case 'decide':
      return withTranche(decideCondition(world.grant, pick(command.tranche), CLERKS[command.clerk], '评估合格', now));
    case 'accept-report': {
      const next = { ...world, reports: [...world.reports, { id: `r${index}`, kind: command.report }] };
      const promoted = promoteEligible(next.grant, next.tranches, facts(next), now);
      return { world: { ...next, tranches: promoted.value }, events: promoted.events };
    }
    case 'wait':
      return { world: { ...world, day: addDays(world.day, command.days) }, events: [] };
    case 'suspend': {
      const result = suspendGrant(world.grant, '暂停');
      return { world: { ...world, grant: result.value }, events: result.events };
    }
    case 'resume': {
      const result = resumeGrant(world.grant, '恢复');
      return { world: { ...world, grant: result.value }, events: result.events };
    }
    case 'terminate': {
      const result = terminateGrant(world.grant, world.tranches, {
        refundId: `refund-${index}`,
        basis: command.basis,
        acceptedGrantSpendingFen: command.spentFen,
        refundDays: 30,
        reason: '终止',
        by: CLERKS[0],
        now,
      });
      const { grant, tranches, refund } = result.value;
      return {
        world: { ...world, grant, tranches, refunds: refund ? [...world.refunds, refund] : world.refunds },
        events: result.events,
      };
    }
    case 'return-refund': {
      const open = world.refunds.find((r) => r.state === RefundState.Open);
      if (!open) return { world, events: [] };
      const result = returnRefund(open, `SK-${index}`, world.day, now);
      return {
        world: { ...world, refunds: world.refunds.map((r) => (r.id === open.id ? result.value : r)) },
        events: result.events,
      };
    }
  }
}

/** Every world a random walk passes through, from the signing on, with what each step did. */
const walkArb: fc.Arbitrary<Applied[]> = fc
  .record({ grantFen: grantArb, rules: scheduleArb, commands: fc.array(commandArb, { minLength: 10, maxLength: 60 }) })
  .map(({ grantFen, rules, commands }) => {
    const schedule = planSchedule(grantFen, rules).map((scheduled) => ({ id: `t${scheduled.sequence}`, scheduled }));
    const created = createGrant({ id: 'grant-1', amountFen: grantFen }, schedule, factsOn(START), noon(START));
    let world: World = { ...created.value, refunds: [], reports: [], day: START };
    const applied: Applied[] = [{ before: world, after: world, events: created.events, refused: false }];
    commands.forEach((command, index) => {
      try {
        const next = step(world, command, index);
        applied.push({ before: world, after: next.world, events: next.events, refused: false });
        world = next.world;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        applied.push({ before: world, after: world, events: [], refused: true });
      }
    });
    return applied;
  });

const RUNS = { numRuns: 300 };

describe('grants ledger properties', () => {
  it('the tranches always add up to the grant exactly, in whole fen', () => {
    fc.assert(
      fc.property(walkArb, (walk) =>
        walk.every(({ after }) => {
          const amounts = after.tranches.map((t) => t.amountFen);
          return (
            amounts.every((a) => Number.isSafeInteger(a) && a >= 0) &&
            amounts.reduce((a, b) => a + b, 0) === after.grant.amountFen
          );
        }),
      ),
      RUNS,
    );
  });

  it('never pays more than the grant', () => {
    fc.assert(
      fc.property(walkArb, (walk) => walk.every(({ after }) => paidFen(after.tranches) <= after.grant.amountFen)),
      RUNS,
    );
  });

  it('never pays a tranche before its condition holds, nor on the approver’s own signature', () => {
    fc.assert(
      fc.property(walkArb, (walk) =>
        walk.every(({ after }) =>
          after.tranches
            .filter((t) => t.state === TrancheState.Paid)
            .every(
              (t) =>
                t.conditionMetAt !== null &&
                t.paidAt !== null &&
                t.conditionMetAt <= t.paidAt &&
                t.approvedBy !== null &&
                t.approvedBy !== t.paidBy,
            ),
        ),
      ),
      RUNS,
    );
  });

  it('writes an audit row for every tranche, grant or refund that changes, and none for a refusal', () => {
    fc.assert(
      fc.property(walkArb, (walk) =>
        walk.slice(1).every(({ before, after, events, refused }) => {
          if (refused) return events.length === 0;
          const audited = new Set(events.map((e) => `${e.subjectType}:${e.subjectId}`));
          const changedTranches = after.tranches.filter((t, i) => t !== before.tranches[i]);
          const newRefunds = after.refunds.filter((r) => !before.refunds.includes(r));
          return (
            changedTranches.every((t) => audited.has(`tranche:${t.id}`)) &&
            newRefunds.every((r) => audited.has(`refund:${r.id}`)) &&
            (after.grant === before.grant || audited.has(`grant:${after.grant.id}`))
          );
        }),
      ),
      RUNS,
    );
  });

  it('never asks back more than was paid', () => {
    fc.assert(
      fc.property(walkArb, (walk) =>
        walk.every(({ after }) => after.refunds.reduce((sum, r) => sum + r.amountFen, 0) <= paidFen(after.tranches)),
      ),
      RUNS,
    );
  });

  it('agrees with the auditors’ check of every invariant at every step', () => {
    fc.assert(
      fc.property(walkArb, (walk) =>
        walk.every(({ after }) => ledgerViolations(after.grant, after.tranches, after.refunds).length === 0),
      ),
      RUNS,
    );
  });

  it('pays every fen of the grant when every condition comes true and two clerks sign each tranche', () => {
    fc.assert(
      fc.property(grantArb, scheduleArb, (grantFen, rules) => {
        const schedule = planSchedule(grantFen, rules).map((scheduled) => ({
          id: `t${scheduled.sequence}`,
          scheduled,
        }));
        let world: World = {
          ...createGrant({ id: 'g', amountFen: grantFen }, schedule, factsOn(START), noon(START)).value,
          refunds: [],
          reports: [],
          day: START,
        };
        world = step(world, { kind: 'accept-report', report: ReportKind.MidTerm }, 0).world;
        world = step(world, { kind: 'accept-report', report: ReportKind.Final }, 1).world;
        world = step(world, { kind: 'wait', days: 401 }, 2).world;
        for (const [i, tranche] of world.tranches.entries()) {
          if (
            tranche.state === TrancheState.Planned &&
            tranche.condition.kind !== 'date' &&
            tranche.condition.kind !== 'report-accepted'
          ) {
            world = step(world, { kind: 'decide', tranche: i, clerk: 0, day: 0 }, 10 + i).world;
          }
          world = step(world, { kind: 'approve', tranche: i, clerk: 0, day: 0 }, 20 + i).world;
          world = step(world, { kind: 'pay', tranche: i, clerk: 1, day: 0 }, 30 + i).world;
        }
        return paidFen(world.tranches) === grantFen;
      }),
      RUNS,
    );
  });
});
