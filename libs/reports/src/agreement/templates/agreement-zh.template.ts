/**
 * The governing Chinese text of the funding agreement, in the line markup of
 * pdf/layout-blocks.ts. Never use triple braces: the escaping of {{ }} is what keeps a project
 * title from forging layout tags.
 */
export const AGREEMENT_ZH_TEMPLATE = `
<subtitle>{{competitionName}}
{{#if purchase}}
<title>服务购买协议
{{else}}
<title>项目资助协议书
{{/if}}
<meta>协议编号：{{agreementNumber}}

{{#if purchase}}
<field>甲方（购买方）：<|>{{funder.name}}
{{else}}
<field>甲方（资助方）：<|>{{funder.name}}
{{/if}}
<field>地址：<|>{{funder.address}}
<field>负责人：<|>{{funder.representative}}
<space>6
{{#if purchase}}
<field>乙方（服务承接方）：<|>{{grantee.name}}
{{else}}
<field>乙方（项目执行方）：<|>{{grantee.name}}
{{/if}}
{{#if grantee.creditCode}}
<field>统一社会信用代码：<|>{{grantee.creditCode}}
{{/if}}
<field>所在社区：<|>{{grantee.community}}
<field>负责人：<|>{{grantee.representative}}
<field>联系人：<|>{{grantee.contactPerson}}
<field>联系电话：<|>{{grantee.contactPhone}}
<space>6
{{#if purchase}}
<p>为回应社区居民需求（居民点单、社区制单、社会组织承单、政府买单），甲方以{{competitionName}}方式向乙方购买本协议所列社区服务，乙方按本协议交付。甲乙双方本着平等自愿、诚实守信的原则，经协商一致，订立本协议，共同遵守。
{{else}}
<p>为推动社区公益服务发展，培育扶持社区社会组织，根据{{competitionName}}评审结果，乙方申报的项目获得资助。甲乙双方本着平等自愿、诚实守信的原则，经协商一致，订立本协议，共同遵守。
{{/if}}

<h>第一条<|>项目基本情况
<field>项目名称：<|>{{project.title}}
<field>项目类别：<|>{{project.category}}
<field>执行期限：<|>{{project.period}}
<field>项目概要：<|>{{project.summary}}
{{#if purchase}}
<field>服务对象：<|>{{purchase.beneficiaries}}
<p>乙方须交付以下服务内容，并在结项报告中逐项说明完成情况：
{{#each purchase.deliverables}}
<item>{{marker}}<|>{{text}}
{{/each}}
{{/if}}

<h>第二条<|>资助金额
<p>甲方资助乙方项目资金如下，资助资金按第三条所列预算使用，按第四条约定分期拨付：
<field>资助金额（小写）：<|>{{grant.figures}}
<field>资助金额（大写）：<|>人民币{{grant.capital}}

<h>第三条<|>资金使用预算
{{#if budget.withMatching}}
<p>项目总预算{{budget.projectTotal}}元，其中甲方资助{{budget.total}}元、乙方配套资金{{budget.matchingTotal}}元。乙方按下表各科目及资金来源使用资金，实际支出逐项与本表核对（金额单位：元）。
<table>7c<|>30l<|>15l<|>16r<|>16r<|>16r
<th>序号<|>支出项目<|>支出类别<|>资助资金<|>配套资金<|>小计
{{#each budget.rows}}
<tr>{{no}}<|>{{item}}<|>{{kind}}<|>{{amount}}<|>{{matching}}<|>{{lineTotal}}
{{/each}}
<tf>合计<|><|><|>{{budget.total}}<|>{{budget.matchingTotal}}<|>{{budget.projectTotal}}
<endtable>
{{else}}
<table>8c<|>42l<|>22l<|>28r
<th>序号<|>支出项目<|>支出类别<|>金额（元）
{{#each budget.rows}}
<tr>{{no}}<|>{{item}}<|>{{kind}}<|>{{amount}}
{{/each}}
<tf>合计<|><|><|>{{budget.total}}
<endtable>
{{/if}}

<h>第四条<|>资金拨付
<p>资助资金分{{tranches.count}}期拨付至乙方账户，各期金额之和等于资助总额：
<table>16c<|>46l<|>12r<|>26r
<th>期次<|>拨付条件<|>比例<|>金额（元）
{{#each tranches.rows}}
<tr>{{label}}<|>{{condition}}<|>{{percent}}<|>{{amount}}
{{/each}}
<tf>合计<|><|>{{tranches.percent}}<|>{{tranches.total}}
<endtable>
{{#if bank}}
<field>开户名称：<|>{{bank.accountName}}
<field>开户银行：<|>{{bank.bankName}}
<field>银行账号：<|>{{bank.accountNumber}}
{{else}}
<p>乙方收款账户：开户名称＿＿＿＿＿＿＿＿，开户银行＿＿＿＿＿＿＿＿，银行账号＿＿＿＿＿＿＿＿＿＿。
{{/if}}

<h>第五条<|>甲方权利和义务
<item>（一）<|>按本协议约定及时足额拨付资助资金。
<item>（二）<|>对项目实施进行指导、监督和检查，组织或委托第三方机构开展中期评估和结项评估。
<item>（三）<|>乙方未按约定使用资金或评估不合格的，有权暂停拨付后续资金并责令限期整改。
<item>（四）<|>有权向社会公开项目实施情况和评估结果。

<h>第六条<|>乙方权利和义务
{{#each obligations}}
<item>{{marker}}<|>{{text}}
{{/each}}

<h>第七条<|>协议的变更和解除
<p>本协议的变更须经双方书面同意。因不可抗力致使项目无法实施的，双方可协商解除本协议，乙方退还未使用的资助资金。

<h>第八条<|>争议解决
<p>因本协议发生的争议，由双方协商解决；协商不成的，任何一方可向甲方所在地人民法院提起诉讼。

<h>第九条<|>其他
<p>本协议自双方负责人签字并加盖公章之日起生效，至项目结项评估完成且资金清算完毕之日终止。本协议一式{{copies.total}}份，甲乙双方各执{{copies.each}}份，具有同等法律效力。
<sign>甲方（盖章）：<|>乙方（盖章）：
<sign>{{funder.name}}<|>{{grantee.name}}
<sign>负责人（签字）：<|>负责人（签字）：
<sign>日期：{{signingDate}}<|>日期：{{signingDate}}
`;
