import { CompetitionRules } from '@app/domain';
import { agreedBudget, beijingDate, planSchedule, projectPeriod } from '@app/grants';
import { BudgetLine, GrantorParty } from '@app/persistence';
import { AgreementLocale, AgreementView, defaultGranteeObligations } from '@app/reports';

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
    readonly matchingFen: number;
    readonly budgetLines: readonly BudgetLine[];
    readonly milestones: readonly { readonly due: string }[];
  };
  readonly grantFen: number;
  /** The instant the agreement is generated: its PDF date and the start of the project period. */
  readonly generatedAt: Date;
}

const ZH_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** GYCT-<year the competition was created, Beijing time>-<sequence as 4 digits>. */
export function agreementNumber(competitionCreatedAt: Date, sequence: number): string {
  return `GYCT-${beijingDate(competitionCreatedAt).slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

function trancheLabel(index: number, locale: AgreementLocale): string {
  if (locale === 'en') return `Tranche ${index + 1}`;
  return `第${ZH_ORDINALS[index] ?? String(index + 1)}期`;
}

/**
 * The view-model libs/reports renders, with the grants ledger's own rules (libs/grants), so the
 * agreement prints exactly what the ledger will track and pay: the full budget with each line's
 * funding source, and the tranches with the remainder fen on the last. The default duties, no bank
 * account yet (the grantee enters it in the ledger).
 */
export function buildAgreementView(source: AgreementSource): AgreementView {
  const { locale, competition, organization, submission } = source;
  const category = competition.rules.categories.find((c) => c.key === submission.category);
  const period = projectPeriod(source.generatedAt, submission.milestones);
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
    budgetLines: agreedBudget(submission.budgetLines, source.grantFen, submission.matchingFen).map((line) => ({
      item: line.item,
      kind: line.kind,
      amountFen: line.grantFen,
      matchingFen: line.matchingFen,
    })),
    tranches: planSchedule(source.grantFen, competition.rules.tranches).map((tranche, i) => ({
      label: trancheLabel(i, locale),
      condition: locale === 'zh' ? tranche.labelZh : tranche.labelEn,
      percent: tranche.percent,
      amountFen: tranche.amountFen,
    })),
    obligations: defaultGranteeObligations(locale),
    copiesPerParty: 2,
    signingDate: null,
    generatedAt: source.generatedAt.toISOString(),
  };
}
