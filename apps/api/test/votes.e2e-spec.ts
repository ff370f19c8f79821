import { create } from 'qrcode';
import request from 'supertest';
import { Role, TenantKind } from '@app/domain';
import { AppUser, AuditEvent, Tenant, Vote, Voter, createDataSource } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { createCompetition, createUser } from './factories';
import { bearer } from './roadshow.factory';
import { mistyped, openSmsInbox } from './sms-inbox';
import { serveApp } from './test-app';
import { createVoteRound, issueVoterCodes, roundBody, voteCompetition, voterWithCode } from './votes.factory';
import type { ErrorResponseDto as Refusal } from '../src/common/error-response.dto';

const DEVICE = 'phone-of-li-min-0001';

describe('the public vote (网络投票): rounds, voters, votes, limits, tally', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  const cast = (roundId: string, voter: string, projectId: string, deviceId = DEVICE) =>
    api().post(`/voter/rounds/${roundId}/votes`).set('authorization', voter).send({ projectId, deviceId });

  const votesIn = (roundId: string) => served.db.getRepository(Vote).countBy({ roundId });

  it('an office sets up a round and hands out codes; a resident verifies with one, votes, and sees what is left', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture, { votesTotal: 2 });
    const office = await api().get(`/vote-rounds/${roundId}`).set(bearer(fixture.officeToken)).expect(200);
    expect(office.body).toMatchObject({
      phase: 'open',
      limits: { votesPerDay: null, votesTotal: 2, perProject: 1, perCategory: null },
      componentKey: null,
      counts: { votes: 0, valid: 0, voided: 0, pendingReview: 0, voters: 0 },
    });

    const issued = await api()
      .post(`/vote-rounds/${roundId}/code-batches`)
      .set(bearer(fixture.officeToken))
      .send({ community: '五顶岗', count: 3 })
      .expect(201);
    expect(issued.body.codes).toHaveLength(3);
    for (const code of issued.body.codes as string[]) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(issued.body.votePageUrl).toContain(`/vote/#r=${roundId}`);
    // The slips' QR code is the voting page's address, the same for every code of the batch.
    const { modules } = create(issued.body.votePageUrl as string, { errorCorrectionLevel: 'M' });
    expect(issued.body.qr.size).toBe(modules.size);
    expect((issued.body.qr.rows as string[])[0]).toBe(
      Array.from({ length: modules.size }, (_, x) => (modules.get(x, 0) ? '1' : '0')).join(''),
    );
    expect(issued.body.qr.rows).toHaveLength(modules.size);
    const stored = await served.db.getRepository(Voter).findBy({ roundId });
    expect(stored).toHaveLength(3);
    for (const voter of stored) expect(issued.body.codes).not.toContain(voter.digest);

    const code = (issued.body.codes as string[])[0];
    const session = await api()
      .post('/voter-sessions')
      .send({ roundId, method: 'code', code: ` ${code.toLowerCase().replace('-', ' ')} ` })
      .expect(201);
    expect(session.body).toMatchObject({
      voter: { community: '五顶岗', method: 'code' },
      remaining: { today: null, total: 2 },
    });
    const voter = `Bearer ${session.body.token as string}`;

    const ballot = await api().get(`/vote-rounds/${roundId}/ballot`).expect(200);
    expect((ballot.body.projects as { id: string }[]).map((p) => p.id).sort()).toEqual(
      fixture.submissions.map((s) => s.id).sort(),
    );
    expect(ballot.body.round).toMatchObject({ phase: 'open', resultsShown: false });
    expect(ballot.body.projects[0].votes).toBeNull();
    // 五顶岗's project is of the party-building rules' 便民利民类.
    expect((ballot.body.projects as { id: string }[]).find((p) => p.id === fixture.submissions[0].id)).toMatchObject({
      category: 'convenience',
      categoryZh: '便民利民类',
      categoryEn: 'Convenience services',
    });

    const first = await cast(roundId, voter, fixture.submissions[0].id).expect(201);
    expect(first.body).toMatchObject({ projectId: fixture.submissions[0].id, remaining: { today: null, total: 1 } });
    const view = await api().get(`/voter/rounds/${roundId}`).set('authorization', voter).expect(200);
    expect(view.body).toMatchObject({
      remaining: { today: null, total: 1 },
      votes: [{ projectId: fixture.submissions[0].id, votes: 1 }],
    });

    const hidden = await api().get(`/vote-rounds/${roundId}/tally`).expect(403);
    expect((hidden.body as Refusal).reason).toBe('VOTE_RESULTS_HIDDEN');
    const counted = await api().get(`/vote-rounds/${roundId}`).set(bearer(fixture.officeToken)).expect(200);
    expect(counted.body.counts).toMatchObject({ votes: 1, valid: 1, voters: 1 });
    expect(counted.body.tally[0]).toMatchObject({ projectId: fixture.submissions[0].id, votes: 1 });
  });

  it('lists every office’s open and upcoming rounds to anyone, without closed ones or anything about voters', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const open = await createVoteRound(served.app, fixture, { title: '正在进行的投票' });
    const upcoming = await createVoteRound(served.app, fixture, {
      title: '下周开始的投票',
      opensAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 8 * 24 * 3600_000).toISOString(),
    });
    const closed = await createVoteRound(served.app, fixture, {
      title: '即将结束的投票',
      closesAt: new Date(Date.now() + 1500).toISOString(),
    });
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, open, '五顶岗', 1);
    await cast(open, await voterWithCode(served.app, open, code), fixture.submissions[0].id).expect(201);
    // Another street office's round is listed too: the list is the city's, not one office's.
    const xinhua = await served.db
      .getRepository(Tenant)
      .save({ kind: TenantKind.Street, name: '新华路街道', nameEn: 'Xinhua Road', parentId: null });
    const clerk = await createUser(served.db, Role.Office);
    await served.db.getRepository(AppUser).update(clerk.id, { tenantId: xinhua.id });
    const theirs = await createCompetition(served.db, clerk.id, {
      tenantId: xinhua.id,
      title: '新华路街道 2026 年公益创投',
    });
    const clerkToken = served.app
      .get(TokenService)
      .issue({ kind: 'user', userId: clerk.id, role: Role.Office, tenantId: xinhua.id }).token;
    const elsewhere = await api()
      .post(`/competitions/${theirs.id}/vote-rounds`)
      .set(bearer(clerkToken))
      .send(roundBody(fixture, { title: '新华路街道居民投票' }))
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 1600));

    const listed = await api().get('/vote-rounds/open').expect(200);
    const items = listed.body.items as { id: string; phase: string; opensAt: string }[];
    const ids = items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([open, upcoming]));
    expect(ids).not.toContain(closed);
    expect(ids.indexOf(open)).toBeLessThan(ids.indexOf(upcoming));
    const mine = items.find((item) => item.id === open);
    expect(mine).toEqual({
      id: open,
      title: '正在进行的投票',
      competitionTitle: fixture.competition.title,
      officeName: expect.any(String),
      officeNameEn: expect.any(String),
      opensAt: expect.any(String),
      closesAt: expect.any(String),
      phase: 'open',
      communities: expect.arrayContaining(['五顶岗']),
      votePageUrl: expect.stringContaining(`/vote/#r=${open}`),
    });
    expect(items.find((item) => item.id === upcoming)?.phase).toBe('upcoming');
    expect(items.find((item) => item.id === (elsewhere.body as { id: string }).id)).toMatchObject({
      competitionTitle: '新华路街道 2026 年公益创投',
      officeName: '新华路街道',
      officeNameEn: 'Xinhua Road',
    });
    expect(JSON.stringify(listed.body)).not.toMatch(/voter|digest|address|device/i);
  });

  it('shows the counts live when the round says so', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture, { resultsVisibility: 'live' });
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '洲边', 1);
    await cast(roundId, await voterWithCode(served.app, roundId, code), fixture.submissions[1].id).expect(201);
    const tally = await api().get(`/vote-rounds/${roundId}/tally`).expect(200);
    expect(tally.body).toMatchObject({ phase: 'open', valid: 1 });
    expect(tally.body.projects[0]).toMatchObject({ projectId: fixture.submissions[1].id, votes: 1 });
    const ballot = await api().get(`/vote-rounds/${roundId}/ballot`).expect(200);
    expect(ballot.body.round.resultsShown).toBe(true);
  });

  it('refuses a second vote for one project, a full category, a spent day and a spent total, writing nothing', async () => {
    const fixture = await voteCompetition(served.app, 6);
    // 江根, 云秀 and 月桂 are all 扶贫帮困类 (poverty relief).
    const [jianggen, yunxiu, yuegui] = [fixture.submissions[2], fixture.submissions[3], fixture.submissions[5]];
    const roundId = await createVoteRound(served.app, fixture, { perCategory: 2, votesPerDay: 3, votesTotal: 3 });
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundId, code);

    await cast(roundId, voter, jianggen.id).expect(201);
    const again = await cast(roundId, voter, jianggen.id).expect(409);
    expect(again.body).toMatchObject({ reason: 'VOTE_PROJECT_LIMIT_REACHED', field: 'projectId' });
    expect((again.body as Refusal).message_zh).toContain('已为该项目投过票');

    await cast(roundId, voter, yunxiu.id).expect(201);
    const category = await cast(roundId, voter, yuegui.id).expect(409);
    expect(category.body).toMatchObject({ reason: 'VOTE_CATEGORY_LIMIT_REACHED' });
    expect((category.body as Refusal).message_zh).toContain('扶贫帮困类');

    await cast(roundId, voter, fixture.submissions[0].id).expect(201);
    const spent = await cast(roundId, voter, fixture.submissions[1].id).expect(409);
    expect(spent.body).toMatchObject({ reason: 'VOTE_TOTAL_LIMIT_REACHED' });
    expect(await votesIn(roundId)).toBe(3);
  });

  it('counts the daily limit by the Beijing calendar day', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture, { votesPerDay: 1, votesTotal: 3 });
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundId, code);
    const first = await cast(roundId, voter, fixture.submissions[0].id).expect(201);
    expect(first.body.remaining).toEqual({ today: 0, total: 2 });
    const today = await cast(roundId, voter, fixture.submissions[1].id).expect(409);
    expect(today.body).toMatchObject({ reason: 'VOTE_DAILY_LIMIT_REACHED' });
    expect((today.body as Refusal).message_zh).toContain('明天');

    // The first vote moved to yesterday (Beijing): today's vote is free again, the total still counts it.
    // Only the tables' owner may pause the append-only trigger; the app's own role may not.
    const owner = await createDataSource({ url: process.env.DATABASE_URL as string, poolSize: 1 }).initialize();
    try {
      await owner.query(`ALTER TABLE vote DISABLE TRIGGER vote_no_update_delete`);
      await owner.query(`UPDATE vote SET cast_day = cast_day - 1 WHERE round_id = $1`, [roundId]);
      await owner.query(`ALTER TABLE vote ENABLE TRIGGER vote_no_update_delete`);
    } finally {
      await owner.destroy();
    }
    const next = await cast(roundId, voter, fixture.submissions[1].id).expect(201);
    expect(next.body.remaining).toEqual({ today: 0, total: 1 });
  });

  it('counts exactly one of many simultaneous votes for the same project by one voter', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundId, code);
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => cast(roundId, voter, fixture.submissions[0].id)),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(11).fill(409)]);
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect((refused.body as Refusal).reason).toBe('VOTE_PROJECT_LIMIT_REACHED');
    }
    expect(await votesIn(roundId)).toBe(1);
  });

  it('never lets simultaneous votes for different projects pass the total', async () => {
    const fixture = await voteCompetition(served.app, 8);
    const roundId = await createVoteRound(served.app, fixture, { votesTotal: 3 });
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundId, code);
    const responses = await Promise.all(fixture.submissions.map((project) => cast(roundId, voter, project.id)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(3);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(5);
    expect(await votesIn(roundId)).toBe(3);
  });

  it('never lets simultaneous votes for projects of one category pass the category limit', async () => {
    const fixture = await voteCompetition(served.app, 10);
    // 江根, 云秀, 月桂 and 布心 are all 扶贫帮困类 (poverty relief).
    const poverty = [2, 3, 5, 9].map((index) => fixture.submissions[index]);
    const roundId = await createVoteRound(served.app, fixture, { perCategory: 2 });
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundId, code);
    const responses = await Promise.all(poverty.map((project) => cast(roundId, voter, project.id)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(2);
    for (const refused of responses.filter((response) => response.status !== 201)) {
      expect(refused.body).toMatchObject({ reason: 'VOTE_CATEGORY_LIMIT_REACHED' });
    }
    expect(await votesIn(roundId)).toBe(2);
  });

  it('refuses votes before the window and after it, and for a project that failed screening or is not in the vote', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const hour = 3600_000;
    const later = await createVoteRound(served.app, fixture, {
      opensAt: new Date(Date.now() + hour).toISOString(),
      closesAt: new Date(Date.now() + 2 * hour).toISOString(),
    });
    const [early] = await issueVoterCodes(served.app, fixture.officeToken, later, '五顶岗', 1);
    const tooEarly = await cast(later, await voterWithCode(served.app, later, early), fixture.submissions[0].id).expect(
      409,
    );
    expect(tooEarly.body).toMatchObject({ reason: 'VOTE_ROUND_NOT_YET_OPEN' });
    expect((tooEarly.body as Refusal).message_zh).toContain('北京时间');

    const roundId = await createVoteRound(served.app, fixture);
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundId, code);
    const screened = await cast(roundId, voter, fixture.screenedOutId).expect(409);
    expect(screened.body).toMatchObject({ reason: 'VOTE_PROJECT_SCREENED_OUT', field: 'projectId' });
    const other = await voteCompetition(served.app, 1);
    const stranger = await cast(roundId, voter, other.submissions[0].id).expect(404);
    expect(stranger.body).toMatchObject({ reason: 'VOTE_PROJECT_NOT_FOUND' });

    await served.db.query(`UPDATE vote_round SET closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    const tooLate = await cast(roundId, voter, fixture.submissions[0].id).expect(409);
    expect(tooLate.body).toMatchObject({ reason: 'VOTE_ROUND_CLOSED' });
    expect(await votesIn(roundId)).toBe(0);
    expect(await votesIn(later)).toBe(0);
  });

  it('lets the office change a round until it opens, and not after', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const hour = 3600_000;
    const upcoming = await createVoteRound(served.app, fixture, {
      opensAt: new Date(Date.now() + hour).toISOString(),
      closesAt: new Date(Date.now() + 2 * hour).toISOString(),
    });
    const changed = await api()
      .patch(`/vote-rounds/${upcoming}`)
      .set(bearer(fixture.officeToken))
      .send({ votesTotal: 5, resultsVisibility: 'live' })
      .expect(200);
    expect(changed.body).toMatchObject({ limits: { votesTotal: 5 }, resultsVisibility: 'live', phase: 'upcoming' });
    const inconsistent = await api()
      .patch(`/vote-rounds/${upcoming}`)
      .set(bearer(fixture.officeToken))
      .send({ votesPerDay: 6 })
      .expect(400);
    expect(inconsistent.body).toMatchObject({ reason: 'VOTE_LIMITS_INCONSISTENT', field: 'votesPerDay' });

    const open = await createVoteRound(served.app, fixture);
    const refused = await api()
      .patch(`/vote-rounds/${open}`)
      .set(bearer(fixture.officeToken))
      .send({ votesTotal: 5 })
      .expect(409);
    expect(refused.body).toMatchObject({ reason: 'VOTE_ROUND_ALREADY_OPENED' });
    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectType: 'vote-round', subjectId: upcoming });
    expect(audit.map((event) => event.action)).toEqual(['vote.round.create', 'vote.round.update']);
  });

  it('refuses a window that closes before it opens, naming the field', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const response = await api()
      .post(`/competitions/${fixture.competition.id}/vote-rounds`)
      .set(bearer(fixture.officeToken))
      .send({
        title: '倒置的投票时间',
        opensAt: '2026-05-08T18:00:00+08:00',
        closesAt: '2026-05-01T09:00:00+08:00',
        votesPerDay: null,
        votesTotal: 3,
        perProject: 1,
        perCategory: null,
        communities: ['五顶岗'],
        methods: ['code'],
        resultsVisibility: 'hidden',
        componentKey: null,
      })
      .expect(400);
    expect(response.body).toMatchObject({ reason: 'VOTE_WINDOW_INVALID', field: 'closesAt' });
  });

  it('opens only its own round to a voter: another round reads as missing', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const roundA = await createVoteRound(served.app, fixture);
    const roundB = await createVoteRound(served.app, fixture);
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundA, '五顶岗', 1);
    const voter = await voterWithCode(served.app, roundA, code);
    const refused = await cast(roundB, voter, fixture.submissions[0].id).expect(404);
    expect(refused.body).toMatchObject({ reason: 'VOTE_ROUND_NOT_FOUND' });
    await api().get(`/voter/rounds/${roundB}`).set('authorization', voter).expect(404);
    const wrongRound = await api().post('/voter-sessions').send({ roundId: roundB, method: 'code', code }).expect(401);
    expect(wrongRound.body).toMatchObject({ reason: 'VOTER_CODE_INVALID', field: 'code' });
    expect(await votesIn(roundB)).toBe(0);
  });

  it('pauses a code after five wrong tries, the right one included, and says until when', async () => {
    const fixture = await voteCompetition(served.app, 1);
    const roundId = await createVoteRound(served.app, fixture);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await api()
        .post('/voter-sessions')
        .send({ roundId, method: 'code', code: 'ZZZZ-ZZZZ' })
        .expect(401);
      expect(wrong.body).toMatchObject({ reason: 'VOTER_CODE_INVALID' });
    }
    const paused = await api().post('/voter-sessions').send({ roundId, method: 'code', code: 'ZZZZ-ZZZZ' }).expect(429);
    expect(paused.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'VOTER_SIGN_IN_PAUSED' });
    expect((paused.body as Refusal).message_zh).toContain('北京时间');
  });

  it('verifies a phone by an SMS code from the development provider, keeping only a keyed hash of the number', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    const inbox = openSmsInbox(served.app);
    try {
      const phone = '138 1234 5678';
      const request1 = await api().post('/voter-sessions/sms').send({ roundId, phone }).expect(201);
      expect(request1.body).toMatchObject({ sentTo: '138****5678', resendAfterSeconds: 60 });
      expect(inbox.sent).toHaveLength(1);
      expect(inbox.sent[0].to).toBe('13812345678');
      const smsCode = inbox.codeIn(0);

      const tooSoon = await api().post('/voter-sessions/sms').send({ roundId, phone: '13812345678' }).expect(429);
      expect(tooSoon.body).toMatchObject({ reason: 'VOTER_SMS_TOO_SOON' });

      const wrongCode = mistyped(smsCode);
      const wrong = await api()
        .post('/voter-sessions')
        .send({ roundId, method: 'phone', phone, smsCode: wrongCode, community: '洲边' })
        .expect(401);
      expect(wrong.body).toMatchObject({ reason: 'VOTER_SMS_CODE_INVALID', field: 'smsCode' });
      const outsider = await api()
        .post('/voter-sessions')
        .send({ roundId, method: 'phone', phone, smsCode, community: '广州' })
        .expect(400);
      expect(outsider.body).toMatchObject({ reason: 'VOTER_COMMUNITY_NOT_IN_ROUND', field: 'community' });

      const session = await api()
        .post('/voter-sessions')
        .send({ roundId, method: 'phone', phone: '+86 138-1234-5678', smsCode, community: '洲边' })
        .expect(201);
      expect(session.body.voter).toMatchObject({ community: '洲边', method: 'phone' });
      await api()
        .post('/voter-sessions')
        .send({ roundId, method: 'phone', phone, smsCode, community: '洲边' })
        .expect(401);

      const rows = await served.db.query<Record<string, unknown>[]>(`SELECT * FROM voter WHERE round_id = $1`, [
        roundId,
      ]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toMatch(/1381234|12345678/);
      await cast(roundId, `Bearer ${session.body.token as string}`, fixture.submissions[0].id).expect(201);
    } finally {
      inbox.restore();
    }
  });
});
