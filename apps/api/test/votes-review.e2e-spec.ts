import request from 'supertest';
import { AuditEvent, Vote } from '@app/persistence';
import { bearer } from './roadshow.factory';
import { scoringCommand } from './scoring-verify';
import { serveApp } from './test-app';
import { castByCodeVoters, createVoteRound, issueVoterCodes, voteCompetition, voterWithCode } from './votes.factory';

interface ReviewGroup {
  flags: string[];
  addressHash: string;
  count: number;
  votes: { id: string; projectId: string; flags: string[] }[];
}

interface TallyRow {
  projectId: string;
  votes: number;
}

/** A CSV line split on commas outside quotes; the export's quoting is RFC 4180. */
function cellsOf(line: string): string[] {
  return (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, ''));
}

describe('the public vote’s anti-fraud: flags, the review queue, the export and its tally', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  const cast = (roundId: string, voter: string, projectId: string, deviceId: string) =>
    api().post(`/voter/rounds/${roundId}/votes`).set('authorization', voter).send({ projectId, deviceId });

  /** `count` residents of 五顶岗, each signed in with a code of one batch. */
  async function residents(officeToken: string, roundId: string, count: number): Promise<string[]> {
    const codes = await issueVoterCodes(served.app, officeToken, roundId, '五顶岗', count);
    const voters: string[] = [];
    for (const code of codes) voters.push(await voterWithCode(served.app, roundId, code));
    return voters;
  }

  it('flags a burst from one device, lists it for review, and voids it with a reason the tally and the export respect', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture);
    const [wudinggang, zhoubian, jianggen] = fixture.submissions;
    const voters = await residents(fixture.officeToken, roundId, 14);
    // Two honest residents on their own phones; then one phone votes for 洲边 twelve times, signed in
    // with twelve codes: beyond ten a minute, each further vote from it is flagged.
    await cast(roundId, voters[0], wudinggang.id, 'honest-phone-0001').expect(201);
    await cast(roundId, voters[1], jianggen.id, 'honest-phone-0002').expect(201);
    for (const voter of voters.slice(2)) await cast(roundId, voter, zhoubian.id, 'farm-phone-000001').expect(201);

    const queue = await api().get(`/vote-rounds/${roundId}/review-queue`).set(bearer(fixture.officeToken)).expect(200);
    const device = (queue.body.groups as ReviewGroup[]).find((group) => group.flags.includes('device-burst'));
    expect(device?.count).toBe(2);
    expect(device?.votes.every((vote) => vote.projectId === zhoubian.id)).toBe(true);
    // Flagged votes count until the office decides.
    const before = await api().get(`/vote-rounds/${roundId}`).set(bearer(fixture.officeToken)).expect(200);
    expect(before.body.counts).toMatchObject({ votes: 14, valid: 14, voided: 0 });

    const reason = '同一设备一分钟内连续投票，系刷票 / one device voting again and again within a minute';
    const voided = await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(bearer(fixture.officeToken))
      .send({ decision: 'void', reason, voteIds: device?.votes.map((vote) => vote.id) })
      .expect(201);
    expect(voided.body).toMatchObject({ decision: 'void', reviewed: 2 });
    const after = await api().get(`/vote-rounds/${roundId}`).set(bearer(fixture.officeToken)).expect(200);
    expect(after.body.counts).toMatchObject({ votes: 14, valid: 12, voided: 2 });
    expect((after.body.tally as TallyRow[]).find((row) => row.projectId === zhoubian.id)?.votes).toBe(10);

    const again = await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(bearer(fixture.officeToken))
      .send({ decision: 'clear', reason: '复核 / second look', voteIds: [device?.votes[0].id] })
      .expect(409);
    expect(again.body).toMatchObject({ reason: 'VOTE_ALREADY_REVIEWED' });

    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectType: 'vote-round', subjectId: roundId });
    const review = audit.find((event) => event.action === 'vote.review.void');
    expect(review).toMatchObject({ actorType: 'office', actorId: fixture.officeId });
    expect(review?.after).toMatchObject({
      decision: 'void',
      reason,
      voteIds: expect.arrayContaining(device?.votes.map((v) => v.id) ?? []),
    });

    const csv = await api().get(`/vote-rounds/${roundId}/votes.csv`).set(bearer(fixture.officeToken)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toContain('审核理由 / Review reason');
    const voidedLines = lines.filter((line) => line.includes(reason));
    expect(voidedLines).toHaveLength(2);
    for (const line of voidedLines) expect(cellsOf(line)).toContain('void');
    expect(csv.text).not.toContain('127.0.0.1');
  });

  it('clears a flag the office looked at: the vote stands, and only a flagged vote can be cleared', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    const voters = await residents(fixture.officeToken, roundId, 12);
    for (const voter of voters)
      await cast(roundId, voter, fixture.submissions[0].id, 'community-centre-tablet').expect(201);
    const queue = await api().get(`/vote-rounds/${roundId}/review-queue`).set(bearer(fixture.officeToken)).expect(200);
    expect(queue.body.pending).toBe(2);
    const flagged = (queue.body.groups as ReviewGroup[]).flatMap((group) => group.votes.map((vote) => vote.id));
    await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(bearer(fixture.officeToken))
      .send({
        decision: 'clear',
        reason: '社区服务中心的公用平板，居民排队投票 / the community centre’s shared tablet',
        voteIds: flagged,
      })
      .expect(201);
    const empty = await api().get(`/vote-rounds/${roundId}/review-queue`).set(bearer(fixture.officeToken)).expect(200);
    expect(empty.body).toMatchObject({ pending: 0, listed: 0, groups: [] });
    const detail = await api().get(`/vote-rounds/${roundId}`).set(bearer(fixture.officeToken)).expect(200);
    expect(detail.body.counts).toMatchObject({ votes: 12, valid: 12, voided: 0, pendingReview: 0 });

    const [unflagged] = await served.db.query<{ id: string }[]>(
      `SELECT id FROM vote WHERE round_id = $1 AND flags = '[]' LIMIT 1`,
      [roundId],
    );
    const refused = await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(bearer(fixture.officeToken))
      .send({ decision: 'clear', reason: '核实 / checked', voteIds: [unflagged.id] })
      .expect(409);
    expect(refused.body).toMatchObject({ reason: 'VOTE_NOT_FLAGGED' });
    const stranger = await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(bearer(fixture.officeToken))
      .send({ decision: 'void', reason: '核实 / checked', voteIds: ['999999999999'] })
      .expect(404);
    expect(stranger.body).toMatchObject({ reason: 'VOTE_NOT_FOUND' });
  });

  it('flags the votes of codes of one batch used within seconds of each other', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const roundId = await createVoteRound(served.app, fixture);
    const voters = await residents(fixture.officeToken, roundId, 12);
    const flags: string[][] = [];
    for (const [index, voter] of voters.entries()) {
      await cast(roundId, voter, fixture.submissions[0].id, `own-phone-${String(index).padStart(4, '0')}`).expect(201);
      const [vote] = await served.db.query<{ flags: string[] }[]>(
        `SELECT v.flags FROM vote v JOIN voter r ON r.id = v.voter_id WHERE v.round_id = $1 ORDER BY r.first_verified_at DESC, v.id DESC LIMIT 1`,
        [roundId],
      );
      flags.push(vote.flags);
    }
    expect(flags.slice(0, 10).every((voteFlags) => !voteFlags.includes('batch-burst'))).toBe(true);
    expect(flags.slice(10).every((voteFlags) => voteFlags.includes('batch-burst'))).toBe(true);
  });

  it('refuses a voter beyond twenty attempts a minute with 429', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const roundId = await createVoteRound(served.app, fixture);
    const [voter] = await residents(fixture.officeToken, roundId, 1);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      statuses.push((await cast(roundId, voter, fixture.submissions[0].id, 'impatient-phone-01')).status);
    }
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1, 20).every((status) => status === 409)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('gives the same tally from the export, recomputed by the auditors’ CLI, as the API publishes', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture, { votesTotal: 3, resultsVisibility: 'live' });
    const voters = await residents(fixture.officeToken, roundId, 5);
    for (const [index, voter] of voters.entries()) {
      for (const project of fixture.submissions.slice(0, 1 + (index % 3))) {
        await cast(roundId, voter, project.id, `phone-of-resident-${index}`).expect(201);
      }
    }
    const [first] = await served.db.getRepository(Vote).find({ where: { roundId }, order: { id: 'ASC' }, take: 1 });
    await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(bearer(fixture.officeToken))
      .send({
        decision: 'void',
        reason: '居民本人申明非其所投 / the resident says it was not theirs',
        voteIds: [first.id],
      })
      .expect(201);

    const published = await api().get(`/vote-rounds/${roundId}/tally`).expect(200);
    const csv = await api().get(`/vote-rounds/${roundId}/votes.csv`).set(bearer(fixture.officeToken)).expect(200);
    const run = scoringCommand('tally-votes', 'votes.csv', csv.text);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const recomputed = JSON.parse(run.stdout) as {
      projects: TallyRow[];
      valid: number;
      voided: number;
      altered: string[];
    };
    const publishedRows = (published.body.projects as TallyRow[])
      .filter((row) => row.votes > 0)
      .map(({ projectId, votes }) => ({ projectId, votes }))
      .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
    expect(recomputed).toEqual({
      projects: publishedRows,
      valid: published.body.valid as number,
      voided: 1,
      altered: [],
    });

    // A vote moved to another project in the file no longer matches its record hash.
    const moved = csv.text.replace(fixture.submissions[2].id, fixture.submissions[0].id);
    const tampered = scoringCommand('tally-votes', 'votes.csv', moved);
    expect(tampered.status).toBe(1);
    expect((JSON.parse(tampered.stdout) as { altered: string[] }).altered).toHaveLength(1);
  });
  it('pages the review queue beyond a thousand flagged votes, oldest first, each vote on one page', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1205);
    await castByCodeVoters(served.db, roundId, fixture.submissions[0].id, 1205, ['address-burst']);
    const office = bearer(fixture.officeToken);
    const idsOf = (body: { groups: ReviewGroup[] }) => body.groups.flatMap((group) => group.votes.map((v) => v.id));

    const first = await api().get(`/vote-rounds/${roundId}/review-queue`).set(office).expect(200);
    expect(first.body).toMatchObject({ pending: 1205, listed: 1000 });
    expect(first.body.nextAfter).toEqual(expect.any(String));
    const second = await api()
      .get(`/vote-rounds/${roundId}/review-queue`)
      .query({ after: first.body.nextAfter as string })
      .set(office)
      .expect(200);
    expect(second.body).toMatchObject({ pending: 1205, listed: 205, nextAfter: null });
    const firstIds = idsOf(first.body as { groups: ReviewGroup[] });
    const secondIds = idsOf(second.body as { groups: ReviewGroup[] });
    expect(new Set([...firstIds, ...secondIds]).size).toBe(1205);
    expect(Math.max(...firstIds.map(Number))).toBeLessThan(Math.min(...secondIds.map(Number)));

    // Voiding the whole second page leaves the first as it was and nothing after it.
    await api()
      .post(`/vote-rounds/${roundId}/reviews`)
      .set(office)
      .send({ decision: 'void', reason: '同一地址集中投票 / one address voting at once', voteIds: secondIds })
      .expect(201);
    const again = await api().get(`/vote-rounds/${roundId}/review-queue`).set(office).expect(200);
    expect(again.body).toMatchObject({ pending: 1000, listed: 1000, nextAfter: null });

    const bad = await api().get(`/vote-rounds/${roundId}/review-queue?after=first`).set(office).expect(400);
    expect(bad.body).toMatchObject({ field: 'query.after' });
  });

  it('streams an export of many thousand votes whose tally the auditors’ CLI recomputes exactly', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture, { resultsVisibility: 'live' });
    await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 5000);
    await issueVoterCodes(served.app, fixture.officeToken, roundId, '洲边', 1200);
    await castByCodeVoters(served.db, roundId, fixture.submissions[0].id, 6200);

    const csv = await api()
      .get(`/vote-rounds/${roundId}/votes.csv`)
      .set(bearer(fixture.officeToken))
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(csv.headers['transfer-encoding']).toBe('chunked');
    const text = csv.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(6201);

    const published = await api().get(`/vote-rounds/${roundId}/tally`).expect(200);
    const run = scoringCommand('tally-votes', 'votes.csv', text);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      projects: [{ projectId: fixture.submissions[0].id, votes: 6200 }],
      valid: published.body.valid as number,
      voided: 0,
      altered: [],
    });
    expect(published.body.valid).toBe(6200);
  });
});
