import { Fen } from '../money/fen';

/** Chinese is the governing text; 'en' renders the same agreement in English. */
export type AgreementLocale = 'zh' | 'en';

/** 甲方: the grants office that funds the project. */
export interface AgreementFunder {
  readonly name: string;
  readonly address: string;
  readonly representative: string;
}

/** 乙方: the community or social organization that carries the project out. */
export interface AgreementGrantee {
  readonly name: string;
  /** 统一社会信用代码; residents' committees often sign without one. */
  readonly unifiedSocialCreditCode: string | null;
  readonly community: string;
  readonly representative: string;
  readonly contactPerson: string;
  readonly contactPhone: string;
}

/** The account that receives the tranches; null leaves it to be filled in by hand. */
export interface AgreementBankAccount {
  readonly accountName: string;
  readonly bankName: string;
  readonly accountNumber: string;
}

export interface AgreementProject {
  readonly title: string;
  readonly category: string;
  readonly summary: string;
  /** ISO dates, YYYY-MM-DD. */
  readonly periodStart: string;
  readonly periodEnd: string;
}

export interface AgreementBudgetLine {
  readonly item: string;
  readonly kind: string;
  /** What the grant pays of the line; the lines' amounts add up to the grant. */
  readonly amountFen: Fen;
  /**
   * What the grantee's matching funds (配套资金) pay of the line. Given on any line, the agreement
   * prints the full project budget with each line's funding source, which auditors compare with.
   */
  readonly matchingFen?: Fen;
}

export interface AgreementTranche {
  readonly label: string;
  /** What must happen before the tranche is paid, e.g. 签约后, 中期评估合格后. */
  readonly condition: string;
  /** Shown beside the amount; null when the tranche was stated in money only. */
  readonly percent: number | null;
  readonly amountFen: Fen;
}

/**
 * A direct purchase (政府买单 of a community's service order): the agreement becomes a service
 * purchase agreement (服务购买协议) and prints what the order asks for.
 */
export interface AgreementPurchase {
  /** Who benefits and how many, as the order states it. */
  readonly beneficiaries: string;
  /** The order's deliverables, one clause each. */
  readonly deliverables: readonly string[];
}

/**
 * Everything one funding agreement (资助协议书) shows, as plain data. The budget lines and the
 * tranches must each add up to the grant exactly; the renderer refuses the view otherwise.
 */
export interface AgreementView {
  readonly locale: AgreementLocale;
  /** e.g. GYCT-2026-0001 */
  readonly agreementNumber: string;
  /** The competition, or for a direct purchase the route it was bought by (e.g. 小额直接购买). */
  readonly competitionName: string;
  /** Set for a direct purchase; absent or null for a competition's funding agreement. */
  readonly purchase?: AgreementPurchase | null;
  readonly funder: AgreementFunder;
  readonly grantee: AgreementGrantee;
  readonly bankAccount: AgreementBankAccount | null;
  readonly project: AgreementProject;
  readonly grantFen: Fen;
  readonly budgetLines: readonly AgreementBudgetLine[];
  readonly tranches: readonly AgreementTranche[];
  /** 乙方's duties, one clause each; see defaultGranteeObligations(). */
  readonly obligations: readonly string[];
  /** Signed copies each party keeps (一式 2n 份，各执 n 份). */
  readonly copiesPerParty: number;
  /** YYYY-MM-DD once known; null prints blanks to be filled in at signing. */
  readonly signingDate: string | null;
  /**
   * ISO-8601 instant written as the PDF's creation and modification date. It comes from the
   * caller, never the clock, so the same view always renders to the same bytes.
   */
  readonly generatedAt: string;
}
