import { Bilingual, OFFICE_DECIDED_CONDITIONS, ReportKind, TrancheCondition, TrancheState } from '@app/domain';

/** Why a tranche's condition holds, kept with the tranche for the auditors. */
export type ConditionEvidence =
  | { readonly kind: 'signing'; readonly agreementId: string }
  | { readonly kind: 'report'; readonly reportId: string }
  | { readonly kind: 'office-decision'; readonly by: string; readonly reason: string }
  | {
      readonly kind: 'evaluation';
      readonly roundId: string;
      readonly stage: 'mid' | 'final';
      readonly score: string;
      readonly band: string;
    }
  | { readonly kind: 'date'; readonly date: string };

/** What the ledger knows when it asks whether a condition holds. */
export interface ConditionFacts {
  /** The accepted signed agreement the grant was created from. */
  readonly agreementId: string;
  readonly acceptedReports: readonly { readonly id: string; readonly kind: ReportKind }[];
  /** Passed evaluations of the grant (a re-evaluation's pass counts for the stage it remediated). */
  readonly passedEvaluations: readonly {
    readonly roundId: string;
    readonly stage: 'mid' | 'final';
    readonly score: string;
    readonly band: string;
  }[];
  /** Today in Beijing, YYYY-MM-DD. */
  readonly today: string;
}

/**
 * The evidence that the condition holds from the ledger's own facts, or null. A passed evaluation
 * of the stage is such a fact; the office may also record its own decision on an evaluation or a
 * milestone, which never hold from facts otherwise.
 */
export function evidenceFromFacts(condition: TrancheCondition, facts: ConditionFacts): ConditionEvidence | null {
  switch (condition.kind) {
    case 'on-signing':
      return { kind: 'signing', agreementId: facts.agreementId };
    case 'report-accepted': {
      const report = facts.acceptedReports.find((r) => r.kind === condition.report);
      return report ? { kind: 'report', reportId: report.id } : null;
    }
    case 'date':
      return facts.today >= condition.date ? { kind: 'date', date: condition.date } : null;
    case 'evaluation-passed': {
      const passed = facts.passedEvaluations.find((evaluation) => evaluation.stage === condition.stage);
      return passed ? { kind: 'evaluation', ...passed } : null;
    }
    case 'milestone-accepted':
      return null;
  }
}

export function isOfficeDecided(condition: TrancheCondition): boolean {
  return OFFICE_DECIDED_CONDITIONS.includes(condition.kind);
}

/** The condition in words, as the ledger, the payment notice and the refusals name it. */
export function describeCondition(condition: TrancheCondition): Bilingual {
  switch (condition.kind) {
    case 'on-signing':
      return { zh: '协议签订后', en: 'on signing the agreement' };
    case 'report-accepted':
      return condition.report === ReportKind.MidTerm
        ? { zh: '中期报告审核通过后', en: 'after the mid-term report is accepted' }
        : { zh: '结项报告审核通过后', en: 'after the final report is accepted' };
    case 'evaluation-passed':
      return condition.stage === 'mid'
        ? { zh: '中期评估合格后', en: 'after passing the mid-term evaluation' }
        : { zh: '结项评估合格后', en: 'after passing the final evaluation' };
    case 'milestone-accepted':
      return {
        zh: `第 ${condition.milestone} 个里程碑验收后`,
        en: `after milestone ${condition.milestone} is accepted`,
      };
    case 'date':
      return { zh: `${condition.date} 起`, en: `from ${condition.date}` };
  }
}

/**
 * The state a tranche reads as today: a planned tranche waiting only for a date that has come is
 * eligible (it is stored so when approved). Every other fact makes it eligible in storage at once.
 */
export function trancheStateToday(
  tranche: { readonly state: TrancheState; readonly condition: TrancheCondition },
  today: string,
): TrancheState {
  if (tranche.state === TrancheState.Planned && tranche.condition.kind === 'date' && today >= tranche.condition.date) {
    return TrancheState.Eligible;
  }
  return tranche.state;
}
