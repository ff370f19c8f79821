import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CompetitionRules, JudgeGroup } from '@app/domain';
import { sheetAddingUpTo } from '@app/testing';
import { AddedJudge, RoadshowFixture, drawnRoadshow, scoreEverySlot } from './roadshow.factory';

export interface ScoredCompetition {
  readonly fixture: RoadshowFixture;
  readonly roadshowId: string;
  readonly judges: readonly AddedJudge[];
  /** Project index (SANSHUI order: 五顶岗, 洲边, 江根, 云秀) → its id. */
  readonly ids: readonly string[];
}

/**
 * A competition under `rules` whose projects five expert judges scored through the API, every slot
 * locked and scoring closed. `totals[p][j]` is judge j's total for project p. `ownCommunity` makes
 * the fifth judge a resident of that community, recused from its project automatically.
 */
export async function scoredCompetition(
  app: NestFastifyApplication,
  rules: CompetitionRules,
  totals: readonly (readonly number[])[],
  { seed, ownCommunity }: { readonly seed: string; readonly ownCommunity?: string },
): Promise<ScoredCompetition> {
  const roadshow = await drawnRoadshow(app, {
    projects: totals.length,
    rules,
    seed,
    judges: Array.from({ length: 5 }, (_, j) => ({
      name: `评委${j + 1}`,
      group: JudgeGroup.Expert,
      ...(j === 4 && ownCommunity ? { community: ownCommunity } : {}),
    })),
  });
  const { fixture } = roadshow;
  await scoreEverySlot(app, roadshow, (p, j) =>
    j === 4 && fixture.organizations[p].community === ownCommunity ? undefined : sheetAddingUpTo(rules, totals[p][j]),
  );
  return { ...roadshow, ids: fixture.submissions.map((submission) => submission.id) };
}
