import { PROJECT_OUTCOME_LABELS, ProjectOutcome } from '@app/domain';
import { ApiClient } from './api-client';
import { say } from './demo-support';

interface Accountability {
  readonly fundedCount: number;
  readonly totalGrantFen: number;
  readonly totalPaidFen: number;
  readonly projects: readonly { readonly outcome: { readonly code: ProjectOutcome } }[];
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
  say(`获资助项目 / funded projects: ${view.fundedCount}; ${counts.join(', ')}`);
  say(`结果公示 / public notice:       ${api.baseUrl}/notice/?competition=${competitionId}`);
  say(`项目进展 / accountability page: ${api.baseUrl}/accountability/?competition=${competitionId}`);
}
