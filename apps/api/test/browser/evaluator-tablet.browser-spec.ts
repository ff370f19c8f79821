import { Page } from 'playwright-core';
import request from 'supertest';
import { EvaluationSheet } from '@app/persistence';
import { acceptAll, signedCompetition } from '../grants.factory';
import { TABLET, expectAccessibleShot, layoutProblems, servePages } from './browser-harness';

// An evaluator on a tablet: the code from the office's slip, the round's projects, a sheet per
// project against the evaluation rubric, a declared conflict, and the closed round.
jest.setTimeout(120_000);

const MARKS = { quality: '26', progress: '17.5', awareness: '12', participation: '13', satisfaction: '18' };

describe('the evaluator’s tablet (评估打分) in Chromium', () => {
  const served = servePages();
  const http = () => request(served.app.getHttpServer());

  async function checked(page: Page, name: string): Promise<void> {
    await expectAccessibleShot(page, name);
    await expect(layoutProblems(page)).resolves.toEqual({ overflow: false, small: [] });
  }

  it('signs in with the code, scores a project criterion by criterion, declares a conflict with the other, and is told when the round has closed', async () => {
    const fixture = await signedCompetition(served.app, [2_000_000, 1_000_000]);
    const grantIds = await acceptAll(served.app, fixture);
    const auth = fixture.clerks[0].auth;
    const round = await http()
      .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', auth)
      .send({ stage: 'mid' })
      .expect(201);
    const roundId = (round.body as { id: string }).id;
    const seated = await http()
      .post(`/evaluation-rounds/${roundId}/evaluators`)
      .set('authorization', auth)
      .send({ name: '王建国', group: 'expert' })
      .expect(201);
    const { code, evaluator } = (seated.body as { issuedCode: { code: string; evaluator: { id: string } } }).issuedCode;

    const context = await served.browser.newContext({ ...TABLET });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto(`${served.baseUrl}/evaluate/#r=${roundId}`);
      await page.getByRole('heading', { name: '评估人签到' }).waitFor();
      await checked(page, 'evaluator-sign-in');
      await page.getByLabel('签到码').fill('AAAA-AAAA');
      await page.tap('form.sign-in button[type="submit"]');
      await page.getByRole('alert').filter({ hasText: '签到码无效' }).waitFor();
      await page.getByLabel('签到码').fill(code.toLowerCase());
      await page.tap('form.sign-in button[type="submit"]');
      await page.getByRole('heading', { name: '本轮评估项目' }).waitFor();
      await page.getByText('评估人：王建国').waitFor();
      await checked(page, 'evaluator-projects');

      const first = page.locator(`li[data-grant="${grantIds[0]}"]`);
      await first.getByRole('button', { name: '评分' }).tap();
      await page.getByLabel('项目质量（满分 30）').waitFor();
      for (const [key, value] of Object.entries(MARKS)) await page.fill(`#mark-${key}`, value);
      await page.getByRole('button', { name: '项目质量 加 1 分' }).tap();
      await page.getByText('合计 87.50 / 100.00').waitFor();
      await checked(page, 'evaluator-sheet');
      await page.fill('#mark-progress', '21');
      await page.getByRole('button', { name: '提交评分' }).tap();
      await page.getByText('分数须在 0 到 20 之间').waitFor();
      await page.fill('#mark-progress', '17.5');
      await page.getByRole('button', { name: '提交评分' }).tap();
      await page.getByRole('status').filter({ hasText: '的评分已保存' }).waitFor();
      await first.getByText('已评分').waitFor();
      await first.getByText('您的总分：87.50').waitFor();
      const sheet = await served.db
        .getRepository(EvaluationSheet)
        .findOneBy({ evaluatorId: evaluator.id, grantId: grantIds[0] });
      expect(sheet).toMatchObject({ total: '87.50', enteredBy: evaluator.id });

      const second = page.locator(`li[data-grant="${grantIds[1]}"]`);
      await second.getByRole('button', { name: '申报回避' }).tap();
      await page.getByLabel('回避原因').fill('本人是该项目的顾问');
      await checked(page, 'evaluator-recusal');
      await page.getByRole('button', { name: '确认回避' }).tap();
      await second.getByText('已回避').waitFor();
      await second.getByText('回避原因：本人是该项目的顾问').waitFor();
      await expect(second.getByRole('button', { name: '评分' }).count()).resolves.toBe(0);

      for (const group of ['department', 'media', 'resident']) {
        const other = await http()
          .post(`/evaluation-rounds/${roundId}/evaluators`)
          .set('authorization', auth)
          .send({ name: `${group}评估人`, group })
          .expect(201);
        const otherId = (other.body as { issuedCode: { evaluator: { id: string } } }).issuedCode.evaluator.id;
        for (const grantId of grantIds) {
          await http()
            .put(`/evaluation-rounds/${roundId}/sheets/${otherId}/${grantId}`)
            .set('authorization', auth)
            .send({ criteria: MARKS })
            .expect(200);
        }
      }
      await first.getByRole('button', { name: '修改评分' }).tap();
      await page.getByLabel('项目质量（满分 30）').waitFor();
      await http().post(`/evaluation-rounds/${roundId}/close`).set('authorization', auth).expect(200);
      await page.getByRole('button', { name: '提交评分' }).tap();
      await page.getByRole('alert').filter({ hasText: '已结束' }).waitFor();
      await page.reload();
      await page.getByRole('alert').filter({ hasText: '本轮评估已结束' }).waitFor();
      await expect(page.getByRole('button', { name: '修改评分' }).count()).resolves.toBe(0);
      await checked(page, 'evaluator-closed');
    } finally {
      await context.close();
    }
  });
});
