import { randomUUID } from 'node:crypto';
import { Locator, Page } from 'playwright-core';
import { Role } from '@app/domain';
import { TEST_PASSWORD, createUser } from '../factories';
import { LAPTOP, PHONE, expectAccessibleShot, servePages } from './browser-harness';

jest.setTimeout(120_000);

const PASSWORD = '新华路街道公益创投2026';

describe('admin console in Chromium', () => {
  const served = servePages();
  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();
  const tab = (page: Page, name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  it('builds an office, invites a person who sets their password, and disables them at once', async () => {
    const suffix = randomUUID().slice(0, 6);
    const admin = await createUser(served.db, Role.Admin);
    const laptop = await served.browser.newContext(LAPTOP);
    laptop.setDefaultTimeout(15_000);
    const page = await laptop.newPage();
    await page.goto(`${served.baseUrl}/admin/`);
    await page.getByRole('heading', { name: '系统管理登录' }).waitFor();
    await expectAccessibleShot(page, 'admin-sign-in');
    await page.getByLabel('登录名').fill(admin.login);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '单位与账号' }).waitFor();

    // A district at the top, then a street office under it; a street at the top is refused beside its field.
    const district = `长宁区民政局 ${suffix}`;
    await page.getByLabel('级别').selectOption('district');
    await page.getByLabel('名称', { exact: true }).fill(district);
    await page.getByLabel('英文名称').fill(`Changning ${suffix}`);
    await page.getByRole('button', { name: '创建单位' }).click();
    const tree = page.getByTestId('tenant-tree');
    await see(tree.locator('.tenant'), district);
    await page.getByLabel('级别').selectOption('street');
    await page.getByLabel('名称', { exact: true }).fill(`新华路街道 ${suffix}`);
    await page.getByLabel('英文名称').fill(`Xinhua Road ${suffix}`);
    await page.getByRole('button', { name: '创建单位' }).click();
    await see(page.locator('.field-error'), '街道须在区之下');
    await page.getByLabel('上级单位').selectOption({ label: district });
    await page.getByRole('button', { name: '创建单位' }).click();
    await see(tree.locator('ul .tenant'), `新华路街道 ${suffix}`);
    await expectAccessibleShot(page, 'admin-tenants');

    // Invite a person into the street office: the link is shown once, to hand over.
    await tree.getByRole('link', { name: `新华路街道 ${suffix}的账号` }).click();
    await page.getByRole('heading', { name: `新华路街道 ${suffix}` }).waitFor();
    const login = `xinhua-${suffix}`;
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('姓名').fill('李敏');
    await page.getByRole('button', { name: '生成邀请链接' }).click();
    const link = await page.getByTestId('one-time-link').innerText();
    expect(link).toMatch(/\/admin\/invite\/#t=gyi_/);
    await see(page.locator('tbody tr'), '待设置密码');
    await expectAccessibleShot(page, 'admin-accounts-invited');

    // The person opens the link on their phone and sets their own password.
    const phone = await served.browser.newContext(PHONE);
    phone.setDefaultTimeout(15_000);
    const invitee = await phone.newPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: '设置密码，开通账号' }).waitFor();
    await see(invitee.locator('p'), `登录名 ${login}`);
    await expectAccessibleShot(invitee, 'invite-accept');
    await invitee.getByLabel('新密码（至少 10 个字符）').fill(PASSWORD);
    await invitee.getByLabel('再输入一次').fill(PASSWORD);
    await invitee.getByRole('button', { name: '保存密码' }).click();
    await invitee.getByRole('heading', { name: '密码已设置' }).waitFor();
    const reused = await phone.newPage();
    await reused.goto(link);
    await see(reused.locator('.error'), '链接无效、已过期或已使用');
    await phone.close();

    // The office signs in, and fills in its grantor and notice texts from the console's settings page.
    const officeContext = await served.browser.newContext(LAPTOP);
    officeContext.setDefaultTimeout(15_000);
    const office = await officeContext.newPage();
    await office.goto(`${served.baseUrl}/office/`);
    await office.getByLabel('登录名').fill(login);
    await office.getByLabel('密码').fill(PASSWORD);
    await office.getByRole('button', { name: '登录' }).click();
    await office.getByRole('heading', { name: '公益创投大赛' }).waitFor();
    await office.getByRole('link', { name: '本单位设置' }).click();
    await office.getByRole('heading', { name: '本单位设置' }).waitFor();
    await office.getByLabel('资助方名称').fill('上海市长宁区新华路街道办事处');
    await office.getByLabel('资助方地址').fill('上海市长宁区番禺路 1 号');
    await office.getByRole('button', { name: '保存设置' }).click();
    await see(office.locator('.field-error'), '法定代表人/负责人');
    await office.getByLabel('法定代表人/负责人').fill('陈立');
    await office.getByLabel('公示开头语').fill('现将 2026 年新华路街道公益创投评审结果公示如下：');
    await office.getByRole('button', { name: '保存设置' }).click();
    await see(office.locator('.message-box.ok'), '设置已保存');
    await expectAccessibleShot(office, 'office-settings');

    // The admin disables the account; the office's next step signs it out.
    await page.getByRole('button', { name: `停用 ${login}` }).click();
    await see(page.locator('tbody tr'), '已停用');
    await office.getByRole('link', { name: '← 全部大赛' }).click();
    await office.getByRole('heading', { name: '管理控制台登录' }).waitFor();

    // The settings the office saved, as the admin sees them; and a key for the district's dashboard.
    await tab(page, '设置');
    await expect(page.getByLabel('资助方名称').inputValue()).resolves.toBe('上海市长宁区新华路街道办事处');
    await expectAccessibleShot(page, 'admin-settings');
    await tab(page, 'API 密钥');
    await page.getByLabel('用途').fill('区数据看板');
    await page.getByLabel('读取排名与资助结果').check();
    await page.getByRole('button', { name: '创建密钥' }).click();
    await expect(page.getByTestId('new-api-key').innerText()).resolves.toMatch(/^gyk_/);
    await expectAccessibleShot(page, 'admin-api-keys');
    await officeContext.close();
    await laptop.close();
  });
});
