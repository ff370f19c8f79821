/**
 * The payment notice in the line markup of pdf/layout-blocks.ts, Chinese as the agreements.
 * Never use triple braces: the escaping of {{ }} keeps a project title from forging layout tags.
 */
export const PAYMENT_NOTICE_ZH_TEMPLATE = `
<subtitle>{{competitionName}}
<title>资助资金拨付通知
<meta>通知编号：{{noticeNumber}}

<p>{{granteeName}}：
<p>根据双方签订的《项目资助协议书》（编号：{{agreementNumber}}）第四条的约定，你单位实施的“{{projectTitle}}”项目{{tranche.label}}资助资金的拨付条件（{{tranche.condition}}）已经满足，经审批，{{#if payment}}甲方已拨付{{else}}甲方将拨付{{/if}}如下：
<field>本期拨付（小写）：<|>{{tranche.figures}}
<field>本期拨付（大写）：<|>人民币{{tranche.capital}}
<field>期次与比例：<|>第 {{tranche.sequence}} 期，共 {{tranche.count}} 期；占资助总额 {{tranche.percent}}
<field>资助总额：<|>{{grant.figures}}
<field>含本期累计拨付：<|>{{cumulative.figures}}
<field>尚待拨付：<|>{{remaining.figures}}
<space>6
<field>收款单位：<|>{{payee.accountName}}
<field>开户银行：<|>{{payee.bankName}}
<field>银行账号：<|>{{payee.accountNumber}}
<field>审批日期：<|>{{approvedOn}}
{{#if payment}}
<field>付款凭证号：<|>{{payment.voucherNumber}}
<field>付款日期：<|>{{payment.paidOn}}
{{/if}}
<space>6
<p>请你单位收到款项后核对金额，按协议约定的预算科目专款专用，并按时报送项目进展报告。
<sign>甲方（盖章）：<|>
<sign>{{funderName}}<|>
<sign>日期：{{date}}<|>
`;
