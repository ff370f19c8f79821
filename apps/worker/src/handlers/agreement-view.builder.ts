import { CompetitionRules } from '@app/domain';
import { BudgetLine, GrantorParty } from '@app/persistence';
import {
  AgreementBudgetLine,
  AgreementLocale,
  AgreementView,
  defaultGranteeObligations,
  distributeByLargestRemainder,
  planTranches,
} from '@app/reports';

/** What one agreement is drawn from: plain values read from the competition, the run and the project. */
export interface AgreementSource {
  readonly locale: AgreementLocale;
  readonly number: string;
  readonly competition: {
    readonly title: string;
    readonly grantor: GrantorParty;
    readonly rules: Pick<CompetitionRules, 'categories' | 'tranches'>;
  };
  readonly organization: {
    readonly name: string;
    readonly community: string;
    readonly creditCode: string | null;
    readonly contactName: string;
    readonly contactPhone: string;
  };
  readonly submission: {
    readonly title: string;
    readonly category: string;
    readonly summary: string;
    readonly budgetLines: readonly BudgetLine[];
    readonly milestones: readonly { readonly due: string }[];
  };
  readonly grantFen: number;
  /** The instant the agreement is generated: its PDF date and the start of the project period. */
  readonly generatedAt: Date;
}

const ZH_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** The calendar day in Beijing, where the competitions take place, as YYYY-MM-DD. */
export function beijingDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** GYCT-<year the competition was created, Beijing time>-<sequence as 4 digits>. */
export function agreementNumber(competitionCreatedAt: Date, sequence: number): string {
  return `GYCT-${beijingDate(competitionCreatedAt).slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The project period runs from the agreement to the last milestone the applicant planned. A
 * plan whose milestones are all already past (or absent) gets the usual one-year term of a
 * 公益创投 project, so the period never ends before it starts.
 */
export function projectPeriod(
  generatedAt: Date,
  milestones: readonly { readonly due: string }[],
): { start: string; end: string } {
  const start = beijingDate(generatedAt);
  const lastDue = milestones
    .map((m) => m.due)
    .reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  if (lastDue !== undefined && lastDue > start) {
    return { start, end: lastDue };
  }
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + 1, m - 1, d) - 24 * 3600 * 1000);
  return { start, end: end.toISOString().slice(0, 10) };
}

/**
 * The submitted budget lines scaled to the grant by largest remainder, so they add up to the
 * grant exactly (the submitted total also holds matching funds and, for a partly funded project,
 * more than was granted). Equal remainders go to the earlier line: the result depends on the inputs only.
 */
export function scaleBudgetLines(lines: readonly BudgetLine[], grantFen: number): AgreementBudgetLine[] {
  const weights = lines.map((line) => BigInt(line.amountFen));
  if (lines.length === 0 || weights.every((w) => w === 0n)) {
    return [{ item: '项目实施费用', kind: '综合', amountFen: BigInt(grantFen) }];
  }
  const amounts = distributeByLargestRemainder(BigInt(grantFen), weights);
  return lines.map((line, i) => ({ item: line.item, kind: line.kind, amountFen: amounts[i] }));
}

function trancheLabel(index: number, locale: AgreementLocale): string {
  if (locale === 'en') return `Tranche ${index + 1}`;
  return `第${ZH_ORDINALS[index] ?? String(index + 1)}期`;
}

/** The view-model libs/reports renders: the competition's own tranche rules, the default duties, no bank account yet. */
export function buildAgreementView(source: AgreementSource): AgreementView {
  const { locale, competition, organization, submission } = source;
  const category = competition.rules.categories.find((c) => c.key === submission.category);
  const period = projectPeriod(source.generatedAt, submission.milestones);
  const schedule = competition.rules.tranches.map((t, i) => ({
    label: trancheLabel(i, locale),
    condition: locale === 'zh' ? t.labelZh : t.labelEn,
    percent: t.percent,
  }));
  return {
    locale,
    agreementNumber: source.number,
    competitionName: competition.title,
    funder: {
      name: competition.grantor.name,
      address: competition.grantor.address,
      representative: competition.grantor.representative,
    },
    grantee: {
      name: organization.name,
      unifiedSocialCreditCode: organization.creditCode,
      community: organization.community,
      // The organization record names one responsible person; residents' committees sign through them.
      representative: organization.contactName,
      contactPerson: organization.contactName,
      contactPhone: organization.contactPhone,
    },
    bankAccount: null,
    project: {
      title: submission.title,
      category: category ? (locale === 'zh' ? category.labelZh : category.labelEn) : submission.category,
      summary: submission.summary,
      periodStart: period.start,
      periodEnd: period.end,
    },
    grantFen: BigInt(source.grantFen),
    budgetLines: scaleBudgetLines(submission.budgetLines, source.grantFen),
    tranches: planTranches(BigInt(source.grantFen), schedule),
    obligations: defaultGranteeObligations(locale),
    copiesPerParty: 2,
    signingDate: null,
    generatedAt: source.generatedAt.toISOString(),
  };
}
