import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { CompetitionRules, CompetitionState, JudgeGroup } from '@app/domain';
import { sheetAddingUpTo } from '@app/testing';
import { AddedJudge, RoadshowFixture, addJudge, bearer, createRoadshow, roadshowCompetition } from './roadshow.factory';

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
  const http = () => request(app.getHttpServer());
  const fixture = await roadshowCompetition(app, totals.length, rules);
  const office = bearer(fixture.officeToken);
  const roadshowId = await createRoadshow(app, fixture);
  const judges: AddedJudge[] = [];
  for (let j = 0; j < 5; j += 1) {
    const body: Record<string, unknown> = { name: `评委${j + 1}`, group: JudgeGroup.Expert };
    if (j === 4 && ownCommunity) body.community = ownCommunity;
    judges.push(await addJudge(app, fixture.officeToken, roadshowId, body));
  }
  const drawn = await http().post(`/roadshows/${roadshowId}/draw`).set(office).send({ seed }).expect(200);
  for (const slot of drawn.body.slots as { slotId: string; submissionId: string }[]) {
    const p = fixture.submissions.findIndex((submission) => submission.id === slot.submissionId);
    await http().post(`/roadshows/${roadshowId}/slots/${slot.slotId}/start`).set(office).expect(200);
    await http().post(`/roadshows/${roadshowId}/slots/${slot.slotId}/open-scoring`).set(office).expect(200);
    for (const [j, judge] of judges.entries()) {
      if (j === 4 && fixture.organizations[p].community === ownCommunity) continue;
      await http()
        .put(`/judge/slots/${slot.slotId}/score`)
        .set(bearer(judge.token))
        .set('Idempotency-Key', `${slot.slotId}-${j}`)
        .send(sheetAddingUpTo(rules, totals[p][j]))
        .expect(200);
    }
    await http().post(`/roadshows/${roadshowId}/slots/${slot.slotId}/lock`).set(office).send({}).expect(200);
  }
  await http()
    .post(`/competitions/${fixture.competition.id}/transitions`)
    .set(office)
    .send({ to: CompetitionState.ScoringClosed })
    .expect(200);
  return { fixture, roadshowId, judges, ids: fixture.submissions.map((submission) => submission.id) };
}
