import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  ApplicationModule,
  EMAIL_PROVIDER,
  EmailMessage,
  EmailProvider,
  Notifier,
  SMS_PROVIDER,
  SmsMessage,
  SmsProvider,
} from '@app/application';
import { ConfigModule, loadConfig } from '@app/config';
import { DEFAULT_TENANT_ID, NotificationKind, OrganizationKind, Role } from '@app/domain';
import { AppUser, Notification, Organization, OutboxMessage } from '@app/persistence';
import { IsolatedDatabase, createIsolatedDatabase } from '@app/testing';
import { SendNotificationHandler } from './send-notification.handler';

/** Stands in for a real gateway: records what it was asked to send. */
class RecordingSms implements SmsProvider {
  readonly available = true;
  readonly sent: SmsMessage[] = [];

  send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
}

class RecordingEmail implements EmailProvider {
  readonly available = true;
  readonly sent: EmailMessage[] = [];

  send(message: EmailMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
}

describe('notifications to an organization: the inbox rows, then the e-mail and SMS copies (real Postgres)', () => {
  let database: IsolatedDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  const sms = new RecordingSms();
  const email = new RecordingEmail();

  async function organizationWithAccounts(logins: readonly string[]): Promise<{ id: string; userIds: string[] }> {
    const organization = await db.getRepository(Organization).save({
      kind: OrganizationKind.Community,
      name: '布心社区居民委员会',
      community: '布心',
      district: '佛山市三水区西南街道',
      contactName: '陈芳',
      contactPhone: '13912345678',
      creditCode: null,
    });
    const users = await db.getRepository(AppUser).save(
      logins.map((login) => ({
        role: Role.Applicant,
        login,
        displayName: '申报人',
        passwordHash: 'seeded-user-without-password',
        organizationId: organization.id,
      })),
    );
    return { id: organization.id, userIds: users.map((user) => user.id) };
  }

  function tellTranchePaid(organizationId: string, dedupKey: string): Promise<void> {
    return db.transaction((manager) =>
      context.get(Notifier).toOrganization(manager, {
        tenantId: DEFAULT_TENANT_ID,
        organizationId,
        dedupKey,
        facts: { kind: NotificationKind.TranchePaid, projectTitle: '圆梦布心·幸福家园', amountFen: 1_500_000 },
      }),
    );
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'notifications');
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ ...process.env, DATABASE_URL: database.url })), ApplicationModule],
      providers: [SendNotificationHandler],
    })
      .overrideProvider(SMS_PROVIDER)
      .useValue(sms)
      .overrideProvider(EMAIL_PROVIDER)
      .useValue(email)
      .compile();
    context = await module.init();
    db = context.get(DataSource);
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  beforeEach(() => {
    sms.sent.length = 0;
    email.sent.length = 0;
  });

  it('puts one unread message in every account’s inbox and queues one job for the copies', async () => {
    const organization = await organizationWithAccounts(['buxin-a@example.org', 'buxin-b']);
    await tellTranchePaid(organization.id, 'tranche-paid-inbox');

    const rows = await db.getRepository(Notification).findBy({ dedupKey: 'tranche-paid-inbox' });
    expect(rows.map((row) => row.userId).sort()).toEqual([...organization.userIds].sort());
    expect(rows.every((row) => row.readAt === null && row.titleZh.includes('资金已拨付'))).toBe(true);
    expect(rows[0].bodyZh).toContain('¥15,000.00');
    expect(
      await db.getRepository(OutboxMessage).countBy({ jobId: `notify-tranche-paid-inbox-${organization.id}` }),
    ).toBe(1);
  });

  it('sends one SMS to the contact number and an e-mail to each account whose login is an address', async () => {
    const organization = await organizationWithAccounts(['buxin-c@example.org', 'buxin-d']);
    await tellTranchePaid(organization.id, 'tranche-paid-copies');

    const result = await context
      .get(SendNotificationHandler)
      .handle({ organizationId: organization.id, dedupKey: 'tranche-paid-copies' });

    expect(result).toEqual({ sms: 1, emails: 1 });
    expect(sms.sent).toEqual([{ to: '13912345678', text: expect.stringContaining('「圆梦布心·幸福家园」资金已拨付') }]);
    expect(email.sent).toEqual([
      {
        to: 'buxin-c@example.org',
        subject: '「圆梦布心·幸福家园」资金已拨付 / A tranche of "圆梦布心·幸福家园" was paid',
        text: expect.stringContaining('This tranche: ¥15,000.00.'),
      },
    ]);
  });

  it('tells each person of one thing once: the same notice again adds no message and queues no copies', async () => {
    const organization = await organizationWithAccounts(['buxin-e']);
    await tellTranchePaid(organization.id, 'tranche-paid-once');
    await tellTranchePaid(organization.id, 'tranche-paid-once');

    expect(await db.getRepository(Notification).countBy({ dedupKey: 'tranche-paid-once' })).toBe(1);
    expect(
      await db.getRepository(OutboxMessage).countBy({ jobId: `notify-tranche-paid-once-${organization.id}` }),
    ).toBe(1);
  });
});
