import { BrowserContextOptions, Locator } from 'playwright-core';
import request from 'supertest';
import { addDays, beijingDate } from '@app/grants';
import { AppUser } from '@app/persistence';
import { acceptAll, signedCompetition } from '../grants.factory';
import { LAPTOP, PHONE, expectAccessibleShot, servePages, signInOn } from './browser-harness';

// 评估 in the browser: the office seats a panel, enters paper sheets and closes the round; the
// grantee reads its band and its remediation deadline on a phone.
jest.setTimeout(120_000);

const GROUPS = ['expert', 'department', 'media', 'resident'] as const;
const GROUP_NAMES = { expert: '专家', department: '职能部门', media: '媒体', resident: '居民代表' } as const;

describe('evaluations (评估) in Chromium', () => {
  const served = servePages();
  const http = () => request(served.app.getHttpServer());
  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();

  const signIn = (path: 'office' | 'apply', user: AppUser, device: BrowserContextOptions) =>
    signInOn(served, path, user, device);

  it('the office opens a mid-term round, seats four evaluators, enters their sheets and closes it; the grantee sees the C and the remediation deadline on a phone', async () => {
    const fixture = await signedCompetition(served.app, [1_000_000]);
    const [grantId] = await acceptAll(served.app, fixture);
    const [clerk] = fixture.clerks;
    const office = await signIn('office', clerk.user, LAPTOP);
    try {
      const { page } = office;
      await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/evaluations`);
      await page.getByTestId('evaluations-tab').waitFor();
      await page.getByLabel('评估阶段').selectOption('mid');
      await page.getByRole('button', { name: '开始评估' }).click();
      await see(page.getByTestId('evaluation-round'), '中期评估');

      for (const group of GROUPS) {
        const form = page.getByTestId('add-evaluator');
        await form.getByLabel('评估人姓名').fill(`${GROUP_NAMES[group]}评估人`);
        await form.getByLabel('评估组').selectOption(group);
        await form.getByRole('button', { name: '加入评估组' }).click();
        await see(page.getByTestId('evaluator-row'), `${GROUP_NAMES[group]}评估人`);
        await see(page.getByTestId('issued-evaluator-code'), `${GROUP_NAMES[group]}评估人 的评估签到码`);
      }
      await see(page.getByTestId('issued-evaluator-code'), '/evaluate/#r=');
      await expectAccessibleShot(page, 'evaluations-panel');
      await page.getByRole('button', { name: '重新生成签到码 媒体评估人' }).click();
      await see(page.getByTestId('issued-evaluator-code'), '媒体评估人 的评估签到码');

      await page.getByRole('button', { name: '结束评估并计算结果' }).click();
      await see(page.getByText('还有 4 份评分表未提交'), '还有 4 份');

      const sheet = page.getByTestId('sheet-entry');
      for (const group of GROUPS) {
        await sheet.getByLabel('评估人', { exact: true }).selectOption({ label: `${GROUP_NAMES[group]}评估人` });
        await sheet.getByLabel('项目质量（满分 30）').fill(group === 'expert' ? '31' : '15');
        await sheet.getByLabel('项目进度（满分 20）').fill('10');
        await sheet.getByLabel('社会知晓度（满分 15）').fill('8');
        await sheet.getByLabel('居民参与度（满分 15）').fill('8');
        await sheet.getByLabel('满意度（满分 20）').fill('9');
        await sheet.getByRole('button', { name: '保存评分表' }).click();
        if (group === 'expert') {
          await see(sheet, '“项目质量”的分数须在 0 到 30 分之间');
          await expectAccessibleShot(page, 'evaluations-sheet-refused');
          await sheet.getByLabel('项目质量（满分 30）').fill('15');
          await sheet.getByRole('button', { name: '保存评分表' }).click();
        }
        const row = page.getByTestId('evaluator-row').filter({ hasText: `${GROUP_NAMES[group]}评估人` });
        await see(row, '1 / 1');
      }
      await see(page.getByTestId('evaluation-result'), '4 / 4');
      await page.getByRole('button', { name: '结束评估并计算结果' }).click();
      await see(page.getByTestId('evaluation-result'), '50.00');
      await see(page.getByTestId('evaluation-result'), 'C 不合格');
      await see(page.getByTestId('evaluation-result'), '限期整改');
      await expectAccessibleShot(page, 'evaluations-closed');
    } finally {
      await office.context.close();
    }

    const evaluations = await http().get(`/grants/${grantId}/evaluations`).set('authorization', clerk.auth).expect(200);
    const due = addDays(beijingDate(new Date()), 30);
    expect(evaluations.body.remediationDueOn).toBe(due);

    const grantee = await signIn('apply', fixture.funded[0].applicant, PHONE);
    try {
      const { page } = grantee;
      await page.goto(`${served.baseUrl}/apply/#/grants/${grantId}`);
      await see(page.getByTestId('remediation-due'), due);
      await see(page.getByTestId('grant-evaluation'), 'C 不合格');
      await expectAccessibleShot(page, 'grantee-evaluation-phone');
    } finally {
      await grantee.context.close();
    }
  });
});
