import { errorOf } from '../../test/error-of';
import { flatten, readPdf } from '../../test/pdf-reader';
import { AgreementFonts, loadAgreementFonts, notoSansScDirectory } from '../fonts/agreement-fonts';
import { ReportsErrorCode } from '../reports.error';
import { PaymentNoticeView } from './payment-notice-view.types';
import { renderPaymentNoticePdf } from './render-payment-notice-pdf';

const NOTICE: PaymentNoticeView = {
  noticeNumber: 'GYCT-2026-0001-2',
  agreementNumber: 'GYCT-2026-0001',
  competitionName: '2026年“红色核动力”党建项目创投大赛',
  funderName: '中共佛山市三水区西南街道工作委员会',
  granteeName: '佛山市三水区西南街道五顶岗社区居民委员会',
  projectTitle: '发挥先锋作用·真情服务群众',
  tranche: { sequence: 2, count: 3, label: '第二期', condition: '中期评估合格后', percent: 30, amountFen: 900_000 },
  grantFen: 3_000_001,
  paidBeforeFen: 1_500_000,
  payee: {
    accountName: '佛山市三水区西南街道五顶岗社区居民委员会',
    bankName: '中国农业银行佛山三水西南支行',
    accountNumber: '44520101040012345',
  },
  approvedOn: '2027-07-12',
  payment: { voucherNumber: '记-2027-0712', paidOn: '2027-07-14' },
  generatedAt: '2027-07-14T03:00:00.000Z',
};

describe('renderPaymentNoticePdf', () => {
  let fonts: AgreementFonts;

  beforeAll(() => {
    fonts = loadAgreementFonts(notoSansScDirectory());
  });

  it('states the tranche in figures and in 大写, with the account, the voucher and what remains, on one page', async () => {
    const reading = readPdf(await renderPaymentNoticePdf(NOTICE, fonts));
    expect(reading.pages).toHaveLength(1);
    expect(reading.qpdfStatus).toBe(0);
    const text = reading.pages[0];
    expect(text).toContain('资助资金拨付通知');
    expect(text).toMatch(/本期拨付（小写）：\s+¥9,000\.00\n/);
    expect(text).toMatch(/本期拨付（大写）：\s+人民币玖仟元整\n/);
    expect(text).toMatch(/含本期累计拨付：\s+¥24,000\.00/);
    expect(text).toMatch(/尚待拨付：\s+¥6,000\.01/);
    expect(text).toMatch(/付款凭证号：\s+记-2027-0712/);
    expect(flatten(text)).toContain('项目第二期资助资金的拨付条件（中期评估合格后）已经满足，经审批，甲方已拨付如下');
    expect(text).toContain('第 1 页 / 共 1 页');
  });

  it('words a notice of approval before the payment is recorded', async () => {
    const text = readPdf(await renderPaymentNoticePdf({ ...NOTICE, payment: null }, fonts)).pages[0];
    expect(flatten(text)).toContain('甲方将拨付如下');
    expect(text).not.toContain('付款凭证号');
  });

  it('draws the same bytes for the same notice', async () => {
    expect((await renderPaymentNoticePdf(NOTICE, fonts)).equals(await renderPaymentNoticePdf(NOTICE, fonts))).toBe(
      true,
    );
  });

  it('refuses a notice that would pay past the grant', () => {
    const error = errorOf(() => renderPaymentNoticePdf({ ...NOTICE, paidBeforeFen: 2_100_002 }, fonts));
    expect(error).toMatchObject({ code: ReportsErrorCode.AmountMismatch, field: 'tranche.amountFen' });
  });
});
