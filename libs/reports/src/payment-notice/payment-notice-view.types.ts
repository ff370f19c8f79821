import { Fen } from '../money/fen';

/**
 * 拨付通知: the office's notice to the grantee that a tranche is approved for payment, or paid.
 * Plain data; the renderer checks the amounts against each other before drawing a fen.
 */
export interface PaymentNoticeView {
  /** e.g. GYCT-2026-0001-2: the agreement's number and the tranche's. */
  readonly noticeNumber: string;
  readonly agreementNumber: string;
  readonly competitionName: string;
  readonly funderName: string;
  readonly granteeName: string;
  readonly projectTitle: string;
  readonly tranche: {
    readonly sequence: number;
    readonly count: number;
    readonly label: string;
    /** The condition in words, e.g. 中期评估合格后. */
    readonly condition: string;
    readonly percent: number;
    readonly amountFen: Fen;
  };
  readonly grantFen: Fen;
  /** Paid on the grant before this tranche. */
  readonly paidBeforeFen: Fen;
  readonly payee: { readonly accountName: string; readonly bankName: string; readonly accountNumber: string };
  /** YYYY-MM-DD, Beijing time. */
  readonly approvedOn: string;
  /** The payment, once recorded; null for a notice of approval. */
  readonly payment: { readonly voucherNumber: string; readonly paidOn: string } | null;
  /** ISO-8601 instant for the PDF's dates: the approval or the payment, never the clock. */
  readonly generatedAt: string;
}
