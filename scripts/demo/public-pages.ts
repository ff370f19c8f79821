import { PROJECT_OUTCOME_LABELS, ProjectOutcome } from '@app/domain';
import { ApiClient } from './api-client';
import { pad, say, yuan } from './demo-support';

interface Labelled {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

interface Accountability {
  readonly fundedCount: number;
  readonly totalGrantFen: number;
  readonly totalPaidFen: number;
  readonly projects: readonly {
    readonly community: string;
    readonly grant: { readonly paidFen: number; readonly paidPercent: number; readonly tranchesPaid: number };
    readonly outcome: Labelled & { readonly code: ProjectOutcome };
    readonly evaluation: {
      readonly band: Labelled;
      readonly stars: number | null;
      readonly remediated: boolean;
    } | null;
  }[];
}

/**
 * The end of the (fast-forwarded) year as a resident sees it, without signing in: what the public
 * accountability route says, and the addresses of the notice and accountability pages.
 */
export async function printPublicPages(api: ApiClient, competitionId: string): Promise<void> {
  const view = await api.get<Accountability>(`/competitions/${competitionId}/accountability`);
  const counts = Object.values(ProjectOutcome).map((outcome) => {
    const n = view.projects.filter((project) => project.outcome.code === outcome).length;
    const label = PROJECT_OUTCOME_LABELS[outcome];
    return `${label.zh} ${n} / ${n} ${label.en.toLowerCase()}`;
  });
  say('');
  say('== 公开 / what the public sees at the end of the fast-forwarded year (no sign-in)');
  say('社区      等次  星级    已拨付（期数）        结果 / outcome');
  for (const project of view.projects) {
    const evaluation = project.evaluation;
    const band = evaluation ? `${evaluation.band.code}${evaluation.remediated ? '*' : ''}` : '—';
    const stars = evaluation?.stars ? `${evaluation.stars} 星` : '—';
    const paid = `${yuan(project.grant.paidFen)}（${project.grant.tranchesPaid} 期, ${project.grant.paidPercent}%）`;
    say(
      `${pad(project.community, 10)}${pad(band, 6)}${pad(stars, 8)}${pad(paid, 22)}${project.outcome.labelZh} / ${project.outcome.labelEn}`,
    );
  }
  say('（* 经整改后复评合格 / * passed after remediation and re-evaluation）');
  say(`获资助项目 / funded projects: ${view.fundedCount}; ${counts.join(', ')}`);
  say(`结果公示 / public notice:       ${api.baseUrl}/notice/?competition=${competitionId}`);
  say(`项目进展 / accountability page: ${api.baseUrl}/accountability/?competition=${competitionId}`);
}
