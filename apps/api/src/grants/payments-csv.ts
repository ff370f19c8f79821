import { TRANCHE_STATE_LABELS } from '@app/domain';
import { describeCondition } from '@app/grants';
import { GrantTranche, ProjectGrant } from '@app/persistence';
import { toChineseCapitalAmount } from '@app/reports';
import { yuanText } from '@app/scoring';
import { csvDocument } from '../common/csv';

const HEADER = [
  '协议编号 / Agreement',
  '项目名称 / Project',
  '收款单位 / Payee',
  '开户名称 / Account name',
  '开户银行 / Bank',
  '银行账号 / Account number',
  '期次 / Tranche',
  '拨付条件 / Condition',
  '金额（元）/ Amount (yuan)',
  '金额大写 / Amount in words',
  '状态 / State',
  '审批日期 / Approved on',
  '凭证号 / Voucher',
  '付款日期 / Paid on',
];

export interface PaymentsRow {
  readonly grant: ProjectGrant;
  readonly projectTitle: string;
  readonly tranche: GrantTranche;
  /** YYYY-MM-DD of the approval, Beijing time. */
  readonly approvedOn: string | null;
}

/**
 * The finance export: one row per tranche in agreement-number order, the bank details as the
 * grantee entered them (those an approval fixed, once approved), the amount in figures and in 大写.
 */
export function paymentsCsv(rows: readonly PaymentsRow[]): string {
  return csvDocument([
    HEADER,
    ...rows.map(({ grant, projectTitle, tranche, approvedOn }) => {
      const payee = tranche.payee ?? grant.payee;
      const condition = describeCondition(tranche.condition);
      const state = TRANCHE_STATE_LABELS[tranche.state];
      return [
        grant.agreementNumber,
        projectTitle,
        grant.partyB.name,
        payee?.accountName ?? '',
        payee?.bankName ?? '',
        payee?.accountNumber ?? '',
        `第 ${tranche.sequence} 期 / ${tranche.sequence}`,
        `${condition.zh} / ${condition.en}`,
        yuanText(tranche.amountFen, { grouped: false }),
        `人民币${toChineseCapitalAmount(tranche.amountFen)}`,
        `${state.zh} / ${state.en}`,
        approvedOn ?? '',
        tranche.voucherNumber ?? '',
        tranche.paidOn ?? '',
      ];
    }),
  ]);
}
