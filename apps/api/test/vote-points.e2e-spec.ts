import request from 'supertest';
import { COMPETITION_PRESETS } from '@app/domain';
import { AuditEvent, ComponentValue, VoteRound } from '@app/persistence';
import { bearer } from './roadshow.factory';
import { serveApp } from './test-app';
import { createVoteRound, issueVoterCodes, roundBody, voteCompetition, voterWithCode } from './votes.factory';

interface ReviewGroup {
  flags: string[];
  votes: { id: string }[];
}

describe('the public vote as a score component (东莞: 20% online vote)', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  const cast = (roundId: string, voter: string, projectId: string, deviceId: string) =>
    api().post(`/voter/rounds/${roundId}/votes`).set('authorization', voter).send({ projectId, deviceId });

  it('ties a round only to a component the rules fill from the vote, naming the field', async () => {
    const fixture = await voteCompetition(served.app, 3, COMPETITION_PRESETS.dongguan);
    const refused = await api()
      .post(`/competitions/${fixture.competition.id}/vote-rounds`)
      .set(bearer(fixture.officeToken))
      .send(roundBody(fixture, { componentKey: 'donations' }))
      .expect(400);
    expect(refused.body).toMatchObject({ reason: 'VOTE_COMPONENT_NOT_VOTE', field: 'componentKey' });
    expect(refused.body.message_zh).toContain('网络投票');
    expect(await served.db.getRepository(VoteRound).countBy({ competitionId: fixture.competition.id })).toBe(0);
  });

  it('turns a closed, reviewed round into points: the top project gets the maximum, the rest in proportion', async () => {
    const fixture = await voteCompetition(served.app, 3, COMPETITION_PRESETS.dongguan);
    const office = bearer(fixture.officeToken);
    const roundId = await createVoteRound(served.app, fixture, { componentKey: 'vote' });
    const [first, second, third] = fixture.submissions;
    const codes = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 14);
    const voters: string[] = [];
    for (const code of codes) voters.push(await voterWithCode(served.app, roundId, code));
    await cast(roundId, voters[0], first.id, 'honest-phone-0001').expect(201);
    await cast(roundId, voters[1], third.id, 'honest-phone-0002').expect(201);
    // One phone signed in with twelve codes votes for the second project: beyond ten a minute, flagged.
    for (const voter of voters.slice(2)) await cast(roundId, voter, second.id, 'farm-phone-000001').expect(201);
    const record = () => api().post(`/vote-rounds/${roundId}/component-points`).set(office);

    expect((await record().expect(409)).body.reason).toBe('VOTE_ROUND_STILL_OPEN');
    await served.db.query(`UPDATE vote_round SET closes_at = now() WHERE id = $1`, [roundId]);
    const pending = await record().expect(409);
    expect(pending.body.reason).toBe('VOTE_REVIEW_PENDING');
    expect(pending.body.message_zh).toMatch(/还有 \d+ 张被标记的选票等待审核/);
    const values = served.db.getRepository(ComponentValue);
    expect(await values.countBy({ competitionId: fixture.competition.id })).toBe(0);

    const queue = await api().get(`/vote-rounds/${roundId}/review-queue`).set(office).expect(200);
    const groups = queue.body.groups as ReviewGroup[];
    const burst = groups.filter((group) => group.flags.includes('device-burst')).flatMap((group) => group.votes);
    const others = groups.filter((group) => !group.flags.includes('device-burst')).flatMap((group) => group.votes);
    expect(burst).toHaveLength(2);
    await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(office)
      .send({
        decision: 'void',
        reason: '同一设备连续投票 / one device voting again and again',
        voteIds: burst.map((v) => v.id),
      })
      .expect(201);
    if (others.length > 0) {
      await api()
        .post(`/vote-rounds/${roundId}/reviews`)
        .set(office)
        .send({ decision: 'clear', reason: '核实为居民本人 / residents confirmed', voteIds: others.map((v) => v.id) })
        .expect(201);
    }

    const recorded = await record().expect(200);
    // Valid votes 1, 10 and 1 of a 100-point component: 10, 100 and 10 points.
    expect(recorded.body).toMatchObject({ componentKey: 'vote', written: 3, unchanged: 0 });
    const byProject = new Map(
      (recorded.body.projects as { projectId: string; votes: number; points: string }[]).map((row) => [
        row.projectId,
        row,
      ]),
    );
    expect(byProject.get(first.id)).toMatchObject({ votes: 1, points: '10' });
    expect(byProject.get(second.id)).toMatchObject({ votes: 10, points: '100' });
    expect(byProject.get(third.id)).toMatchObject({ votes: 1, points: '10' });
    const stored = await values.findBy({ competitionId: fixture.competition.id, componentKey: 'vote' });
    expect(stored.map((row) => [row.submissionId, row.value, row.source]).sort()).toEqual(
      [
        [first.id, '10', 'vote'],
        [second.id, '100', 'vote'],
        [third.id, '10', 'vote'],
      ].sort(),
    );
    expect(
      await served.db
        .getRepository(AuditEvent)
        .countBy({ action: 'component-values.record', subjectId: fixture.competition.id }),
    ).toBe(1);

    expect((await record().expect(200)).body).toMatchObject({ written: 0, unchanged: 3 });
    await api().post(`/competitions/${fixture.competition.id}/components/vote/lock`).set(office).expect(200);
    expect((await record().expect(409)).body.reason).toBe('COMPONENT_VALUES_LOCKED');
  });
});
