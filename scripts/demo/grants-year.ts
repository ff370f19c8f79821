import { TRANCHE_STATE_LABELS, TrancheState } from '@app/domain';
import { beijingDate } from '@app/grants';
import { ApiClient, DemoApiError } from './api-client';
import { createOffice, inDatabase, pad, say, signIn, yuan } from './demo-support';
import { monthlyChecksAndExit } from './monthly-checks';
import { printPublicPages } from './public-pages';
import { finalEvaluation, midTermEvaluations } from './evaluations-year';

/**
 * After the award, through the public API: the communities sign, the office accepts the agreements
 * and pays the first tranches on two signatures, the project year is fast-forwarded, monthly reports
 * are filed and reviewed (one returned for changes), the monthly checks make one organization exit,
 * the mid-term evaluation releases the second tranches (the last-ranked project after remediation and
 * re-evaluation), the final evaluation rates stars, and the ledger is printed with each project's band
 * and stars.
 */
export interface FundedProject {
  readonly community: string;
  readonly submissionId: string;
}

export interface ProjectYear {
  readonly api: ApiClient;
  /** The account that approves (审批). */
  readonly office: ApiClient;
  readonly applicants: ReadonlyMap<string, ApiClient>;
  readonly competitionId: string;
  /** In rank order. */
  readonly funded: readonly FundedProject[];
  readonly runId: string;
  /** The office the competition runs in: its finance office signs there too. */
  readonly tenantId: string;
}

interface Tranche {
  readonly id: string;
  readonly sequence: number;
  readonly percent: number;
  readonly amountFen: number;
  readonly state: TrancheState;
  readonly conditionText: { readonly zh: string; readonly en: string };
}

interface GrantSummary {
  readonly id: string;
  readonly agreementNumber: string;
  readonly community: string;
  readonly amountFen: number;
  readonly paidFen: number;
  readonly refundDueFen: number;
  readonly state: string;
  readonly nextTranche: Tranche | null;
}

interface Grant extends GrantSummary {
  readonly periodStart: string;
  readonly tranches: readonly Tranche[];
  readonly budget: { readonly lines: readonly { readonly item: string; readonly grantFen: number }[] };
  readonly reportSchedule: readonly { readonly kind: string; readonly period: string; readonly opensOn: string }[];
  readonly refunds: readonly { readonly amountFen: number; readonly dueOn: string; readonly state: string }[];
}

/** A grant's evaluations, oldest first: the ledger prints the latest band and stars. */
interface Evaluations {
  readonly items: readonly { readonly band: string; readonly stars: number | null }[];
}

interface Report {
  readonly id: string;
  readonly version: number;
}

/** How far the demo moves the project periods back: past three monthly reports and the mid-term. */
const MONTHS_FORWARD = 7;
const MONTHLY_REPORTS = 3;
/** A 1×1 PNG: the photo of a sign-in sheet the demo attaches. */
const SIGN_IN_SHEET = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const today = (): string => beijingDate(new Date());

export async function followTheProjectYear(year: ProjectYear): Promise<void> {
  say('');
  say('== 资助与拨付 / after the award: grants, tranches and reports');
  const payerAccount = createOffice(`xinan-finance-${year.runId}`, '西南街道财务室', year.tenantId);
  const payer = await signIn(year.api, payerAccount.login, payerAccount.password);
  const grants = await signAndAccept(year);
  await payFirstTranches(year, payer, grants);
  await fastForward(year);
  await fileMonthlyReports(year, grants);
  await monthlyChecksAndExit(year, grants);
  await midTerm(year, payer, grants);
  await finalEvaluation(year.office, year.competitionId, [...grants.keys()]);
  await printLedger(year);
  await printPublicPages(year.api, year.competitionId);
}

/** Each community uploads its signed agreement; the office accepts it, which starts the grant. */
async function signAndAccept(year: ProjectYear): Promise<Map<string, string>> {
  const grants = new Map<string, string>();
  for (const [index, project] of year.funded.entries()) {
    const applicant = year.applicants.get(project.community);
    if (!applicant) throw new Error(`no applicant for ${project.community}`);
    const agreement = await applicant.get<{ id: string; number: string }>(
      `/submissions/${project.submissionId}/agreement`,
    );
    // The signed and stamped scan: the demo sends the agreement's own PDF back.
    const pdf = await applicant.download(`/agreements/${agreement.id}/pdf`);
    await applicant.upload(
      `/agreements/${agreement.id}/signed-scan`,
      `${agreement.number}-签字盖章.pdf`,
      'application/pdf',
      pdf,
    );
    const grant = await year.office.post<{ id: string }>(`/agreements/${agreement.id}/grant`);
    await applicant.put(`/grants/${grant.id}/payee`, {
      accountName: `佛山市三水区西南街道${project.community}社区居民委员会`,
      bankName: '中国农业银行佛山三水西南支行',
      accountNumber: `4452 0101 0400 ${String(1201 + index)}`,
    });
    grants.set(project.community, grant.id);
  }
  say(`签约 / ${grants.size} agreements signed by the communities and accepted by the office; bank accounts entered`);
  return grants;
}

let voucherSequence = 0;
/** A voucher is used once in the whole ledger: the run's id keeps a second demo run's apart. */
const nextVoucher = (runId: string): string => {
  voucherSequence += 1;
  return `记-${runId}-${String(voucherSequence).padStart(4, '0')}`;
};

/** One account approves, another records the payment with its voucher. */
async function approveAndPay(year: ProjectYear, payer: ApiClient, tranche: Tranche): Promise<string> {
  await year.office.post(`/tranches/${tranche.id}/approve`);
  const voucher = nextVoucher(year.runId);
  await payer.post(`/tranches/${tranche.id}/pay`, { voucherNumber: voucher, paidOn: today() });
  return voucher;
}

async function payFirstTranches(year: ProjectYear, payer: ApiClient, grants: ReadonlyMap<string, string>) {
  let paid = 0;
  let percent = 0;
  let first = true;
  for (const grantId of grants.values()) {
    const grant = await year.office.get<Grant>(`/grants/${grantId}`);
    const tranche = grant.tranches[0];
    if (first) {
      // The control the auditors ask for, shown once: the approver cannot also pay.
      await year.office.post(`/tranches/${tranche.id}/approve`);
      const voucher = nextVoucher(year.runId);
      try {
        await year.office.post(`/tranches/${tranche.id}/pay`, { voucherNumber: voucher, paidOn: today() });
        throw new Error('the approver was allowed to record the payment');
      } catch (error) {
        if (!(error instanceof DemoApiError) || error.status !== 403) throw error;
        say(`  两人复核 / maker-checker: ${error.message.replace(/^.*HTTP 403 /, '')}`);
      }
      await payer.post(`/tranches/${tranche.id}/pay`, { voucherNumber: voucher, paidOn: today() });
      first = false;
    } else {
      await approveAndPay(year, payer, tranche);
    }
    paid += tranche.amountFen;
    percent = tranche.percent;
  }
  say(
    `首期拨付 / first tranches (${percent}%) approved by 党建办 and paid by 财务室: ${grants.size} payments, ${yuan(paid)}`,
  );
}

/**
 * A project year lasts a year: the demo moves the grants' project periods back so that seven months
 * have passed, and says so.
 */
async function fastForward(year: ProjectYear): Promise<void> {
  await inDatabase((db) =>
    db.query(
      `UPDATE project_grant
          SET period_start = (period_start - make_interval(months => $2))::date,
              period_end = (period_end - make_interval(months => $2))::date
        WHERE competition_id = $1`,
      [year.competitionId, MONTHS_FORWARD],
    ),
  );
  say(
    `演示：快进项目执行期 ${MONTHS_FORWARD} 个月 / demo: the project year is fast-forwarded by ${MONTHS_FORWARD} months ` +
      '(the project periods are moved back in the database; reports filed now count as late)',
  );
}

/** Three monthly reports per grant, each accepted; one is returned once for a missing sign-in sheet. */
async function fileMonthlyReports(year: ProjectYear, grants: ReadonlyMap<string, string>): Promise<void> {
  let filed = 0;
  const [returnedCommunity] = [...grants.keys()].slice(1, 2);
  for (const [community, grantId] of grants) {
    const applicant = year.applicants.get(community);
    if (!applicant) throw new Error(`no applicant for ${community}`);
    const grant = await applicant.get<Grant>(`/grants/${grantId}`);
    const months = grant.reportSchedule
      .filter((row) => row.kind === 'monthly' && row.opensOn <= today())
      .slice(0, MONTHLY_REPORTS);
    for (const [i, { period }] of months.entries()) {
      const draft = await applicant.post<Report>(`/grants/${grantId}/reports`, { kind: 'monthly', period });
      const saved = await applicant.patch<Report>(`/reports/${draft.id}`, {
        narrative: `${period} 开展${community}社区党群服务活动 ${2 + i} 次，党员志愿者入户走访，收集居民意见并跟进解决。`,
        activities: [
          {
            date: [`${period}-${String(12 + i).padStart(2, '0')}`, grant.periodStart].sort()[1],
            place: `${community}社区党群服务中心`,
            participants: 30 + 7 * i,
            description: '党群服务日',
          },
        ],
        // A twelfth of each grant line a month, in whole yuan: what a steady project spends.
        spending: grant.budget.lines.map((line) => ({
          grantFen: Math.floor(line.grantFen / 1200) * 100,
          matchingFen: 0,
        })),
        expectedVersion: draft.version,
      });
      const returnIt = community === returnedCommunity && i === 1;
      if (!returnIt) {
        await applicant.upload(`/reports/${saved.id}/attachments`, `${period}-签到表.png`, 'image/png', SIGN_IN_SHEET);
      }
      await applicant.post(`/reports/${saved.id}/submit`);
      if (returnIt) {
        await year.office.post(`/reports/${saved.id}/return`, {
          comments: '请补充本月活动的签到表 / please attach the sign-in sheet of this month’s activity',
        });
        say(`  退回修改 / ${community}'s ${period} report returned: the sign-in sheet is missing`);
        await applicant.upload(`/reports/${saved.id}/attachments`, `${period}-签到表.png`, 'image/png', SIGN_IN_SHEET);
        await applicant.post(`/reports/${saved.id}/submit`);
        say(`  ${community} attached it and submitted again`);
      }
      await year.office.post(`/reports/${saved.id}/accept`, { comments: '材料齐全，同意 / complete, accepted' });
      filed += 1;
    }
  }
  say(`月度报告 / ${filed} monthly reports filed with sign-in sheets and accepted by the office`);
}

/**
 * The mid-term evaluation decides the second tranches: each one its pass made eligible is paid on two
 * signatures.
 */
async function midTerm(year: ProjectYear, payer: ApiClient, grants: ReadonlyMap<string, string>): Promise<void> {
  await midTermEvaluations(year.office, year.competitionId, [...grants.keys()]);
  let released = 0;
  let percent = 0;
  for (const grantId of grants.values()) {
    const grant = await year.office.get<Grant>(`/grants/${grantId}`);
    const tranche = grant.tranches[1];
    if (tranche.state !== TrancheState.Eligible) continue;
    percent = tranche.percent;
    await approveAndPay(year, payer, tranche);
    released += 1;
  }
  say(`中期拨付 / ${released} second tranches (${percent}%) made eligible by the evaluation, approved and paid`);
}

function nextColumn(grant: GrantSummary, sanctionEnds: string | undefined): string {
  if (grant.state === 'terminated') {
    const ended =
      grant.refundDueFen > 0
        ? `已终止，应退款 ${yuan(grant.refundDueFen)} / terminated, refund due`
        : '已终止 / terminated';
    return sanctionEnds ? `${ended}; 限制申报至 ${sanctionEnds} / sanctioned until then` : ended;
  }
  const next = grant.nextTranche;
  if (!next) return '— 全部拨付 / all paid';
  const state = TRANCHE_STATE_LABELS[next.state];
  return `第 ${next.sequence} 期 ${yuan(next.amountFen)} ${next.conditionText.zh}（${state.zh} / ${state.en}）`;
}

async function printLedger(year: ProjectYear): Promise<void> {
  const page = await year.office.get<{ items: GrantSummary[] }>(
    `/grants?competitionId=${year.competitionId}&pageSize=100`,
  );
  const rows = [...page.items].sort((a, b) => a.agreementNumber.localeCompare(b.agreementNumber));
  const sanctions = await year.office.get<{ items: { grantId: string; endsOn: string }[] }>('/sanctions?pageSize=100');
  const sanctionEnds = new Map(sanctions.items.map((s) => [s.grantId, s.endsOn]));
  say('');
  say('资助台账 / the grants ledger');
  say(
    `${pad('协议编号', 16)}${pad('社区', 10)}${pad('资助金额', 12)}${pad('已拨付', 12)}${pad('等次', 6)}${pad('星级', 8)}` +
      '下一期及条件 / next tranche and its condition',
  );
  for (const grant of rows) {
    const { items } = await year.office.get<Evaluations>(`/grants/${grant.id}/evaluations`);
    const latest = items.at(-1);
    say(
      `${pad(grant.agreementNumber, 16)}${pad(grant.community, 10)}${pad(yuan(grant.amountFen), 12)}` +
        `${pad(yuan(grant.paidFen), 12)}${pad(latest?.band ?? '—', 6)}${pad(latest?.stars ? `${latest.stars} 星` : '—', 8)}` +
        nextColumn(grant, sanctionEnds.get(grant.id)),
    );
  }
  const total = (pick: (g: GrantSummary) => number) => rows.reduce((sum, g) => sum + pick(g), 0);
  say(
    `合计 / total: granted ${yuan(total((g) => g.amountFen))}, paid ${yuan(total((g) => g.paidFen))}, ` +
      `refunds due ${yuan(total((g) => g.refundDueFen))}`,
  );
}
