import request from 'supertest';
import { COMPETITION_PRESETS } from '@app/domain';
import { AppUser, ComponentValue, Vote } from '@app/persistence';
import { mistyped, openSmsInbox } from '../sms-inbox';
import { castByCodeVoters, createVoteRound, issueVoterCodes, voteCompetition, voterWithCode } from '../votes.factory';
import {
  LAPTOP,
  SMALL_PHONE,
  expectAccessible,
  expectAccessibleShot,
  expectReadable,
  servePages,
  signInOn,
} from './browser-harness';

// The public vote as its people meet it: a resident on a small phone, and the office reviewing the
// votes the anti-fraud checks flagged.
jest.setTimeout(90_000);

describe('the public vote in Chromium: a resident votes on a phone, the office reviews flagged votes', () => {
  const served = servePages();

  it('lets a resident verify with a printed code, vote with a confirmation, and see a second vote for the same project refused', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture, { votesTotal: 3, resultsVisibility: 'live' });
    const [chosen, other] = fixture.submissions;
    const [code] = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1);
    const context = await served.browser.newContext(SMALL_PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();

    await page.goto(`${served.baseUrl}/vote/#r=${roundId}`);
    await page.getByRole('heading', { level: 1, name: '2026年 党建项目网络投票' }).waitFor();
    await expect(page.getByTestId('vote-round').innerText()).resolves.toContain('每人共 3 票');
    await expect(page.getByTestId('vote-project').count()).resolves.toBe(3);
    await expect(page.getByRole('button', { name: /^投票给/ }).count()).resolves.toBe(0);
    await expectReadable(page, 'vote-phone-verify');

    await page.getByLabel('投票码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '验证并投票' }).click();
    const remaining = page.getByTestId('remaining-text');
    await remaining.filter({ hasText: '还可投 3 票' }).waitFor();
    await expectReadable(page, 'vote-phone-ballot');

    const card = page.locator(`[data-testid="vote-project"][data-project="${chosen.id}"]`);
    await expect(card.getByTestId('vote-category').innerText()).resolves.toBe('便民利民类');
    await card.getByRole('button', { name: `投票给 ${chosen.title}` }).click();
    await expect(card.innerText()).resolves.toContain(`确认投给「${chosen.title}」？投出后不能撤回。`);
    await expectReadable(page, 'vote-phone-confirm');
    await card.getByRole('button', { name: '确认投票' }).click();
    await remaining.filter({ hasText: '还可投 2 票' }).waitFor();
    await expect(card.getByTestId('my-votes').innerText()).resolves.toBe('您已投 1 票');
    await expect(card.innerText()).resolves.toContain('当前有效票 1');
    await expect(
      page.locator(`[data-testid="vote-project"][data-project="${other.id}"]`).innerText(),
    ).resolves.toContain('当前有效票 0');

    await card.getByRole('button', { name: `投票给 ${chosen.title}` }).click();
    await card.getByRole('button', { name: '确认投票' }).click();
    await card.getByRole('alert').filter({ hasText: '您已为该项目投过票' }).waitFor();
    await expect(remaining.innerText()).resolves.toBe('还可投 2 票');
    await expectReadable(page, 'vote-phone-refused');
    await expect(served.db.getRepository(Vote).countBy({ roundId })).resolves.toBe(1);

    // A reload keeps the resident signed in and shows what the server holds.
    await page.reload();
    await remaining.filter({ hasText: '还可投 2 票' }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await remaining.filter({ hasText: '2 vote(s) left' }).waitFor();
    await expect(card.getByTestId('my-votes').innerText()).resolves.toBe('You gave it 1 vote(s)');
    await context.close();
  });

  it('verifies a resident by phone and SMS code, hides the counts while the round says so, and refuses a vote beyond the limit', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture, { votesTotal: 1, methods: ['phone'] });
    const [first, second] = fixture.submissions;
    const inbox = openSmsInbox(served.app);
    const context = await served.browser.newContext(SMALL_PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto(`${served.baseUrl}/vote/#r=${roundId}`);
      await page.getByText('票数将在投票结束后公布。').waitFor();
      await page.getByLabel('手机号码').fill('139 0000 1234');
      await page.getByLabel('所在社区').selectOption('洲边');
      await page.getByRole('button', { name: '获取短信验证码' }).click();
      await page.getByText(/验证码已发送至 139\*\*\*\*1234/).waitFor();
      const smsCode = inbox.codeIn(0);
      await page.getByLabel('短信验证码').fill(mistyped(smsCode));
      await page.getByRole('button', { name: '验证并投票' }).click();
      await page.getByText('短信验证码不正确或已过期，请重新获取').waitFor();
      await expect(page.getByLabel('短信验证码').getAttribute('aria-invalid')).resolves.toBe('true');
      await expectReadable(page, 'vote-phone-sms-refused');

      await page.getByLabel('短信验证码').fill(smsCode);
      await page.getByRole('button', { name: '验证并投票' }).click();
      const remaining = page.getByTestId('remaining-text');
      await remaining.filter({ hasText: '还可投 1 票' }).waitFor();
      await expect(page.getByText(/当前有效票/).count()).resolves.toBe(0);

      const card = (id: string) => page.locator(`[data-testid="vote-project"][data-project="${id}"]`);
      await card(first.id)
        .getByRole('button', { name: `投票给 ${first.title}` })
        .click();
      await card(first.id).getByRole('button', { name: '确认投票' }).click();
      await remaining.filter({ hasText: '还可投 0 票' }).waitFor();
      await card(second.id)
        .getByRole('button', { name: `投票给 ${second.title}` })
        .click();
      await card(second.id).getByRole('button', { name: '确认投票' }).click();
      await card(second.id).getByRole('alert').filter({ hasText: '每人最多投 1 票，您的票已全部投完' }).waitFor();
      await expect(served.db.getRepository(Vote).countBy({ roundId })).resolves.toBe(1);
    } finally {
      inbox.restore();
      await context.close();
    }
  });

  it('lets the office set up the vote in Beijing time, with a wrong window named at its field', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/votes`);
    const form = page.getByTestId('vote-round-form');
    await form.waitFor();
    /** A datetime-local value in Beijing time, `hours` from one fixed now, so a minute turning mid-test changes nothing. */
    const now = Date.now();
    const beijing = (hours: number) => new Date(now + (8 + hours) * 3600_000).toISOString().slice(0, 16);
    await form.getByLabel('开始时间（北京时间）').fill(beijing(48));
    await form.getByLabel('结束时间（北京时间）').fill(beijing(24));
    await form.getByLabel('每人总票数').fill('5');
    await form.getByLabel('可投票社区（每行一个）').fill('五顶岗\n洲边');
    await form.getByRole('button', { name: '设立投票' }).click();
    await form.getByText('投票结束时间必须晚于开始时间').waitFor();
    await expect(form.getByLabel('结束时间（北京时间）').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'office-vote-setup-refused');

    await form.getByLabel('结束时间（北京时间）').fill(beijing(24 * 8));
    await form.getByRole('button', { name: '设立投票' }).click();
    const round = page.getByTestId('vote-round');
    await round.waitFor();
    const text = await round.innerText();
    expect(text).toContain('未开始');
    expect(text).toContain(`${beijing(48).replace('T', ' ')} 至 ${beijing(24 * 8).replace('T', ' ')}（北京时间）`);
    expect(text).toContain('共 5 票');
    expect(text).toContain('五顶岗、洲边');
    await expectAccessibleShot(page, 'office-vote-setup');
    await context.close();
  });

  it('lets the office issue printable codes and void a device’s burst of votes from the review queue, with a reason', async () => {
    const fixture = await voteCompetition(served.app, 3);
    const roundId = await createVoteRound(served.app, fixture);
    const [honest, farmed] = fixture.submissions;
    // One phone votes for 洲边 twelve times with twelve codes: beyond ten a minute, each further vote
    // is flagged. Two batches keep each under the batch-burst threshold, so the device is the one flag.
    const codes = [
      ...(await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 7)),
      ...(await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 6)),
    ];
    const http = () => request(served.app.getHttpServer());
    const cast = async (code: string, projectId: string, deviceId: string) =>
      http()
        .post(`/voter/rounds/${roundId}/votes`)
        .set('authorization', await voterWithCode(served.app, roundId, code))
        .send({ projectId, deviceId })
        .expect(201);
    await cast(codes[0], honest.id, 'honest-phone-0001');
    for (const code of codes.slice(1)) await cast(code, farmed.id, 'farm-phone-000001');

    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/votes`);
    const counts = page.getByTestId('vote-counts');
    await counts.waitFor();
    await expect(counts.locator('[data-count="valid"]').innerText()).resolves.toBe('13');
    await expect(page.getByTestId('vote-page-link').innerText()).resolves.toBe(`${served.baseUrl}/vote/#r=${roundId}`);

    const issue = page.getByTestId('issue-voter-codes');
    await issue.getByLabel('社区').selectOption('洲边');
    await issue.getByLabel('数量').fill('3');
    await issue.getByRole('button', { name: '生成投票码' }).click();
    const sheet = page.getByTestId('voter-code-sheet');
    await sheet.waitFor();
    await expect(sheet.getByTestId('voter-code').count()).resolves.toBe(3);
    await expect(sheet.innerText()).resolves.toContain('洲边 居民投票码');
    // Every slip carries the QR code of the round's voting page.
    await expect(sheet.getByRole('img', { name: /投票页面二维码/ }).count()).resolves.toBe(3);
    await expect(page.getByTestId('voided-rule').innerText()).resolves.toBe(
      '作废的选票仍计入该投票人的各项票数上限：作废不退还票数。',
    );
    await expectAccessible(page, 'office-vote-codes');

    const group = page.getByTestId('review-group').filter({ hasText: '同一设备短时间内大量投票' });
    await expect(group.locator('tbody tr').count()).resolves.toBe(2);
    await expect(group.innerText()).resolves.toContain(farmed.title);
    await expectAccessibleShot(page, 'office-vote-review');

    await group.getByRole('button', { name: '作废这组选票' }).click();
    await group.getByRole('button', { name: '确认作废' }).click();
    // Without a reason nothing is decided: the box says what is missing.
    await group.locator('textarea[aria-invalid="true"]').waitFor();
    await expect(page.getByTestId('review-pending').innerText()).resolves.toContain('待审核 2 张');

    await group.getByLabel(/审核理由/).fill('同一设备一分钟内连续投票，系刷票');
    await group.getByRole('button', { name: '作废这组选票' }).click();
    await group.getByRole('button', { name: '确认作废' }).click();
    await page.getByText('已作废 2 张选票').waitFor();
    await expect(page.getByTestId('review-pending').innerText()).resolves.toContain('待审核 0 张');
    await expect(served.db.getRepository(Vote).countBy({ roundId, projectId: farmed.id })).resolves.toBe(12);

    await page.reload();
    await counts.locator('[data-count="voided"]').filter({ hasText: '2' }).waitFor();
    await expect(counts.locator('[data-count="valid"]').innerText()).resolves.toBe('11');
    await context.close();
  });

  it('lists the rounds open now or soon on /vote/, and takes a resident from the list to the round', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const title = `社区微心愿项目投票 ${fixture.competition.id.slice(0, 6)}`;
    const roundId = await createVoteRound(served.app, fixture, { title });
    const context = await served.browser.newContext(SMALL_PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto(`${served.baseUrl}/vote/`);
      await page.getByRole('heading', { level: 1, name: '网络投票' }).waitFor();
      const item = page.getByTestId('open-round').filter({ hasText: title });
      await expect(item.innerText()).resolves.toContain('可投票社区');
      await expect(item.innerText()).resolves.toContain('投票中');
      await expectReadable(page, 'vote-phone-rounds');
      await item.getByRole('link', { name: `去投票：${title}` }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(page.url()).toBe(`${served.baseUrl}/vote/#r=${roundId}`);
      await expect(page.getByTestId('vote-project').count()).resolves.toBe(2);
    } finally {
      await context.close();
    }
  });

  it('pages the office through more than a thousand flagged votes', async () => {
    const fixture = await voteCompetition(served.app, 2);
    const roundId = await createVoteRound(served.app, fixture);
    await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 1004);
    await castByCodeVoters(served.db, roundId, fixture.submissions[0].id, 1004, ['network-burst']);
    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    try {
      await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/votes`);
      const pages = page.getByTestId('review-pages');
      await pages.getByText('第 1 页，本页 1000 张').waitFor();
      await expect(page.getByTestId('review-pending').innerText()).resolves.toContain('待审核 1004 张');
      await pages.getByRole('button', { name: '下一页' }).click();
      await pages.getByText('第 2 页，本页 4 张').waitFor();
      await expect(pages.getByRole('button', { name: '下一页' }).count()).resolves.toBe(0);
      await expect(page.getByTestId('review-group').locator('tbody tr').count()).resolves.toBe(4);
      await expectAccessible(page, 'office-vote-review-page-2');
      await pages.getByRole('button', { name: '上一页' }).click();
      await pages.getByText('第 1 页，本页 1000 张').waitFor();
    } finally {
      await context.close();
    }
  });

  it('lets the office turn a closed vote into its score component’s points', async () => {
    const fixture = await voteCompetition(served.app, 3, COMPETITION_PRESETS.dongguan);
    const roundId = await createVoteRound(served.app, fixture, { componentKey: 'vote' });
    const [first, second, third] = fixture.submissions;
    const codes = await issueVoterCodes(served.app, fixture.officeToken, roundId, '五顶岗', 3);
    const votes: [string, string][] = [
      [first.id, 'resident-phone-0001'],
      [first.id, 'resident-phone-0002'],
      [second.id, 'resident-phone-0003'],
    ];
    for (const [i, [projectId, deviceId]] of votes.entries()) {
      await request(served.app.getHttpServer())
        .post(`/voter/rounds/${roundId}/votes`)
        .set('authorization', await voterWithCode(served.app, roundId, codes[i]))
        .send({ projectId, deviceId })
        .expect(201);
    }
    await served.db.query(`UPDATE vote_round SET closes_at = now() WHERE id = $1`, [roundId]);

    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/votes`);
    const card = page.getByTestId('vote-points');
    await card.waitFor();
    await expect(page.getByTestId('vote-round').innerText()).resolves.toContain('网络投票');
    await card.getByRole('button', { name: '计入评分构成' }).click();
    await card.getByText('已计入“网络投票”：新写入或改变 3 项').waitFor();
    await expectAccessible(page, 'office-vote-points');
    const stored = await served.db
      .getRepository(ComponentValue)
      .findBy({ competitionId: fixture.competition.id, componentKey: 'vote' });
    expect(new Map(stored.map((row) => [row.submissionId, row.value]))).toEqual(
      new Map([
        [first.id, '100'],
        [second.id, '50'],
        [third.id, '0'],
      ]),
    );
    await context.close();
  });
});
