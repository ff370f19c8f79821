import { toChineseCapitalAmount } from '../money/chinese-capital-amount';
import { formatAmount, formatYuan, toFen } from '../money/fen';
import { formatDate, invalid, isoDate, text } from '../pdf/view-values';
import { ReportsError, ReportsErrorCode } from '../reports.error';
import { AgreementLocale, AgreementView } from './agreement-view.types';

/** What the templates see: every value already formatted, every optional key present (strict mode). */
export interface AgreementContext {
  readonly agreementNumber: string;
  readonly competitionName: string;
  readonly purchase: {
    readonly beneficiaries: string;
    readonly deliverables: readonly { readonly marker: string; readonly text: string }[];
  } | null;
  readonly funder: { readonly name: string; readonly address: string; readonly representative: string };
  readonly grantee: {
    readonly name: string;
    readonly creditCode: string | null;
    readonly community: string;
    readonly representative: string;
    readonly contactPerson: string;
    readonly contactPhone: string;
  };
  readonly bank: { readonly accountName: string; readonly bankName: string; readonly accountNumber: string } | null;
  readonly project: {
    readonly title: string;
    readonly category: string;
    readonly summary: string;
    readonly period: string;
  };
  readonly grant: { readonly figures: string; readonly capital: string };
  readonly budget: {
    readonly rows: readonly {
      readonly no: string;
      readonly item: string;
      readonly kind: string;
      readonly amount: string;
      readonly matching: string;
      readonly lineTotal: string;
    }[];
    readonly total: string;
    /** The full budget with each line's funding source is printed when the view gives matching funds. */
    readonly withMatching: boolean;
    readonly matchingTotal: string;
    readonly projectTotal: string;
  };
  readonly tranches: {
    readonly count: string;
    readonly rows: readonly {
      readonly label: string;
      readonly condition: string;
      readonly percent: string;
      readonly amount: string;
    }[];
    readonly percent: string;
    readonly total: string;
  };
  readonly obligations: readonly { readonly marker: string; readonly text: string }[];
  readonly copies: { readonly total: string; readonly each: string };
  readonly signingDate: string;
}

/** The validated view, ready for the template and for the PDF's metadata. */
export interface PreparedAgreement {
  readonly locale: AgreementLocale;
  readonly context: AgreementContext;
  readonly createdAt: Date;
  readonly documentTitle: string;
}

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Chinese numerals for 1..99, as in the markers （二）, （十一）; Arabic digits beyond. */
function zhNumeral(n: number): string {
  if (n >= 100) {
    return String(n);
  }
  if (n < 10) {
    return ZH_NUMERALS[n];
  }
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : ZH_NUMERALS[tens]}十${n % 10 === 0 ? '' : ZH_NUMERALS[n % 10]}`;
}

/** A quantity before a measure word: 两 rather than 二 (分两期, 各执两份). */
function count(n: number, locale: AgreementLocale): string {
  if (locale === 'en') {
    return String(n);
  }
  return n === 2 ? '两' : zhNumeral(n);
}

function percentLabel(percent: number): string {
  return `${Number(percent.toFixed(2))}%`;
}

/** Validates the view and formats every value the templates print. */
export function prepareAgreement(view: AgreementView): PreparedAgreement {
  const locale = view.locale;
  if (locale !== 'zh' && locale !== 'en') {
    invalid('locale', `must be "zh" or "en", got "${String(locale)}"`);
  }
  const grantFen = toFen(view.grantFen, 'grantFen');
  if (grantFen === 0n) {
    invalid('grantFen', 'must be positive');
  }
  const createdAt = new Date(view.generatedAt);
  if (typeof view.generatedAt !== 'string' || Number.isNaN(createdAt.getTime())) {
    invalid('generatedAt', 'must be an ISO-8601 instant');
  }

  if (view.budgetLines.length === 0) {
    invalid('budgetLines', 'must list at least one line');
  }
  const budgetAmounts = view.budgetLines.map((line, i) => toFen(line.amountFen, `budgetLines.${i}.amountFen`));
  const budgetTotal = budgetAmounts.reduce((a, b) => a + b, 0n);
  const withMatching = view.budgetLines.some((line) => line.matchingFen !== undefined);
  const matchingAmounts = view.budgetLines.map((line, i) =>
    toFen(line.matchingFen ?? 0n, `budgetLines.${i}.matchingFen`),
  );
  const matchingTotal = matchingAmounts.reduce((a, b) => a + b, 0n);
  if (budgetTotal !== grantFen) {
    throw new ReportsError(
      ReportsErrorCode.AmountMismatch,
      `budget lines add up to ${formatYuan(budgetTotal)}, the grant is ${formatYuan(grantFen)}`,
      'budgetLines',
    );
  }

  if (view.tranches.length === 0) {
    invalid('tranches', 'must list at least one tranche');
  }
  const trancheAmounts = view.tranches.map((t, i) => toFen(t.amountFen, `tranches.${i}.amountFen`));
  const trancheTotal = trancheAmounts.reduce((a, b) => a + b, 0n);
  if (trancheTotal !== grantFen) {
    throw new ReportsError(
      ReportsErrorCode.AmountMismatch,
      `tranches add up to ${formatYuan(trancheTotal)}, the grant is ${formatYuan(grantFen)}`,
      'tranches',
    );
  }
  const percents = view.tranches.map((t, i) => {
    if (t.percent !== null && !(Number.isFinite(t.percent) && t.percent > 0 && t.percent <= 100)) {
      invalid(`tranches.${i}.percent`, 'must be above 0 and at most 100');
    }
    return t.percent;
  });
  const allPercents = percents.every((p) => p !== null);
  const percentSum = percents.reduce((sum: number, p) => sum + (p ?? 0), 0);
  if (allPercents && Math.abs(percentSum - 100) > 1e-6) {
    invalid('tranches', `percentages add up to ${percentSum}, not 100`);
  }

  if (view.obligations.length === 0) {
    invalid('obligations', 'must list at least one duty');
  }
  if (!Number.isInteger(view.copiesPerParty) || view.copiesPerParty < 1 || view.copiesPerParty > 10) {
    invalid('copiesPerParty', 'must be a whole number from 1 to 10');
  }

  const start = isoDate(view.project.periodStart, 'project.periodStart');
  const end = isoDate(view.project.periodEnd, 'project.periodEnd');
  if (Date.UTC(end.y, end.m - 1, end.d) < Date.UTC(start.y, start.m - 1, start.d)) {
    invalid('project.periodEnd', 'must not be before project.periodStart');
  }
  const periodStart = formatDate(view.project.periodStart, 'project.periodStart', locale);
  const periodEnd = formatDate(view.project.periodEnd, 'project.periodEnd', locale);

  const blankDate = locale === 'zh' ? '＿＿＿＿年＿＿月＿＿日' : '________________';
  const grantFigures = formatYuan(grantFen);
  const grantCapital = toChineseCapitalAmount(grantFen);
  const agreementNumber = text(view.agreementNumber, 'agreementNumber');
  const projectTitle = text(view.project.title, 'project.title');

  const purchase = view.purchase ?? null;
  if (purchase && purchase.deliverables.length === 0) {
    invalid('purchase.deliverables', 'must list at least one deliverable');
  }
  const context: AgreementContext = {
    agreementNumber,
    competitionName: text(view.competitionName, 'competitionName'),
    purchase: purchase && {
      beneficiaries: text(purchase.beneficiaries, 'purchase.beneficiaries'),
      deliverables: purchase.deliverables.map((item, i) => ({
        marker: locale === 'zh' ? `（${zhNumeral(i + 1)}）` : `${i + 1}.`,
        text: text(item, `purchase.deliverables.${i}`),
      })),
    },
    funder: {
      name: text(view.funder.name, 'funder.name'),
      address: text(view.funder.address, 'funder.address'),
      representative: text(view.funder.representative, 'funder.representative'),
    },
    grantee: {
      name: text(view.grantee.name, 'grantee.name'),
      creditCode:
        view.grantee.unifiedSocialCreditCode === null
          ? null
          : text(view.grantee.unifiedSocialCreditCode, 'grantee.unifiedSocialCreditCode'),
      community: text(view.grantee.community, 'grantee.community'),
      representative: text(view.grantee.representative, 'grantee.representative'),
      contactPerson: text(view.grantee.contactPerson, 'grantee.contactPerson'),
      contactPhone: text(view.grantee.contactPhone, 'grantee.contactPhone'),
    },
    bank:
      view.bankAccount === null
        ? null
        : {
            accountName: text(view.bankAccount.accountName, 'bankAccount.accountName'),
            bankName: text(view.bankAccount.bankName, 'bankAccount.bankName'),
            accountNumber: text(view.bankAccount.accountNumber, 'bankAccount.accountNumber'),
          },
    project: {
      title: projectTitle,
      category: text(view.project.category, 'project.category'),
      summary: text(view.project.summary, 'project.summary'),
      period: locale === 'zh' ? `${periodStart}至${periodEnd}` : `${periodStart} to ${periodEnd}`,
    },
    grant: { figures: grantFigures, capital: grantCapital },
    budget: {
      rows: view.budgetLines.map((line, i) => ({
        no: String(i + 1),
        item: text(line.item, `budgetLines.${i}.item`),
        kind: text(line.kind, `budgetLines.${i}.kind`),
        amount: formatAmount(budgetAmounts[i]),
        matching: formatAmount(matchingAmounts[i]),
        lineTotal: formatAmount(budgetAmounts[i] + matchingAmounts[i]),
      })),
      total: formatAmount(budgetTotal),
      withMatching,
      matchingTotal: formatAmount(matchingTotal),
      projectTotal: formatAmount(budgetTotal + matchingTotal),
    },
    tranches: {
      count: count(view.tranches.length, locale),
      rows: view.tranches.map((t, i) => ({
        label: text(t.label, `tranches.${i}.label`),
        condition: text(t.condition, `tranches.${i}.condition`),
        percent: t.percent === null ? '—' : percentLabel(t.percent),
        amount: formatAmount(trancheAmounts[i]),
      })),
      percent: allPercents ? '100%' : '—',
      total: formatAmount(trancheTotal),
    },
    obligations: view.obligations.map((duty, i) => ({
      marker: locale === 'zh' ? `（${zhNumeral(i + 1)}）` : `${i + 1}.`,
      text: text(duty, `obligations.${i}`),
    })),
    copies: {
      total: count(view.copiesPerParty * 2, locale),
      each: count(view.copiesPerParty, locale),
    },
    signingDate: view.signingDate === null ? blankDate : formatDate(view.signingDate, 'signingDate', locale),
  };
  const kind = purchase
    ? { zh: '服务购买协议', en: 'Service Purchase Agreement' }
    : { zh: '项目资助协议书', en: 'Project Funding Agreement' };
  const documentTitle = `${kind[locale]} ${agreementNumber} ${projectTitle}`;
  return { locale, context, createdAt, documentTitle };
}
