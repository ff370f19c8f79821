import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@app/domain';
import { AuditEvent } from '@app/persistence';
import { QueueName } from '@app/queue';
import { TokenService } from '../../src/auth/token.service';
import { createUser } from '../factories';
import { keptFailedJob } from '../queues.factory';
import { LAPTOP, servePages, takeCspViolations } from './browser-harness';

/** A queue prefix of its own: no worker of another test file takes this file's jobs. */
const QUEUE_PREFIX = `dash-${randomUUID().slice(0, 8)}`;

describe('queue dashboard in Chromium', () => {
  const served = servePages(() => Promise.resolve({ QUEUE_PREFIX }));

  it('opens from an admin’s one-time link, shows a kept failed job with its error, and retries the failed jobs', async () => {
    const { added: job } = await keptFailedJob(served.app, '字体文件缺失 / font file missing');

    const admin = await createUser(served.db, Role.Admin);
    const token = served.app.get(TokenService).issue({ kind: 'user', userId: admin.id, role: Role.Admin }).token;
    const link = await request(served.app.getHttpServer())
      .post('/ops/queue-dashboard/links')
      .set('Authorization', `Bearer ${token}`)
      .expect(201);

    const context = await served.browser.newContext(LAPTOP);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}${link.body.url as string}`);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.title()).resolves.toBe('任务队列 · Queues');
    for (const name of Object.values(QueueName)) await page.getByText(name, { exact: true }).first().waitFor();

    await page.goto(`${served.baseUrl}/admin/queues/queue/${QueueName.Agreements}?status=failed`);
    await page.getByText('字体文件缺失 / font file missing').first().waitFor();
    await page.getByRole('button', { name: '重试全部' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.innerText()).resolves.toContain('您确定要重试所有failed作业吗');
    await confirm.getByRole('button', { name: '确认' }).click();
    await page.getByText('字体文件缺失 / font file missing').first().waitFor({ state: 'detached' });
    expect(await job.getState()).not.toBe('failed');
    await served.db.getRepository(AuditEvent).findOneByOrFail({ action: 'queue.retry', actorId: admin.id });

    // Bull Board asks Google for its web font; the policy refuses it like any CDN, and nothing else.
    const refused = takeCspViolations(served.browser);
    expect(refused.filter((violation) => !violation.includes('fonts.googleapis.com'))).toEqual([]);
    await context.close();
  });

  it('shows a browser without the link the refusal, not the dashboard', async () => {
    const context = await served.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const response = await page.goto(`${served.baseUrl}/admin/queues/`);
    expect(response?.status()).toBe(401);
    await expect(page.locator('body').innerText()).resolves.toContain('DASHBOARD_SIGN_IN_REQUIRED');
    await context.close();
  });
});
