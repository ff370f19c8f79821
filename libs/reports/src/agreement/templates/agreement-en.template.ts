/**
 * The English rendering of the funding agreement; the Chinese text governs. Same markup and
 * the same rule as the Chinese template: never use triple braces.
 */
export const AGREEMENT_EN_TEMPLATE = `
<subtitle>{{competitionName}}
{{#if purchase}}
<title>Service Purchase Agreement
{{else}}
<title>Project Funding Agreement
{{/if}}
<meta>Agreement No. {{agreementNumber}}

<field>Party A (funder):<|>{{funder.name}}
<field>Address:<|>{{funder.address}}
<field>Representative:<|>{{funder.representative}}
<space>6
<field>Party B (grantee):<|>{{grantee.name}}
{{#if grantee.creditCode}}
<field>Unified social credit code:<|>{{grantee.creditCode}}
{{/if}}
<field>Community:<|>{{grantee.community}}
<field>Representative:<|>{{grantee.representative}}
<field>Contact person:<|>{{grantee.contactPerson}}
<field>Telephone:<|>{{grantee.contactPhone}}
<space>6
{{#if purchase}}
<p>To answer the needs residents posted (residents order, the community drafts, an organization takes, the government pays), Party A buys the community services below from Party B as a {{competitionName}}, and Party B delivers them. The parties, on the principles of equality, free will and good faith, agree as follows.
{{else}}
<p>To develop public-benefit services in the community and to support community organizations, and following the results of {{competitionName}}, Party A funds the project submitted by Party B. The parties, on the principles of equality, free will and good faith, agree as follows.
{{/if}}

<h>Article 1<|>The project
<field>Project title:<|>{{project.title}}
<field>Category:<|>{{project.category}}
<field>Term:<|>{{project.period}}
<field>Summary:<|>{{project.summary}}
{{#if purchase}}
<field>Beneficiaries:<|>{{purchase.beneficiaries}}
<p>Party B delivers the following and reports on each in its final report:
{{#each purchase.deliverables}}
<item>{{marker}}<|>{{text}}
{{/each}}
{{/if}}

<h>Article 2<|>Grant
<p>Party A grants Party B the following amount for the project, to be spent as budgeted in Article 3 and paid in tranches as set out in Article 4:
<field>Grant (in figures):<|>{{grant.figures}}
<field>Grant (in words):<|>人民币{{grant.capital}}

<h>Article 3<|>Budget
{{#if budget.withMatching}}
<p>The project budget is CNY {{budget.projectTotal}}, of which Party A's grant is CNY {{budget.total}} and Party B's matching funds are CNY {{budget.matchingTotal}}. Party B spends by the lines and funding sources below, and actual spending is checked against them line by line (amounts in CNY).
<table>7c<|>30l<|>15l<|>16r<|>16r<|>16r
<th>No.<|>Item<|>Kind<|>Grant<|>Matching<|>Total
{{#each budget.rows}}
<tr>{{no}}<|>{{item}}<|>{{kind}}<|>{{amount}}<|>{{matching}}<|>{{lineTotal}}
{{/each}}
<tf>Total<|><|><|>{{budget.total}}<|>{{budget.matchingTotal}}<|>{{budget.projectTotal}}
<endtable>
{{else}}
<table>8c<|>42l<|>22l<|>28r
<th>No.<|>Item<|>Kind<|>Amount (CNY)
{{#each budget.rows}}
<tr>{{no}}<|>{{item}}<|>{{kind}}<|>{{amount}}
{{/each}}
<tf>Total<|><|><|>{{budget.total}}
<endtable>
{{/if}}

<h>Article 4<|>Payment
<p>The grant is paid to Party B's account in {{tranches.count}} tranches that add up to the whole grant:
<table>18c<|>44l<|>12r<|>26r
<th>Tranche<|>Condition<|>Share<|>Amount (CNY)
{{#each tranches.rows}}
<tr>{{label}}<|>{{condition}}<|>{{percent}}<|>{{amount}}
{{/each}}
<tf>Total<|><|>{{tranches.percent}}<|>{{tranches.total}}
<endtable>
{{#if bank}}
<field>Account name:<|>{{bank.accountName}}
<field>Bank:<|>{{bank.bankName}}
<field>Account number:<|>{{bank.accountNumber}}
{{else}}
<p>Party B's account: account name ____________, bank ____________, account number ________________.
{{/if}}

<h>Article 5<|>Rights and duties of Party A
<item>1.<|>Pay the grant in full and on time as agreed.
<item>2.<|>Guide, supervise and inspect the project, and run or commission the mid-term and final evaluations.
<item>3.<|>Suspend further tranches and require corrections within a time limit if Party B misuses the grant or fails an evaluation.
<item>4.<|>Publish the progress and evaluation results of the project.

<h>Article 6<|>Rights and duties of Party B
{{#each obligations}}
<item>{{marker}}<|>{{text}}
{{/each}}

<h>Article 7<|>Amendment and termination
<p>This agreement may be amended only with the written consent of both parties. If force majeure makes the project impossible, the parties may terminate this agreement by consultation and Party B returns the unused grant.

<h>Article 8<|>Disputes
<p>Disputes arising from this agreement are settled by consultation; failing that, either party may sue in the people's court where Party A is located.

<h>Article 9<|>Miscellaneous
<p>This agreement takes effect when signed by the representatives and sealed by both parties, and ends when the final evaluation is complete and the grant is settled. It is made in {{copies.total}} copies, {{copies.each}} for each party, all equally valid. In case of discrepancy the Chinese text prevails.
<sign>Party A (seal):<|>Party B (seal):
<sign>{{funder.name}}<|>{{grantee.name}}
<sign>Representative (signature):<|>Representative (signature):
<sign>Date: {{signingDate}}<|>Date: {{signingDate}}
`;
