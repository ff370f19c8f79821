import Handlebars from 'handlebars';
import { AgreementFonts } from '../fonts/agreement-fonts';
import { toChineseCapitalAmount } from '../money/chinese-capital-amount';
import { formatYuan, toFen } from '../money/fen';
import { parseLayoutMarkup } from '../pdf/layout-blocks';
import { collectPdf, renderDocumentStream } from '../pdf/render-document';
import { formatDate, invalid, text } from '../pdf/view-values';
import { ReportsError, ReportsErrorCode } from '../reports.error';
import { PAYMENT_NOTICE_ZH_TEMPLATE } from './payment-notice-template';
import { PaymentNoticeView } from './payment-notice-view.types';

const template = Handlebars.create().compile(PAYMENT_NOTICE_ZH_TEMPLATE, { strict: true, knownHelpersOnly: true });

/**
 * Draws the 拨付通知 of one tranche, one A4 page, with the agreements' fonts and 大写 amounts.
 * The tranche and what was paid before it may not exceed the grant; a view that would print a
 * wrong amount is refused before any byte is drawn.
 */
export function renderPaymentNoticePdf(view: PaymentNoticeView, fonts: AgreementFonts): Promise<Buffer> {
  const grant = toFen(view.grantFen, 'grantFen');
  const amount = toFen(view.tranche.amountFen, 'tranche.amountFen');
  const before = toFen(view.paidBeforeFen, 'paidBeforeFen');
  if (amount === 0n) invalid('tranche.amountFen', 'must be positive');
  if (before + amount > grant) {
    throw new ReportsError(
      ReportsErrorCode.AmountMismatch,
      `paid before (${formatYuan(before)}) and this tranche (${formatYuan(amount)}) exceed the grant ${formatYuan(grant)}`,
      'tranche.amountFen',
    );
  }
  const createdAt = new Date(view.generatedAt);
  if (Number.isNaN(createdAt.getTime())) invalid('generatedAt', 'must be an ISO-8601 instant');
  const noticeNumber = text(view.noticeNumber, 'noticeNumber');
  const projectTitle = text(view.projectTitle, 'projectTitle');
  const funderName = text(view.funderName, 'funderName');
  const markup = template({
    competitionName: text(view.competitionName, 'competitionName'),
    noticeNumber,
    granteeName: text(view.granteeName, 'granteeName'),
    agreementNumber: text(view.agreementNumber, 'agreementNumber'),
    projectTitle,
    tranche: {
      label: text(view.tranche.label, 'tranche.label'),
      condition: text(view.tranche.condition, 'tranche.condition'),
      sequence: String(view.tranche.sequence),
      count: String(view.tranche.count),
      percent: `${view.tranche.percent}%`,
      figures: formatYuan(amount),
      capital: toChineseCapitalAmount(amount),
    },
    grant: { figures: formatYuan(grant) },
    cumulative: { figures: formatYuan(before + amount) },
    remaining: { figures: formatYuan(grant - before - amount) },
    payee: {
      accountName: text(view.payee.accountName, 'payee.accountName'),
      bankName: text(view.payee.bankName, 'payee.bankName'),
      accountNumber: text(view.payee.accountNumber, 'payee.accountNumber'),
    },
    approvedOn: formatDate(view.approvedOn, 'approvedOn', 'zh'),
    payment: view.payment && {
      voucherNumber: text(view.payment.voucherNumber, 'payment.voucherNumber'),
      paidOn: formatDate(view.payment.paidOn, 'payment.paidOn', 'zh'),
    },
    funderName,
    date: formatDate(view.payment?.paidOn ?? view.approvedOn, 'date', 'zh'),
  });
  return collectPdf(
    renderDocumentStream(
      {
        locale: 'zh',
        blocks: parseLayoutMarkup(markup),
        info: {
          title: `资助资金拨付通知 ${noticeNumber} ${projectTitle}`,
          author: funderName,
          subject: projectTitle,
          createdAt,
        },
        footer: { left: `通知编号：${noticeNumber}`, page: (page, pages) => `第 ${page} 页 / 共 ${pages} 页` },
      },
      fonts,
    ),
  );
}
