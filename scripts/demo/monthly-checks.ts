import { monthsOf } from '@app/grants';
import { ProjectYear } from './grants-year';
import { say, yuan } from './demo-support';

/**
 * 辛店's monthly checks in the fast-forwarded year: the office scores every grant's first three
 * months out of 10 (plan, summary, presence, upkeep). The second-to-last funded project scores
 * below 6 three months in a row: the organization is warned twice, exit is proposed, the office
 * confirms it, and the grant ends with its refund due and the organization barred.
 */
const CHECKED_MONTHS = 3;

interface Series {
  readonly warning: boolean;
  readonly exitProposed: boolean;
}

interface Proposal {
  readonly id: string;
  readonly detail: string;
}

interface Confirmed {
  readonly sanction: { readonly endsOn: string } | null;
}

interface Grant {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly refunds: readonly { readonly amountFen: number; readonly dueOn: string }[];
}

type Marks = readonly { readonly key: string; readonly points: number }[];

const sheet = (plan: number, summary: number, presence: number, upkeep: number): Marks => [
  { key: 'plan', points: plan },
  { key: 'summary', points: summary },
  { key: 'presence', points: presence },
  { key: 'upkeep', points: upkeep },
];

/** Plan, summary, presence, upkeep: 8.5, 9 and 8 for a steady project; 5.5, 5 and 4 for the failing one. */
const STEADY = [sheet(2, 1.5, 3, 2), sheet(2, 2, 3, 2), sheet(1.5, 1.5, 3, 2)];
const FAILING = [sheet(2, 0, 2, 1.5), sheet(1, 1, 2, 1), sheet(1, 0, 2, 1)];
const scoreOf = (marks: Marks): number => marks.reduce((sum, mark) => sum + mark.points, 0);

export async function monthlyChecksAndExit(year: ProjectYear, grants: ReadonlyMap<string, string>): Promise<void> {
  const entries = [...grants.entries()];
  const [exiting] = entries.slice(-2, -1);
  for (const [community, grantId] of entries) {
    const grant = await year.office.get<Grant>(`/grants/${grantId}`);
    const months = monthsOf(grant.periodStart, grant.periodEnd).slice(0, CHECKED_MONTHS);
    const sheets = community === exiting[0] ? FAILING : STEADY;
    for (const [i, month] of months.entries()) {
      const score = scoreOf(sheets[i]);
      const series = await year.office.post<Series>(`/grants/${grantId}/monthly-checks`, {
        month,
        items: sheets[i],
        note:
          score < 6
            ? `${month} 现场查看：${community}社区服务站多次未按时开放，月度总结未交 / the service site was often closed`
            : `${month} 现场查看：${community}社区服务站按时开放，台账齐全 / open on time, records complete`,
      });
      if (series.warning) {
        say(
          `  预警 / ${community}: ${month} 考核 ${score} 分，连续 ${i + 1} 个月低于 6 分 / warned after ${i + 1} month(s) below 6`,
        );
      }
    }
  }
  say(
    `月度考核 / monthly checks (辛店, out of 10): ${entries.length} grants checked for ${CHECKED_MONTHS} months ` +
      '(in the fast-forwarded year)',
  );
  const open = await year.office.get<{ items: Proposal[] }>(
    `/termination-proposals?state=open&grantId=${exiting[1]}&pageSize=10`,
  );
  const [proposal] = open.items;
  if (!proposal) throw new Error(`no exit was proposed for ${exiting[0]}`);
  say(`  退出建议 / ${exiting[0]}: ${proposal.detail}`);
  const confirmed = await year.office.post<Confirmed>(`/termination-proposals/${proposal.id}/confirm`, {
    reason: '街道党工委会议研究，按协议退出 / confirmed by the street office’s meeting',
  });
  const grant = await year.office.get<Grant>(`/grants/${exiting[1]}`);
  const refund = grant.refunds[0];
  say(
    `  确认退出 / ${exiting[0]}: grant terminated, unpaid tranches cancelled, refund of ${yuan(refund?.amountFen ?? 0)} ` +
      `due by ${refund?.dueOn ?? '—'}; 限制申报至 / sanctioned until ${confirmed.sanction?.endsOn ?? '—'}`,
  );
}
